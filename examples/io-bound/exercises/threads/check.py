"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines download_all(urls: list[str]) -> list[bytes], a plain function. The
check imports FILE in a separate process, calls download_all() with 2 URLs (not timed: it pays
one-time costs such as imports), then with 20 URLs of a local server that answers each after
0.15 s. The URLs are new on every run, and the server counts the requests it receives and how
many are in flight at once. It passes when the result holds the same 20 bodies in order, the
server got a request for every URL and never more than 10 at once, the call is at least 70% of
the ideal speedup (the speedup of the check's own pool of 10 threads, measured in the same run),
no faster than 20 requests, 10 at a time, can be, and returned only after the server could have
answered every request, and the program exits cleanly afterwards. Exit code 0 when all pass, 1
when a check failed, 3 when the machine was too busy to judge the speed.
"""

from __future__ import annotations

import sys

from checker import check_downloads, main
from latency_server import serve

TASK = "download_all() with a pool of 10 threads"


def check(file, report):
    check_downloads(
        file, report, serve=serve, items=20, workers=10, latency_ms=150, share=0.70,
        is_async=False,
        slow_hint="Run fetch() in a concurrent.futures.ThreadPoolExecutor(max_workers=10) and "
                  "collect the results with pool.map(), so that 10 requests wait at once.",
        limit_hint="The task is a pool of 10 threads: ThreadPoolExecutor(max_workers=10) "
                   "lets 10 requests wait at once and queues the others.",
    )


if __name__ == "__main__":
    sys.exit(main(check, TASK))
