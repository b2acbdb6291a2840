"""Wrong: an escaped process. A classic daemon: fork, new session, fork again, parent
exits, so the leftover has no parent in the program and no group in common with it. On
Linux the check is its subreaper: it finds it anyway, names it, and ends it.

Kind: escape
Exit: 1
Expect: [FAIL] clean shutdown: the program exited but left 1 process running
Expect: the check ended them
"""

import asyncio
import os
import time
from pathlib import Path


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()

    async def deposit(self, amount: int) -> None:
        async with self.lock:
            balance = self.balance
            await asyncio.sleep(0)
            self.balance = balance + amount


def daemon(marker: Path) -> None:
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            marker.write_text(str(os.getpid()))
            time.sleep(60)
        os._exit(0)
    os.wait()


async def run_deposits(customers: int, deposits: int) -> int:
    marker = Path(__file__).with_suffix(".pid")
    if not marker.exists():
        daemon(marker)
    account = Account()

    async def customer() -> None:
        for _ in range(deposits):
            await account.deposit(1)

    async with asyncio.TaskGroup() as group:
        for _ in range(customers):
            group.create_task(customer())
    return account.balance
