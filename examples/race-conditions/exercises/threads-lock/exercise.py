"""Exercise: stop the lost deposits with a threading.Lock.

Four threads deposit 1 into the same account, 500 times each, so the balance
should end at 2,000. It ends lower, and differently on every run:
Account.deposit() reads the balance, pauses, and writes back the balance it
read plus the amount. While one thread pauses, another deposits, and the first
then writes back a value computed from an out-of-date read: that other deposit
is lost. The pause, time.sleep(0), stands for anything that can happen between
a read and a write (a log call, a database query); it makes the race show on
every run.

Your task: give each Account a threading.Lock, and hold it for the whole read,
pause and write, so that only one thread at a time updates the balance. Keep
the pause: a lock must make the update safe whatever runs inside it. Removing
the pause would only hide the race.

What `python3 check.py` checks: it imports your file (exercise.py, or the one
you name) in a separate process, calls run_deposits(threads, deposits) five
times with counts that change on every run (3 to 6 threads, 300 to 600
deposits each), watches every deposit, and passes when

- every run made the deposits asked for, from that many threads, and the
  threads deposited at the same time (not one after another);
- every deposit paused (time.sleep, however you import it) between its read
  of the balance and its write;
- the one shared account, read by the check, holds every deposit (zero lost)
  and run_deposits() returned its balance;
- each run returns within the time allowed, and the program exits cleanly
  afterwards.

Keep the name and the signature:
run_deposits(threads: int, deposits: int) -> int, which returns the final
balance.

Run it:    python3 exercise.py
Check it:  python3 check.py          (or python3 check.py my_version.py)
"""

from __future__ import annotations

import sys
import threading
import time


class Account:
    """A balance that several threads deposit into."""

    def __init__(self) -> None:
        self.balance = 0
        # TODO: give the account a lock: threading.Lock()

    def deposit(self, amount: int) -> None:
        # TODO: hold the lock for all three steps (a `with` block releases
        # it even on error).
        balance = self.balance  # 1. read
        time.sleep(0)  # 2. pause: another thread may run now
        self.balance = balance + amount  # 3. write back what was read + amount


def run_deposits(threads: int, deposits: int) -> int:
    """Start `threads` threads that each deposit 1, `deposits` times;
    return the final balance."""
    account = Account()

    def customer() -> None:
        for _ in range(deposits):
            account.deposit(1)

    workers = [threading.Thread(target=customer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return account.balance


def main() -> int:
    balance = run_deposits(threads=4, deposits=500)
    print(f"Expected a balance of 2,000, got {balance:,}: "
          f"{2000 - balance:,} deposits lost.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
