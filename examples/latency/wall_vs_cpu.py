"""How much of a network-bound program's time is waiting? Wall vs CPU time.

This program sends ITEMS requests, one after another, to a local server
that waits LATENCY_MS before each answer, and reads two clocks:
time.perf_counter() (wall time, a stopwatch) and time.process_time() (how
long this process ran on a CPU). The CPU time is a small fraction of the
wall time: the program is idle most of its life, waiting for answers.
That idle time is what threads or asyncio reclaim (see io-bound).
"""

import time
import urllib.request

from latency_server import serve

ITEMS = 20
LATENCY_MS = 50
TIMEOUT = 5


def fetch(url: str) -> bytes:
    """GET one URL and return the body."""
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.read()


def request_all(urls: list[str]) -> int:
    """Request the URLs one at a time; return the bytes received."""
    return sum(len(fetch(url)) for url in urls)


def main() -> None:
    with serve(latency_ms=LATENCY_MS) as server:
        wall, cpu = time.perf_counter(), time.process_time()
        request_all([server.url_for(item) for item in range(ITEMS)])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"wall time {wall:.2f} s, CPU time {cpu:.3f} s ({cpu / wall:.0%})")


if __name__ == "__main__":
    main()
