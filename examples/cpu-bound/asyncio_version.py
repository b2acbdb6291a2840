"""CPU-bound work in asyncio tasks: one thread, so no faster than a loop.

asyncio switches between tasks only where a task awaits, and
sum_of_squares() never awaits: it computes. So the event loop runs the
tasks one after another, as sequential.py does, plus the cost of the
loop. asyncio overlaps *waits*, not computation; for CPU-bound work, hand
the tasks to a process pool (loop.run_in_executor), as processes.py does.
"""

import asyncio
import time

from sequential import SIZE, TASKS, chunks, sum_of_squares


async def compute_one(bounds: tuple[int, int]) -> int:
    """One task. No await inside: the loop can run nothing else meanwhile."""
    return sum_of_squares(*bounds)


async def compute_all(bounds: list[tuple[int, int]]) -> int:
    """Start one task per chunk on the event loop and wait for them all."""
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(compute_one(pair)) for pair in bounds]
    return sum(task.result() for task in tasks)


def main() -> None:
    start = time.perf_counter()
    asyncio.run(compute_all(chunks(TASKS, SIZE)))
    print(f"{TASKS} tasks in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
