"""Many small tasks in a process pool: real parallelism, at a price.

Worker processes each have their own interpreter and GIL, so CPU-bound
tasks run on several cores at once. But every run pays once per pool to
start the workers, and once per task to pickle the function and its
arguments, send them to a worker through a pipe, and send the result
back. When a task does microseconds of work, those costs dwarf it and the
pool loses to loop.py; sweep (python3 compare.py sweep) finds the task
size from which the pool wins.
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor

from loop import TASK_SIZE, TASKS, small_task

WORKERS = os.cpu_count() or 1


def run_all(tasks: int, task_size: int) -> None:
    """Run the tasks in a new pool of WORKERS processes."""
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        for _ in pool.map(small_task, [task_size] * tasks):
            pass  # map raises here if a task failed


def main() -> None:
    start = time.perf_counter()
    run_all(TASKS, TASK_SIZE)
    print(f"{TASKS} tasks in {time.perf_counter() - start:.4f} s")


if __name__ == "__main__":
    main()
