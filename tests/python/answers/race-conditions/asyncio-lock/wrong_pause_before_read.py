"""Wrong: the race window moved, not closed. The await runs before the read, so no task
switch can happen between the read and the write; there is no lock.

Kind: race-window
Exit: 1
Expect: [FAIL] the pause runs between the read and the write
Expect: (one did: pause, read, write)
"""

import asyncio


class Account:
    def __init__(self) -> None:
        self.balance = 0

    async def deposit(self, amount: int) -> None:
        await asyncio.sleep(0)
        balance = self.balance
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
