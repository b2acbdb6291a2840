"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines run_deposits(threads: int, deposits: int) -> int, a plain function
that starts `threads` threads, each calling Account.deposit(1) `deposits` times on one shared
Account, and returns its balance; Account.deposit() pauses with time.sleep(0) between its read
of self.balance and its write. The check imports FILE in a separate process and calls
run_deposits() five times, with counts that change on every run (3 to 6 threads, 300 to 600
deposits each). While it runs, the check watches every call of Account.deposit(), every read
and write of Account.balance, and every time.sleep() (however it was imported). It passes
when every run made the deposits asked for, from that many threads, at overlapping times;
every deposit paused between its read and its write; the one shared account, read by the
check, ended with every deposit and run_deposits() returned its balance; the runs finished
in time; and the program exited cleanly. Exit code 0 when all pass, else 1.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from checker import Report, check_deposits, deposit_watch, main, run_function

TASK = "no lost deposits, with a threading.Lock"
RUNS = 5
TIMEOUT_S = 10


def check(file: Path, report: Report) -> None:
    counts = [(random.randint(3, 6), random.randint(300, 600)) for _ in range(RUNS)]
    run = run_function(file, "run_deposits", counts, timeout_s=TIMEOUT_S,
                       watch=deposit_watch("time.sleep"))
    if not report.require_run(run, "runs"):
        return
    report.ok(f"runs: {RUNS} calls of run_deposits() returned, in {min(run.seconds):.2f} to "
              f"{max(run.seconds):.2f} s each")
    check_deposits(
        report, run, counts, who="thread", pause="time.sleep",
        lock_hint="Create one threading.Lock per account (in __init__, not in deposit(): a new "
                  "lock on every call protects nothing) and hold it with `with self.lock:` "
                  "around the read, the pause and the write.")
    report.shutdown(run)


if __name__ == "__main__":
    sys.exit(main(check, TASK))
