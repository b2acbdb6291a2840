"""Wrong: less concurrency than the task asks. Two threads: faster than one, far from ten;
the server saw at most 2 requests at once, so a busy machine cannot be to blame.

Kind: limits
Exit: 1
Expect: [FAIL] fast enough
Expect: never had more than 2 of your requests in flight at once
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(fetch, urls))
