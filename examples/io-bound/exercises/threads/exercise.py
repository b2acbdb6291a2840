"""Exercise: download with a pool of threads.

This program downloads 20 items from a local server that takes 0.15 s to
answer each request. download_all() asks for them one after another, so the
program spends about 20 x 0.15 = 3 s waiting, and almost none of it working.

Your task: make download_all() use a pool of 10 threads
(concurrent.futures.ThreadPoolExecutor), so that up to 10 requests wait at the
same time. A thread waiting for an answer releases the GIL, so the waits
overlap even with the GIL.

What `python3 check.py` checks: it imports your file (exercise.py, or the one
you name) in a separate process, calls download_all(urls) with 20 URLs of its
own server (same 0.15 s latency, new URLs on every run), and passes when

- the result is the same as the sequential version's: the 20 bodies, in the
  order of `urls`;
- the server got a request for every URL, and never more than 10 at once
  (it counts them: 10 threads, 10 requests in flight);
- it is fast: at least 70% of the ideal speedup. With 10 workers, 20 requests
  take 2 rounds of one request each: ideally 10x faster than one after
  another (about 8x in the check, whose server answers the first URL a bit
  later). The check measures the ideal in the same run, with its own pool of
  10 threads, so a busy machine lowers the bar fairly;
- the program exits cleanly after download_all() returns (no thread left
  running).

Keep the name and the signature:
download_all(urls: list[str]) -> list[bytes].

Run it:    python3 exercise.py
Check it:  python3 check.py          (or python3 check.py my_version.py)
"""

from __future__ import annotations

import sys
import time
import urllib.request

from latency_server import serve

ITEMS = 20
LATENCY_MS = 150


def fetch(url: str) -> bytes:
    """GET one URL and return the body; give up after 10 s."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def download_all(urls: list[str]) -> list[bytes]:
    """Return the body of every URL, in the order of `urls`."""
    # TODO: run fetch() for every URL in a ThreadPoolExecutor with 10 workers.
    # TODO: keep the results in the order of `urls` (pool.map() does).
    return [fetch(url) for url in urls]


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
