"""Download every item one after another: the baseline to beat.

Each request spends almost all of its time waiting: the local server holds
every answer for LATENCY_MS before sending it. While one request waits,
this program does nothing else, so the total time is about
ITEMS x latency. threads.py, async_io.py and processes.py overlap those
waits.
"""

import time
import urllib.request

from latency_server import serve

ITEMS = 40
LATENCY_MS = 50  # the server's delay before each answer
TIMEOUT = 5  # seconds to wait for one answer


def fetch(url: str) -> bytes:
    """GET one URL and return the body."""
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    """Fetch the URLs one at a time."""
    return [fetch(url) for url in urls]


def main() -> None:
    with serve(latency_ms=LATENCY_MS) as server:
        start = time.perf_counter()
        download_all([server.url_for(item) for item in range(ITEMS)])
    print(f"{ITEMS} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
