"""Right, written differently: futures submitted one by one, results read in the order of
the URLs, the pool shut down by hand.

Kind: right
Timed: yes
Exit: 0
Expect: All checks passed.
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    pool = ThreadPoolExecutor(max_workers=10)
    try:
        futures = [pool.submit(fetch, url) for url in urls]
        return [future.result() for future in futures]
    finally:
        pool.shutdown(wait=True)
