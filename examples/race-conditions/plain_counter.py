"""A plain `counter.value += 1` from several threads, with no lock.

`+=` is three steps: read, add 1, store. With the GIL, no thread switch
happens to fall inside it, so no update is lost here, though no rule
promises it; on a free-threaded build with the GIL off, many are lost.
"""

import threading
import time

THREADS, INCREMENTS = 4, 200_000  # increments per thread


class Counter:
    """A number that several threads update. Nothing here protects it."""
    def __init__(self) -> None:
        self.value = 0


def add_many(counter: Counter, increments: int) -> None:
    for _ in range(increments):
        counter.value += 1  # read, add, store: not atomic


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
