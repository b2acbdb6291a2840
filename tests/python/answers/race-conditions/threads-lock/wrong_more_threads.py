"""Wrong: more concurrency than the task asks. Twice the threads, each making half the
deposits: the balance is right, the task (`threads` threads) is not.

Kind: limits
Exit: 1
Expect: [FAIL] the deposits were made
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
    account = Account()
    shares = [deposits // 2, deposits - deposits // 2] * threads

    def customer(count: int) -> None:
        for _ in range(count):
            account.deposit(1)

    workers = [threading.Thread(target=customer, args=(n,)) for n in shares]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return account.balance
