"""Wrong, and the message must point at the cause: each task raises, the TaskGroup raises
an ExceptionGroup; the verdict shows the first traceback from inside a task.

Kind: messages
Exit: 1
Expect: run_deposits() raised ExceptionGroup
Expect: first error inside your tasks
Expect: KeyError: 'amount'
"""

import asyncio


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()

    async def deposit(self, amount: int) -> None:
        async with self.lock:
            balance = self.balance
            await asyncio.sleep(0)
            self.balance = balance + {"value": amount}["amount"]


async def run_deposits(customers: int, deposits: int) -> int:
    account = Account()

    async def customer() -> None:
        for _ in range(deposits):
            await account.deposit(1)

    async with asyncio.TaskGroup() as group:
        for _ in range(customers):
            group.create_task(customer())
    return account.balance
