"""Wrong, and the message must name the cause: a loop that never ends. The verdict says
it was computing, where, and gives no hint about timeouts or locks.

Kind: messages
Exit: 1
Expect: it was computing all the time at line
Expect: A loop runs without end
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
            self.balance = balance + amount


async def run_deposits(customers: int, deposits: int) -> int:
    account = Account()
    done = 0
    while done < customers * deposits:
        account.balance = account.balance
    return account.balance
