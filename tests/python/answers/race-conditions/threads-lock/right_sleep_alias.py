"""Right, written differently: the pause is imported under another name, the lock is
acquired and released by hand, and a ThreadPoolExecutor runs the customers.

Kind: right
Exit: 0
Expect: All checks passed.
"""

from concurrent.futures import ThreadPoolExecutor
from threading import Lock
from time import sleep as pause


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.guard = Lock()

    def deposit(self, amount: int) -> None:
        self.guard.acquire()
        try:
            before = self.balance
            pause(0)
            self.balance = before + amount
        finally:
            self.guard.release()


def run_deposits(threads: int, deposits: int) -> int:
    account = Account()

    def customer(_: int) -> None:
        for _ in range(deposits):
            account.deposit(1)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(customer, range(threads)))
    return account.balance
