"""Wrong: the race window moved, not closed. The pause is created but never awaited, so
it never runs (Python warns "coroutine was never awaited").

Kind: race-window
Exit: 1
Expect: [FAIL] the pause runs between the read and the write
Expect: (one did: read, write)
"""

import asyncio


class Account:
    def __init__(self) -> None:
        self.balance = 0

    async def deposit(self, amount: int) -> None:
        balance = self.balance
        asyncio.sleep(0)
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
