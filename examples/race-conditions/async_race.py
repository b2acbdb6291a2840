"""asyncio has race conditions too: deposits get lost across an `await`.

asyncio runs all its tasks in one thread and switches between them only at
an `await`, so code between two awaits runs without interruption, which is
why asyncio code rarely needs locks. But a read-modify-write that *spans*
an await is not safe: while one task is paused at the await, the others
read the same old balance, and each writes back its own "old balance + 1":
all but one of those deposits are lost.

`await asyncio.sleep(0)` is the shortest await; a database query or an
HTTP call would pause the task longer and lose more. The event loop runs
ready tasks in a fixed order, so every run loses the same deposits.

Run:  python3 async_race.py --customers 20 --deposits 50 --json
"""

from __future__ import annotations

import asyncio
import sys

from runner import Job, lost_note, lost_updates, main
from timing import TaskRecorder


class Account:
    """A bank balance shared by every task. Nothing here protects it."""

    def __init__(self) -> None:
        self.balance = 0


async def deposit(account: Account, amount: int) -> None:
    """Add `amount` to the balance: read, await something, write back."""
    balance = account.balance  # 1. read
    await asyncio.sleep(0)  # 2. any await: a query, an API call...
    account.balance = balance + amount  # 3. write: may undo a deposit


async def customer(account: Account, deposits: int, task_id: int,
                   recorder: TaskRecorder) -> None:
    """One customer: makes `deposits` deposits of 1, one after another."""
    with recorder.task(task_id, worker=f"customer-{task_id}"):
        for _ in range(deposits):
            await deposit(account, 1)


async def serve(customers: int, deposits: int,
                recorder: TaskRecorder) -> Account:
    """Run every customer as its own task, all at once."""
    account = Account()
    async with asyncio.TaskGroup() as group:
        for task_id in range(customers):
            group.create_task(customer(account, deposits, task_id, recorder))
    return account


JOB = Job("race-conditions", "async_race.py", "async-race",
          "Deposit to one balance from many asyncio tasks, without a lock.",
          lambda run: lost_updates(
              run.args.customers * run.args.deposits,
              asyncio.run(serve(run.args.customers, run.args.deposits,
                                run.recorder)).balance),
          options={"customers": 10, "deposits": 100, "timeout": 60.0},
          note=lost_note("deposits were lost across the await"))

if __name__ == "__main__":
    sys.exit(main(JOB))
