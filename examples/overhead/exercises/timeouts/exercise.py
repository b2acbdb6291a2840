"""Exercise: a server that never answers must not hang the program.

download_all() fetches 10 URLs one after another. Eight come from a server
that answers in 0.1 s. Two come from a server that takes an hour: in effect it
hangs, as real servers sometimes do. fetch() passes no timeout to urlopen(),
so it waits as long as the server takes, and the program hangs with it.
(Run it, then press Ctrl-C.)

Your task, in two steps:

1. Give up on a request after `timeout` seconds: pass timeout= to urlopen(),
   and return None for a URL that did not answer in time (urlopen raises an
   OSError: TimeoutError, or a URLError when the connection itself timed out).
2. Choose a pattern and a worker count so that the slow requests wait *at the
   same time*, not one after another: with threads and 10 workers, all 10
   requests run at once, and the whole call takes about `timeout` seconds.

What `python3 check.py` checks: it imports your file (exercise.py, or the one
you name) in a separate process and calls download_all(urls, timeout=1.0)
with 8 URLs of a server that answers in 0.1 s and 2 URLs of a server that
accepts the connection and never answers. It passes when

- download_all() returns at all (the check stops it after 8 s);
- the result holds the 8 bodies, and None for the 2 URLs that never
  answered, in order; every URL (new on every run) got a request;
- it returns in time: the slowest request may take `timeout` (1 s), so the
  ideal is about 1 s (the check times its own answer in the same run), and
  the call must reach 70% of that ideal speed: about 1.43 s at most, and
  it cannot be shorter than the timeout;
- the program exits cleanly afterwards: no thread is left waiting on the
  silent server. (A future's result(timeout=) stops *your* wait, not the
  thread's: put the timeout on the request itself.)

Keep the name and the signature:
download_all(urls: list[str], timeout: float) -> list[bytes | None].

Run it:    python3 exercise.py
Check it:  python3 check.py          (or python3 check.py my_version.py)
"""

from __future__ import annotations

import sys
import time
import urllib.request

from latency_server import serve

TIMEOUT_S = 1.0


def fetch(url: str, timeout: float) -> bytes | None:
    """GET one URL and return the body, or None if the server does not
    answer in time."""
    # TODO: pass timeout=timeout to urlopen(), and return None when it
    # raises OSError.
    with urllib.request.urlopen(url) as response:
        return response.read()


def download_all(urls: list[str], timeout: float) -> list[bytes | None]:
    """Return the body of every URL, or None where it did not answer in
    time, in order."""
    # TODO: run the requests at the same time, in a ThreadPoolExecutor with
    # enough workers.
    return [fetch(url, timeout) for url in urls]


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
