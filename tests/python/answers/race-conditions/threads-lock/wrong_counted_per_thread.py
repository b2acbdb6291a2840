"""Wrong: results without the work. Each thread counts its own deposits and run_deposits()
returns the sum of the counts, not the shared account's balance (which lost deposits).

Kind: work
Exit: 1
Expect: [FAIL] no lost deposits
Expect: the account ended with
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
    account = Account()
    done = [0] * threads

    def customer(me: int) -> None:
        for _ in range(deposits):
            account.deposit(1)
            done[me] += 1

    workers = [threading.Thread(target=customer, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(done)
