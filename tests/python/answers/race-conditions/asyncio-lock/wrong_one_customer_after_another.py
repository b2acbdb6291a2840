"""Wrong: no concurrency. Each customer is awaited before the next one starts, all in the
one task that runs run_deposits(): no race, and no lock tested.

Kind: limits
Exit: 1
Expect: [FAIL] the deposits overlapped in time
"""

import asyncio


class Account:
    def __init__(self) -> None:
        self.balance = 0

    async def deposit(self, amount: int) -> None:
        balance = self.balance
        await asyncio.sleep(0)
        self.balance = balance + amount


async def run_deposits(customers: int, deposits: int) -> int:
    account = Account()

    async def customer() -> None:
        for _ in range(deposits):
            await account.deposit(1)

    for _ in range(customers):
        await customer()
    return account.balance
