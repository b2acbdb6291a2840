"""Exercise: stop the lost deposits in asyncio code with an asyncio.Lock.

Ten asyncio tasks deposit 1 into the same account, 100 times each, so the
balance should end at 1,000. It ends far lower. asyncio runs every task in one
thread and switches between them only at an `await`, but Account.deposit()
has an await between its read and its write: while one task waits there, the
others read the same old balance, and each writes back its own
"old balance + 1". The `await asyncio.sleep(0)` stands for any await (a
database query, an HTTP call).

Your task: give each Account an asyncio.Lock and hold it (`async with`) for
the read, the await and the write. Keep the await. Do not use a
threading.Lock: a task that waits for it blocks the event loop's only thread,
so the task holding it never gets to release it.

What `python3 check.py` checks: it imports your file (exercise.py, or the one
you name) in a separate process, runs run_deposits(customers, deposits) five
times, each in its own event loop, with counts that change on every run (8 to
12 customers, 80 to 120 deposits each), watches every deposit, and passes
when

- every run made the deposits asked for, from that many tasks, and the tasks
  deposited at the same time (not one after another);
- every deposit awaited asyncio.sleep() between its read of the balance and
  its write;
- the one shared account, read by the check, holds every deposit (zero lost)
  and run_deposits() returned its balance;
- each run returns within the time allowed, and the program exits cleanly
  afterwards.

Keep the name and the signature:
async def run_deposits(customers: int, deposits: int) -> int, which returns
the final balance.

Run it:    python3 exercise.py
Check it:  python3 check.py          (or python3 check.py my_version.py)
"""

from __future__ import annotations

import asyncio
import sys


class Account:
    """A balance that several asyncio tasks deposit into."""

    def __init__(self) -> None:
        self.balance = 0
        # TODO: give the account a lock: asyncio.Lock()

    async def deposit(self, amount: int) -> None:
        # TODO: hold the lock for all three steps: `async with self.lock:`
        balance = self.balance  # 1. read
        await asyncio.sleep(0)  # 2. await: the loop may run another task now
        self.balance = balance + amount  # 3. write back what was read + amount


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
