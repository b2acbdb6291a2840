"""The shared balance of async_race.py, protected by an asyncio.Lock: no deposit is lost.

Each deposit still reads the balance, awaits something, and writes back, but now it holds an
asyncio.Lock across all three steps:

    async with account.lock:
        balance = account.balance
        await asyncio.sleep(0)
        account.balance = balance + amount

While one task holds the lock and is paused at its await, another task that reaches
`async with account.lock` waits there (it awaits the lock, so the event loop keeps running other
tasks). No task can read the balance between another task's read and write, so the final
balance is exactly customers x deposits, on every run.

asyncio.Lock, not threading.Lock: a threading.Lock would block the whole event loop thread, and
with it every task, including the one that holds the lock: the program would hang. In asyncio,
use the asyncio versions of locks, events and semaphores.

The cost: the deposits now happen one at a time. Keep the locked section short: do awaits that
don't need the shared value outside it.

Run it:

    python3 async_locked.py
    python3 async_locked.py --customers 20 --deposits 50 --json
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
    """A bank balance shared by every task, and the lock that guards it."""

    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()


async def deposit(account: Account, amount: int) -> None:
    """Add `amount` to the balance; the lock makes the read-await-write one atomic step."""
    async with account.lock:                   # wait (without blocking the loop) for the lock
        balance = account.balance              # 1. read
        await asyncio.sleep(0)                 # 2. other tasks run, but cannot get the lock
        account.balance = balance + amount     # 3. write back: nobody changed it meanwhile


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
        script="async_locked.py",
        variant="async-locked",
        parameters={"customers": customers, "deposits": deposits},
        recorder=recorder,
        metrics={"expected": expected, "actual": account.balance,
                 "lost_updates": expected - account.balance},
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Deposit to one balance from many asyncio tasks, under an asyncio.Lock: "
                    "no deposit is lost.",
    )
    parser.add_argument("--customers", type=positive_int, default=10,
                        help="asyncio tasks depositing at the same time (default: %(default)s)")
    parser.add_argument("--deposits", type=positive_int, default=100,
                        help="deposits of 1 that each customer makes (default: %(default)s)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"async_locked.py: {args.customers} asyncio tasks each deposit 1, {args.deposits} times, "
          "under an asyncio.Lock...", file=sys.stderr)
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
              f"{metrics['lost_updates']:,} deposits lost. The lock made each deposit atomic.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
