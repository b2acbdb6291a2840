"""Download the items with a pool of threads: while one waits, others ask.

A thread that waits on a socket releases the GIL, so the other threads run
meanwhile. With WORKERS threads, up to that many requests wait at once,
and the total time drops from about ITEMS x latency to about
(ITEMS / WORKERS) x latency. ThreadPoolExecutor starts the threads and
hands each one the next URL; map() returns the bodies in order.
"""

import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from latency_server import serve

ITEMS = 40
WORKERS = 10  # threads, so requests waiting at once
LATENCY_MS = 50  # the server's delay before each answer
TIMEOUT = 5  # seconds to wait for one answer


def fetch(url: str) -> bytes:
    """Runs in a pool thread: GET one URL and return the body."""
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    """Fetch the URLs with a pool of WORKERS threads."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(fetch, urls))


def main() -> None:
    with serve(latency_ms=LATENCY_MS) as server:
        start = time.perf_counter()
        download_all([server.url_for(item) for item in range(ITEMS)])
    print(f"{ITEMS} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
