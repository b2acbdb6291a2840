"""Wrong: the race window moved, not closed. The pause is still in the source, but in a
branch that never runs.

Kind: race-window
Exit: 1
Expect: [FAIL] the pause runs between the read and the write
Expect: (one did: read, write)
"""

import threading
import time

SLOW = False


class Account:
    def __init__(self) -> None:
        self.balance = 0

    def deposit(self, amount: int) -> None:
        balance = self.balance
        if SLOW:
            time.sleep(0)
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
