"""Threads that keep one connection each, instead of one per request.

A connection serves one request at a time, so each thread keeps its own
in a threading.local(), as it would keep a requests.Session.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from urllib.parse import urlsplit

from latency_server import serve

ITEMS, WORKERS, LATENCY_MS, TIMEOUT = 40, 10, 50, 5
per_thread = threading.local()  # .connection: this thread's own
opened: list[HTTPConnection] = []  # every thread's, to close at the end


def fetch(url: str) -> bytes:
    parts = urlsplit(url)
    if not hasattr(per_thread, "connection"):  # this thread's first request
        per_thread.connection = HTTPConnection(parts.netloc, timeout=TIMEOUT)
        opened.append(per_thread.connection)
    per_thread.connection.request("GET", parts.path)
    return per_thread.connection.getresponse().read()  # all, before the next


def download_all(urls: list[str]) -> list[bytes]:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        bodies = list(pool.map(fetch, urls))
    for connection in opened:  # the threads are done with them
        connection.close()
    return bodies


def main() -> None:
    with serve(latency_ms=LATENCY_MS) as server:
        start = time.perf_counter()
        download_all([server.url_for(item) for item in range(ITEMS)])
    print(f"{ITEMS} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
