"""Solution: stop the lost deposits with a threading.Lock.

The lock belongs to the account, so every thread that deposits into it uses
the same lock. `with self.lock:` around the read, the pause and the write makes
the three steps one update that no other thread can interleave with: each
deposit starts from the balance the previous one wrote. A lock created inside
deposit() would be a new lock on every call, protecting nothing.

Check it:  python3 check.py solution.py
"""

from __future__ import annotations

import sys
import threading
import time


class Account:
    """A balance that several threads deposit into."""

    def __init__(self) -> None:
        self.balance = 0
        self.lock = threading.Lock()  # one per account, shared by every thread

    def deposit(self, amount: int) -> None:
        # One thread at a time runs the three steps; the others wait here.
        with self.lock:
            balance = self.balance  # 1. read
            time.sleep(0)  # 2. pause: others may run, but wait for the lock
            self.balance = balance + amount  # 3. write: nobody changed it


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
