"""Solution: timeouts on every request, and the waits overlapped in a
thread pool.

A thread cannot be cancelled from outside: once it is blocked in a read, only
the read's own timeout (or the server) wakes it. So the timeout goes on the
request itself, urlopen(..., timeout=...), and fetch() turns the OSError it
raises into None. Threads suit this job (the time is spent waiting, and 10
threads are cheap), and 10 workers let every request wait at once, so the call
takes about one timeout, and no thread is left behind when it returns.

Check it:  python3 check.py solution.py
"""

from __future__ import annotations

import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from latency_server import serve

TIMEOUT_S = 1.0


def fetch(url: str, timeout: float) -> bytes | None:
    """GET one URL and return the body, or None if the server does not
    answer in time."""
    try:
        # The timeout limits every wait on the socket: connecting, and
        # each read.
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except OSError:
        # TimeoutError while reading; URLError if the connection timed out
        return None


def download_all(urls: list[str], timeout: float) -> list[bytes | None]:
    """Return the body of every URL, or None where it did not answer in
    time, in order."""
    # One worker per URL: every request waits at the same time, so the call
    # takes about `timeout` however many servers are silent. (For many URLs,
    # cap the workers instead.)
    with ThreadPoolExecutor(max_workers=len(urls) or 1) as pool:
        return list(pool.map(fetch, urls, [timeout] * len(urls)))


def main() -> int:
    with serve(latency_ms=100) as fast, serve(latency_ms=3_600_000) as hung:
        urls = [f"{fast.url}/item/{item}" for item in range(8)]
        urls[3:3] = [f"{hung.url}/item/100", f"{hung.url}/item/101"]
        print(f"Downloading {len(urls)} items; 2 come from a server "
              "that does not answer...", file=sys.stderr)
        started = time.perf_counter()
        bodies = download_all(urls, TIMEOUT_S)
        elapsed = time.perf_counter() - started
    missing = sum(body is None for body in bodies)
    print(f"Got {len(bodies) - missing} items and gave up on {missing} "
          f"in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
