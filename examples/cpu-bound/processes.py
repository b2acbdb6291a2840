"""CPU-bound work in a process pool: every core, on any build of CPython.

Each worker process is a separate interpreter with its own GIL, so the
workers run Python code on different cores at once: with N cores this
takes about 1/N of sequential.py's time. The price: starting the workers,
and pickling every task and result between processes. The function a
worker runs must be importable by name (top level, not a lambda), and
with "spawn" or "forkserver" each worker imports this file, so the
`if __name__ == "__main__":` guard keeps it from running main() again.
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor

from sequential import SIZE, TASKS, chunks, sum_of_squares

WORKERS = os.cpu_count() or 1  # one process per core


def compute_one(bounds: tuple[int, int]) -> int:
    """Runs in a worker process: one task."""
    return sum_of_squares(*bounds)


def compute_all(bounds: list[tuple[int, int]]) -> int:
    """Run the tasks in a pool of WORKERS processes."""
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        return sum(pool.map(compute_one, bounds))


def main() -> None:
    start = time.perf_counter()
    compute_all(chunks(TASKS, SIZE))
    print(f"{TASKS} tasks in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
