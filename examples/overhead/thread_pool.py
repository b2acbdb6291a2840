"""Many small tasks in a thread pool: the cost of handing out each task.

A ThreadPoolExecutor puts every task on a queue; an idle thread takes it,
runs it and stores the result in a Future for the main thread. Each step
costs microseconds, paid once per task. For CPU-bound work there is
nothing to win in exchange while the GIL is enabled: one thread runs
Python code at a time, so the pool can only be slower than loop.py.
"""

import os
import time
from concurrent.futures import ThreadPoolExecutor

from loop import TASK_SIZE, TASKS, small_task

WORKERS = os.cpu_count() or 1


def run_all(tasks: int, task_size: int) -> None:
    """Submit every task to a pool of WORKERS threads; wait for all."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for _ in pool.map(small_task, [task_size] * tasks):
            pass  # map raises here if a task failed


def main() -> None:
    start = time.perf_counter()
    run_all(TASKS, TASK_SIZE)
    print(f"{TASKS} tasks in {time.perf_counter() - start:.4f} s")


if __name__ == "__main__":
    main()
