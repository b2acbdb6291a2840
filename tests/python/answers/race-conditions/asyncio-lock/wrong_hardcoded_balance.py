"""Wrong: results without the work. The tasks run, but run_deposits() returns
customers x deposits instead of the account's balance, which lost deposits.

Kind: work
Exit: 1
Expect: [FAIL] no lost deposits
Expect: the account ended with
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

    await asyncio.gather(*(customer() for _ in range(customers)))
    return customers * deposits
