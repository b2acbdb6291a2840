"""Wrong: more concurrency than the task allows. A pool of 20 threads where the task says
10: every request waits at once.

Kind: limits
Exit: 1
Expect: [FAIL] at most 10 requests at once: the server had
Expect: Hint: The task is a pool of 10 threads
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    with ThreadPoolExecutor(max_workers=20) as pool:
        return list(pool.map(fetch, urls))
