"""Wrong: results without the work. run_deposits() returns the balance it should reach,
threads x deposits, without depositing anything.

Kind: work
Exit: 1
Expect: [FAIL] the deposits were made
Expect: Account.deposit() was never called
"""

import threading
import time


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = threading.Lock()

    def deposit(self, amount: int) -> None:
        with self.lock:
            balance = self.balance
            time.sleep(0)
            self.balance = balance + amount


def run_deposits(threads: int, deposits: int) -> int:
    return threads * deposits
