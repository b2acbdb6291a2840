"""asyncio has race conditions too: deposits to a shared balance get lost across an `await`.

asyncio runs all its tasks in one thread and switches between them only at an `await`. Code
between two awaits therefore runs without interruption, which is why asyncio code rarely needs
locks. But a read-modify-write that *spans* an await is not safe:

    balance = account.balance            # 1. read
    await asyncio.sleep(0)               # 2. this task pauses; any other task may run now
    account.balance = balance + amount   # 3. write back a value computed from the old read

While one task is paused at step 2, the others read the same old balance. Each then writes
back its own "old balance + 1", and all but one of those deposits are lost.

`await asyncio.sleep(0)` is the shortest possible await: it only gives the event loop a chance
to run the other tasks. In real code it would be a database query or an HTTP call, which pauses
the task for longer and makes the damage worse, not better. Because the event loop runs ready
tasks in a fixed order, this example loses the same number of deposits on every run.

The fix is in async_locked.py.

Run it:

    python3 async_race.py
    python3 async_race.py --customers 20 --deposits 50 --json
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
    format_report,
    interrupted,
    positive_int,
    print_report,
)

EXAMPLE = "race-conditions"
TIMEOUT_S = 60.0


class Account:
    """A bank balance shared by every task. Nothing here protects it."""

    def __init__(self) -> None:
        self.balance = 0


async def deposit(account: Account, amount: int) -> None:
    """Add `amount` to the balance: read, await something, write back."""
    balance = account.balance              # 1. read
    await asyncio.sleep(0)                 # 2. stands in for any await: a query, an API call...
    account.balance = balance + amount     # 3. write back: may overwrite another task's deposit


async def customer(account: Account, deposits: int, task_id: int, recorder: TaskRecorder) -> None:
    """One customer: makes `deposits` deposits of 1, one after another."""
    with recorder.task(task_id, worker=f"customer-{task_id}"):
        for _ in range(deposits):
            await deposit(account, 1)


async def serve(customers: int, deposits: int, recorder: TaskRecorder) -> Account:
    """Run every customer as its own asyncio task, all at once, and return the account."""
    account = Account()
    async with asyncio.timeout(TIMEOUT_S):  # asyncio.timeout() is new in Python 3.11
        async with asyncio.TaskGroup() as group:
            for task_id in range(customers):
                group.create_task(customer(account, deposits, task_id, recorder))
    return account


def run(customers: int, deposits: int) -> dict[str, Any]:
    """Run the customers concurrently and report how many deposits were lost."""
    recorder = TaskRecorder()
    account = asyncio.run(serve(customers, deposits, recorder))
    recorder.stop()

    expected = customers * deposits
    return build_report(
        example=EXAMPLE,
        script="async_race.py",
        variant="async-race",
        parameters={"customers": customers, "deposits": deposits},
        recorder=recorder,
        metrics={"expected": expected, "actual": account.balance,
                 "lost_updates": expected - account.balance},
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Deposit to one balance from many asyncio tasks, with an await between "
                    "the read and the write, and count the lost deposits.",
    )
    parser.add_argument("--customers", type=positive_int, default=10,
                        help="asyncio tasks depositing at the same time (default: %(default)s)")
    parser.add_argument("--deposits", type=positive_int, default=100,
                        help="deposits of 1 that each customer makes (default: %(default)s)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"async_race.py: {args.customers} asyncio tasks each deposit 1, {args.deposits} times, "
          "with an await between read and write...", file=sys.stderr)
    try:
        report = run(args.customers, args.deposits)
    except KeyboardInterrupt:
        return interrupted()
    except TimeoutError:
        return fail(f"the deposits took longer than {TIMEOUT_S:g} s")
    if args.json:
        print_report(report, as_json=True)
    else:
        metrics = report["metrics"]
        print(format_report(report))
        print()
        print(f"Expected a balance of {metrics['expected']:,}, got {metrics['actual']:,}: "
              f"{metrics['lost_updates']:,} deposits were lost across the await.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
