"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines run_deposits(threads: int, deposits: int) -> int, a plain function
that returns the final balance, and an Account.deposit() that pauses with time.sleep(0) between
its read and its write. The check imports FILE in a separate process, calls run_deposits(4, 500)
five times, and passes when every run ends at exactly 2,000, the pause is still there, the runs
finish within the time allowed, and the program exits cleanly. Exit code 0 when all pass, else
1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker import Report, check_no_lost_updates, main, pauses, run_function

TASK = "no lost deposits, with a threading.Lock"
THREADS, DEPOSITS, RUNS = 4, 500, 5
TIMEOUT_S = 30


def check(file: Path, report: Report) -> None:
    if pauses(file, "deposit", "sleep"):
        report.ok("the pause (time.sleep(0)) between the read and the write is still there")
    else:
        report.fail("the pause between the read and the write is gone from deposit()",
                    "Put `time.sleep(0)` back between the read and the write: without it the "
                    "race still exists, it only shows less often. Fix it with a lock.")
    run = run_function(file, "run_deposits", [[THREADS, DEPOSITS]] * RUNS, timeout_s=TIMEOUT_S)
    if run.timed_out:
        run.hint = ("A thread waits forever: is a lock acquired and never released? Use "
                    "`with lock:`, which releases it on every way out of the block.")
    if not report.require_run(run, "runs"):
        return
    report.ok(f"runs: {RUNS} calls of run_deposits({THREADS}, {DEPOSITS}) returned, "
              f"in {min(run.seconds):.2f} to {max(run.seconds):.2f} s each")
    check_no_lost_updates(
        report, run, THREADS * DEPOSITS, "deposits",
        "Create one threading.Lock per account (in __init__, not in deposit(): a new lock on "
        "every call protects nothing) and hold it with `with self.lock:` around the read, the "
        "pause and the write.")
    report.shutdown(run)


if __name__ == "__main__":
    sys.exit(main(check, TASK))
