"""CPU-bound work in a thread pool: faster only where the GIL is off.

On a default build of CPython the GIL lets one thread run Python code at
a time: the threads take turns on one core, so this takes about as long
as sequential.py. Threads suit work that *waits*. On a free-threaded
build (python3.13t, python3.14t) with the GIL off, the threads run on
several cores at once, about as fast as processes.py.
"""

import os
import time
from concurrent.futures import ThreadPoolExecutor

from sequential import SIZE, TASKS, chunks, sum_of_squares

WORKERS = os.cpu_count() or 1  # one thread per core


def compute_one(bounds: tuple[int, int]) -> int:
    """Runs in a pool thread: one task."""
    return sum_of_squares(*bounds)


def compute_all(bounds: list[tuple[int, int]]) -> int:
    """Run the tasks in a pool of WORKERS threads."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return sum(pool.map(compute_one, bounds))


def main() -> None:
    start = time.perf_counter()
    compute_all(chunks(TASKS, SIZE))
    print(f"{TASKS} tasks in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
