"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines `async def run_deposits(customers: int, deposits: int) -> int`,
which runs `customers` asyncio tasks, each awaiting Account.deposit(1) `deposits` times on one
shared Account, and returns its balance; Account.deposit() awaits asyncio.sleep(0) between its
read of self.balance and its write. The check imports FILE in a separate process and runs
run_deposits() five times, each in its own event loop, with counts that change on every run
(8 to 12 customers, 80 to 120 deposits each). While it runs, the check watches every call of
Account.deposit(), every read and write of Account.balance, and every asyncio.sleep(). It
passes when every run made the deposits asked for, from that many tasks, at overlapping
times; every deposit awaited the pause between its read and its write; the one shared
account, read by the check, ended with every deposit and run_deposits() returned its
balance; the runs finished in time; and the program exited cleanly. Exit code 0 when all
pass, else 1.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from checker import Report, check_deposits, deposit_watch, main, run_function

TASK = "no lost deposits in asyncio code, with an asyncio.Lock"
RUNS = 5
TIMEOUT_S = 5


def check(file: Path, report: Report) -> None:
    counts = [(random.randint(8, 12), random.randint(80, 120)) for _ in range(RUNS)]
    run = run_function(file, "run_deposits", counts, is_async=True, timeout_s=TIMEOUT_S,
                       watch=deposit_watch("asyncio.sleep"))
    held = run.stuck.get("held") or [{}]
    if run.timed_out and held[0].get("kind") == "threading.Lock":
        run.hint = ("A threading.Lock in a coroutine blocks the event loop's only thread: the "
                    "task that holds the lock never runs again to release it. Use an "
                    "asyncio.Lock with `async with`.")
    elif run.timed_out and held[0].get("kind") == "asyncio.Lock":
        run.hint = ("Every task now waits for the asyncio.Lock that one task took and never "
                    "gave back: hold it with `async with self.lock:`, which releases it on "
                    "every way out of the block.")
    if not report.require_run(run, "runs"):
        return
    report.ok(f"runs: {RUNS} calls of run_deposits() returned, in {min(run.seconds):.2f} to "
              f"{max(run.seconds):.2f} s each")
    check_deposits(
        report, run, counts, who="task", pause="asyncio.sleep",
        lock_hint="Create one asyncio.Lock per account (in __init__) and hold it with "
                  "`async with self.lock:` around the read, the await and the write.")
    report.shutdown(run)


if __name__ == "__main__":
    sys.exit(main(check, TASK))
