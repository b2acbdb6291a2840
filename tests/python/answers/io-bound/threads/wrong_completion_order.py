"""Wrong: noise must not decide. The results come back in the order the requests finished
(as_completed), which matches the order of the URLs only when every answer takes the same
time; the check's server makes the first answer slower, every run.

Kind: noise
Exit: 1
Expect: [FAIL] correct result: the right values, but in a different order
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    with ThreadPoolExecutor(max_workers=10) as pool:
        futures = [pool.submit(fetch, url) for url in urls]
        return [future.result() for future in as_completed(futures)]
