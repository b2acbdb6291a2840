"""Many small tasks in a plain for loop: no concurrency, and no overhead.

small_task() sums the squares of 0 ... TASK_SIZE - 1 in plain Python, so
its cost grows with TASK_SIZE: a few microseconds for 100 numbers, tens of
milliseconds for 1,000,000. The loop calls it once per task: nothing is
queued, pickled, or sent to another thread or process. thread_pool.py and
process_pool.py run the same tasks in pools; with small tasks they lose,
because handing out each task costs more than the task itself.
"""

import time

TASKS = 500
TASK_SIZE = 100  # numbers per task: a few microseconds of work


def small_task(task_size: int) -> int:
    """Return 0² + 1² + ... + (task_size-1)²: work proportional to size."""
    total = 0
    for number in range(task_size):
        total += number * number
    return total


def run_all(tasks: int, task_size: int) -> None:
    """Run every task in this thread, one after another."""
    for _ in range(tasks):
        small_task(task_size)


def main() -> None:
    start = time.perf_counter()
    run_all(TASKS, TASK_SIZE)
    print(f"{TASKS} tasks in {time.perf_counter() - start:.4f} s")


if __name__ == "__main__":
    main()
