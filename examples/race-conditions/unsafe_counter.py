"""Threads share a counter without a lock, and updates get lost.

Each thread reads the counter, lets another run (`time.sleep(0)`), and
writes back what it read plus 1, undoing any update made in between.
"""

import threading
import time

THREADS, INCREMENTS = 4, 1000  # increments per thread


class Counter:
    """A number that several threads update. Nothing here protects it."""
    def __init__(self) -> None:
        self.value = 0


def add_many(counter: Counter, increments: int) -> None:
    for _ in range(increments):
        current = counter.value  # 1. read
        time.sleep(0)  # 2. let another thread run
        counter.value = current + 1  # 3. write: may undo another's update


def run_threads(threads: int, increments: int) -> int:
    counter = Counter()
    workers = [threading.Thread(target=add_many, args=(counter, increments))
               for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return counter.value


def main() -> None:
    start = time.perf_counter()
    total = run_threads(THREADS, INCREMENTS)
    elapsed = time.perf_counter() - start
    print(f"expected {THREADS * INCREMENTS}, got {total} in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
