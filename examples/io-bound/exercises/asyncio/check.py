"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines `async def download_all(urls: list[str]) -> list[bytes]`. The check
imports FILE in a separate process, runs download_all(urls) in an event loop with 2 URLs (not
timed: it pays one-time costs such as imports), then with 20 URLs of a local server that
answers each after 0.15 s. The URLs are new on every run, and the server counts the requests it
receives and how many are in flight at once. It passes when the result holds the same 20 bodies
in order, the server got a request for every URL and never more than 10 at once, the call is at
least 70% of the ideal speedup (the speedup of the check's own pool of 10 threads, measured in
the same run), no faster than 20 requests, 10 at a time, can be, and returned only after the
server could have answered every request, and the program exits cleanly afterwards. Exit code 0
when all pass, 1 when a check failed, 3 when the machine was too busy to judge the speed.
"""

from __future__ import annotations

import sys

from checker import check_downloads, main
from latency_server import serve

TASK = "download_all() as asyncio tasks, 10 at a time"


def check(file, report):
    check_downloads(
        file, report, serve=serve, items=20, workers=10, latency_ms=150, share=0.70,
        is_async=True,
        slow_hint="Awaiting one fetch() after another waits for each in turn: create one task "
                  "per URL in an asyncio.TaskGroup (each one `async with` a Semaphore(10)), "
                  "and never call blocking code such as urllib or time.sleep() in a coroutine.",
        limit_hint="At most 10 requests may be in flight at once: let each task wait for an "
                   "asyncio.Semaphore(10) (`async with limit:`) before it fetches.",
    )


if __name__ == "__main__":
    sys.exit(main(check, TASK))
