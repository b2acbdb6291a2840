"""Wrong: faster than possible. It gives up after a quarter of `timeout`: the silent URLs
come back as None, but long before the timeout the task sets.

Kind: noise
Exit: 1
Expect: [FAIL] faster than possible
Expect: pass the `timeout` argument itself
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url: str, timeout: float) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except OSError:
        return None


def download_all(urls: list[str], timeout: float) -> list[bytes | None]:
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(fetch, urls, [0.25 * timeout] * len(urls)))
