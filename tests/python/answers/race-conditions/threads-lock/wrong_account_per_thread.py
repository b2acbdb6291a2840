"""Wrong: results without the work. Every thread deposits into an account of its own, so
nothing is shared and nothing can race; run_deposits() adds up the balances.

Kind: work
Exit: 1
Expect: [FAIL] no lost deposits
Expect: accounts, not one shared account
"""

import threading
import time


class Account:
    def __init__(self) -> None:
        self.balance = 0

    def deposit(self, amount: int) -> None:
        balance = self.balance
        time.sleep(0)
        self.balance = balance + amount


def run_deposits(threads: int, deposits: int) -> int:
    accounts = [Account() for _ in range(threads)]

    def customer(account: Account) -> None:
        for _ in range(deposits):
            account.deposit(1)

    workers = [threading.Thread(target=customer, args=(a,)) for a in accounts]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(account.balance for account in accounts)
