"""Wrong: results without the work. It returns None for the 4th and 5th URLs, where the
task says the silent ones are, without asking them.

Kind: work
Exit: 1
Expect: [FAIL] does the work: 2 of the 10 URLs got no request
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def download_all(urls: list[str], timeout: float) -> list[bytes | None]:
    fast = urls[:3] + urls[5:]
    with ThreadPoolExecutor(max_workers=8) as pool:
        bodies = list(pool.map(fetch, fast))
    return bodies[:3] + [None, None] + bodies[3:]
