"""Wrong: no concurrency. Each thread is started and joined before the next one starts, so
the deposits never overlap: no race, and no lock tested.

Kind: limits
Exit: 1
Expect: [FAIL] the deposits overlapped in time
Expect: Start all the threads first
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

    def customer() -> None:
        for _ in range(deposits):
            account.deposit(1)

    for _ in range(threads):
        worker = threading.Thread(target=customer)
        worker.start()
        worker.join()
    return account.balance
