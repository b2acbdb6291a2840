"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines `async def run_deposits(customers: int, deposits: int) -> int`, which
returns the final balance, and an Account.deposit() that awaits asyncio.sleep(0) between its
read and its write. The check imports FILE in a separate process, runs
asyncio.run(run_deposits(10, 100)) five times, and passes when every run ends at exactly 1,000,
the await is still there, the runs finish within the time allowed, and the program exits
cleanly. Exit code 0 when all pass, else 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker import Report, check_no_lost_updates, main, pauses, run_function

TASK = "no lost deposits in asyncio code, with an asyncio.Lock"
CUSTOMERS, DEPOSITS, RUNS = 10, 100, 5
TIMEOUT_S = 5


def check(file: Path, report: Report) -> None:
    if pauses(file, "deposit", "sleep"):
        report.ok("the await (asyncio.sleep(0)) between the read and the write is still there")
    else:
        report.fail("the await between the read and the write is gone from deposit()",
                    "Put `await asyncio.sleep(0)` back between the read and the write: it stands "
                    "for any await, such as a query. Fix the race with an asyncio.Lock.")
    run = run_function(file, "run_deposits", [[CUSTOMERS, DEPOSITS]] * RUNS, is_async=True,
                       timeout_s=TIMEOUT_S)
    if run.timed_out:
        run.hint = ("The event loop is stuck: a threading.Lock (or any blocking call) in a "
                    "coroutine blocks the loop's only thread, so the task that holds the lock "
                    "never runs again to release it. Use asyncio.Lock with `async with`.")
    if not report.require_run(run, "runs"):
        return
    report.ok(f"runs: {RUNS} calls of run_deposits({CUSTOMERS}, {DEPOSITS}) returned, "
              f"in {min(run.seconds):.2f} to {max(run.seconds):.2f} s each")
    check_no_lost_updates(
        report, run, CUSTOMERS * DEPOSITS, "deposits",
        "Create one asyncio.Lock per account (in __init__) and hold it with "
        "`async with self.lock:` around the read, the await and the write.")
    report.shutdown(run)


if __name__ == "__main__":
    sys.exit(main(check, TASK))
