"""Download the items with a pool of processes: it works, but it is heavy.

A process pool overlaps the waits as a thread pool does, but each worker
is a whole interpreter that must start first, and every URL and body is
pickled through a pipe: nothing gained over threads for waiting. Forking
a program that runs a thread (the server) can deadlock the child, so the
workers start from a fork server (or "spawn" on Windows), which imports
this file afresh: hence fetch() at the top level.
"""

import multiprocessing
import os
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor

from latency_server import serve

ITEMS, WORKERS, LATENCY_MS, TIMEOUT = 40, 10, 50, 5
START_METHOD = "spawn" if os.name == "nt" else "forkserver"


def fetch(url: str) -> bytes:
    """Runs in a worker process: GET one URL and return the body."""
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    """Fetch the URLs with a pool of WORKERS processes."""
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        return list(pool.map(fetch, urls))


def main() -> None:
    with serve(latency_ms=LATENCY_MS) as server:
        start = time.perf_counter()
        download_all([server.url_for(item) for item in range(ITEMS)])
    print(f"{ITEMS} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
