"""Wrong: the race window moved, not closed. The pause runs before the read, so the read
and the write follow each other at once and the race rarely shows; there is no lock.

Kind: race-window
Exit: 1
Expect: [FAIL] the pause runs between the read and the write
Expect: (one did: pause, read, write)
"""

import threading
import time


class Account:
    def __init__(self) -> None:
        self.balance = 0

    def deposit(self, amount: int) -> None:
        time.sleep(0)
        balance = self.balance
        self.balance = balance + amount


def run_deposits(threads: int, deposits: int) -> int:
    account = Account()

    def customer() -> None:
        for _ in range(deposits):
            account.deposit(1)

    workers = [threading.Thread(target=customer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return account.balance
