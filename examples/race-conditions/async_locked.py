"""async_race.py with an asyncio.Lock: awaited, so no deposit is lost."""

import asyncio
import time

CUSTOMERS, DEPOSITS = 10, 100  # deposits of 1 per customer


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()  # a threading.Lock would hang the loop


async def deposit(account: Account, amount: int) -> None:
    async with account.lock:  # wait for it without blocking the loop
        balance = account.balance  # 1. read
        await asyncio.sleep(0)  # 2. others run, but cannot take the lock
        account.balance = balance + amount  # 3. write: nobody changed it


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
