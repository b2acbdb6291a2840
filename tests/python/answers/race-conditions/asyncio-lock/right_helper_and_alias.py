"""Right, written differently: the pause is `from asyncio import sleep as pause`, and
deposit() holds the lock around a helper coroutine that reads, pauses and writes; the
customers run under asyncio.gather().

Kind: right
Exit: 0
Expect: All checks passed.
"""

from asyncio import Lock, gather
from asyncio import sleep as pause


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = Lock()

    async def _add(self, amount: int) -> None:
        seen = self.balance
        await pause(0)
        self.balance = seen + amount

    async def deposit(self, amount: int) -> None:
        async with self.lock:
            await self._add(amount)


async def run_deposits(customers: int, deposits: int) -> int:
    account = Account()

    async def customer() -> None:
        for _ in range(deposits):
            await account.deposit(1)

    await gather(*(customer() for _ in range(customers)))
    return account.balance
