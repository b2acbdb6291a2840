"""Wrong: an escaped process. Besides a right answer, it starts a process in a new session
(out of the check's process group) that outlives the program and holds its output. The
check finds it, names it, ends it, and never waits on its output.

Kind: escape
Exit: 1
Expect: [FAIL] clean shutdown: the program exited but left 1 process running
Expect: time.sleep(60)
Expect: the check ended them
"""

import asyncio
import subprocess
import sys
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


async def run_deposits(customers: int, deposits: int) -> int:
    marker = Path(__file__).with_suffix(".pid")
    if not marker.exists():
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                                 start_new_session=True)
        marker.write_text(str(child.pid))
    account = Account()

    async def customer() -> None:
        for _ in range(deposits):
            await account.deposit(1)

    async with asyncio.TaskGroup() as group:
        for _ in range(customers):
            group.create_task(customer())
    return account.balance
