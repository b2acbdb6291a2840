"""The balance of async_race.py under an asyncio.Lock: no deposit lost.

Each deposit still reads the balance, awaits something, and writes back,
but holds an asyncio.Lock across all three steps. A task that reaches
`async with account.lock` while another holds it waits there, and since
it *awaits* the lock, the event loop keeps running the other tasks. No
task reads the balance between another's read and write, so the balance
is exactly customers x deposits on every run.

Not threading.Lock: held across an await, it blocks the event loop's
thread as soon as a second task asks for it, so the holder never resumes
to release it: the program hangs.

Run:  python3 async_locked.py --customers 20 --deposits 50 --json
"""

from __future__ import annotations

import asyncio
import sys

from runner import Job, lost_note, lost_updates, main
from timing import TaskRecorder


class Account:
    """A bank balance shared by every task, and the lock that guards it."""

    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()


async def deposit(account: Account, amount: int) -> None:
    """Add `amount`; the lock makes the read-await-write one atomic step."""
    async with account.lock:  # wait for it without blocking the loop
        balance = account.balance  # 1. read
        await asyncio.sleep(0)  # 2. others run, but cannot take the lock
        account.balance = balance + amount  # 3. write: nobody changed it


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


JOB = Job("race-conditions", "async_locked.py", "async-locked",
          "Deposit to one balance from many asyncio tasks, under a lock.",
          lambda run: lost_updates(
              run.args.customers * run.args.deposits,
              asyncio.run(serve(run.args.customers, run.args.deposits,
                                run.recorder)).balance),
          options={"customers": 10, "deposits": 100, "timeout": 60.0},
          note=lost_note("deposits lost"))

if __name__ == "__main__":
    sys.exit(main(JOB))
