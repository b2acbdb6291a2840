"""A plain `counter.value += 1` from several threads, with no lock.

`+=` is read, add 1, store: with the GIL no update happens to be lost
(no rule promises it); on a free-threaded build with the GIL off, many are.
"""

import threading
import time

THREADS, INCREMENTS = 4, 200_000  # increments per thread


class Counter:
    def __init__(self) -> None:
        self.value = 0


def add_many(counter: Counter, increments: int,
             start: threading.Barrier) -> None:
    start.wait()  # every thread begins at once, so that they overlap
    for _ in range(increments):
        counter.value += 1  # read, add, store: not atomic


def run_threads(threads: int, increments: int) -> int:
    counter, start = Counter(), threading.Barrier(threads)
    workers = [threading.Thread(target=add_many,
                                args=(counter, increments, start))
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
