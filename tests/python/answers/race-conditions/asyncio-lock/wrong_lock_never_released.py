"""Wrong, and the message must name the cause: the asyncio.Lock is acquired and never
released, so every other task waits for it forever. The verdict names an asyncio.Lock (not
the threading.Lock of the usual mistake) and the line that took it.

Kind: messages
Exit: 1
Expect: did not return within 5 s: an asyncio.Lock acquired at line
Expect: `await self.lock.acquire()`
Expect: never gave back
"""

import asyncio


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()

    async def deposit(self, amount: int) -> None:
        await self.lock.acquire()
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
