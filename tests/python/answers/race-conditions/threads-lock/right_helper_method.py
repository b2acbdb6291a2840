"""Right, written differently: deposit() holds the lock and calls a helper method that
reads, pauses and writes.

Kind: right
Exit: 0
Expect: [ok]   the pause runs between the read and the write
Expect: All checks passed.
"""

import threading
import time


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self._lock = threading.Lock()

    def _add(self, amount: int) -> None:
        current = self.balance
        time.sleep(0)
        self.balance = current + amount

    def deposit(self, amount: int) -> None:
        with self._lock:
            self._add(amount)


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
