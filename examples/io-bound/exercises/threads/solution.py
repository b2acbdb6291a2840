"""Solution: download with a pool of 10 threads.

pool.map() runs fetch() in the pool's threads and yields the results in the
order of `urls`. While a thread waits for the server it releases the GIL, so
10 requests wait at once and 20 requests take about 2 x 0.15 s instead of
20 x 0.15 s.

Check it:  python3 check.py solution.py
"""

from __future__ import annotations

import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from latency_server import serve

ITEMS = 20
LATENCY_MS = 150
WORKERS = 10


def fetch(url: str) -> bytes:
    """GET one URL and return the body; give up after 10 s."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    """Return the body of every URL, in the order of `urls`, with 10
    requests in flight at once."""
    # Leaving the `with` block waits for the threads: nothing is left
    # running afterwards.
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(fetch, urls))  # map() keeps the order of `urls`


def main() -> int:
    with serve(latency_ms=LATENCY_MS) as server:
        urls = [f"{server.url}/item/{item}" for item in range(ITEMS)]
        started = time.perf_counter()
        bodies = download_all(urls)
        elapsed = time.perf_counter() - started
    print(f"Downloaded {len(bodies)} items "
          f"({sum(map(len, bodies)):,} bytes) in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
