"""asyncio has race conditions too: deposits get lost across an `await`.

While one task waits at the await, the others read the same old balance,
and each writes back its own "old balance + 1": those deposits are lost.
"""

import asyncio
import time

CUSTOMERS, DEPOSITS = 10, 100  # deposits of 1 per customer


class Account:
    def __init__(self) -> None:
        self.balance = 0


async def deposit(account: Account, amount: int) -> None:
    balance = account.balance  # 1. read
    await asyncio.sleep(0)  # 2. any await: a query, an API call...
    account.balance = balance + amount  # 3. write: may undo a deposit


async def customer(account: Account, deposits: int) -> None:
    for _ in range(deposits):
        await deposit(account, 1)


async def serve(customers: int, deposits: int) -> int:
    account = Account()
    async with asyncio.TaskGroup() as group:
        for _ in range(customers):
            group.create_task(customer(account, deposits))
    return account.balance


def main() -> None:
    start = time.perf_counter()
    total = asyncio.run(serve(CUSTOMERS, DEPOSITS))
    elapsed = time.perf_counter() - start
    print(f"expected {CUSTOMERS * DEPOSITS}, got {total} in {elapsed:.3f} s")


if __name__ == "__main__":
    main()
