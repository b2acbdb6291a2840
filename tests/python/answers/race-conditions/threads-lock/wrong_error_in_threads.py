"""Wrong, and the message must point at the cause: every thread raises (a str added to an
int), so no deposit lands; the verdict shows the first traceback from inside a thread.

Kind: messages
Exit: 1
Expect: [FAIL]
Expect: first error inside your threads
Expect: TypeError
Expect: An error was raised inside your threads or tasks
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
            self.balance = balance + str(amount)


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
