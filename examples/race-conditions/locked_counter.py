"""The counter of unsafe_counter.py under a threading.Lock: none lost.

One thread at a time holds the lock, so each update is atomic.
"""

import threading
import time

THREADS, INCREMENTS = 4, 1000  # increments per thread


class Counter:
    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()


def add_many(counter: Counter, increments: int) -> None:
    for _ in range(increments):
        with counter.lock:  # wait until no other thread holds it
            current = counter.value  # 1. read
            time.sleep(0)  # 2. others run, but cannot take the lock
            counter.value = current + 1  # 3. write: nobody changed it


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
