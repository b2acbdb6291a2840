"""Wrong, and the message must name the cause: a threading.Lock in asyncio code. The second
task blocks the event loop's only thread waiting for a lock that the first task, which can
never run again, holds.

Kind: messages
Exit: 1
Expect: a threading.Lock acquired at line
Expect: the thread that holds it waits for it again
Expect: Use an asyncio.Lock
"""

import asyncio
import threading


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = threading.Lock()

    async def deposit(self, amount: int) -> None:
        with self.lock:
            balance = self.balance
            await asyncio.sleep(0)
            self.balance = balance + amount


async def run_deposits(customers: int, deposits: int) -> int:
    account = Account()

    async def customer() -> None:
        for _ in range(deposits):
            await account.deposit(1)

    async with asyncio.TaskGroup() as group:
        for _ in range(customers):
            group.create_task(customer())
    return account.balance
