"""Solution: stop the lost deposits in asyncio code with an asyncio.Lock.

`async with self.lock:` makes the read, the await and the write one update. A
task that finds the lock taken *awaits* it: the event loop runs other tasks
meanwhile, and wakes it when the lock is free. A threading.Lock would block
instead, and with it the only thread of the event loop, so the task holding
the lock could never release it: the program would hang.

Check it:  python3 check.py solution.py
"""

from __future__ import annotations

import asyncio
import sys


class Account:
    """A balance that several asyncio tasks deposit into."""

    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()  # one per account, shared by every task

    async def deposit(self, amount: int) -> None:
        # A task that finds the lock taken awaits here, freeing the loop.
        async with self.lock:
            balance = self.balance  # 1. read
            await asyncio.sleep(0)  # 2. others may run, but wait for the lock
            self.balance = balance + amount  # 3. write: nobody changed it


async def run_deposits(customers: int, deposits: int) -> int:
    """Run `customers` tasks that each deposit 1, `deposits` times;
    return the final balance."""
    account = Account()

    async def customer() -> None:
        for _ in range(deposits):
            await account.deposit(1)

    async with asyncio.TaskGroup() as group:
        for _ in range(customers):
            group.create_task(customer())
    return account.balance


def main() -> int:
    balance = asyncio.run(run_deposits(customers=10, deposits=100))
    print(f"Expected a balance of 1,000, got {balance:,}: "
          f"{1000 - balance:,} deposits lost.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
