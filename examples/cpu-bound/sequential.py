"""CPU-bound work, one task after another: the baseline to compare with.

sum_of_squares() is deliberately plain Python: a loop of multiplications
that never waits for a disk or a network, so the CPU is busy the whole
time. One thread of Python runs on one core at a time, so this keeps one
core busy, however many the machine has. threads.py, asyncio_version.py
and processes.py share out the same chunks, so all four do the same work.
"""

import time

TASKS = 8
SIZE = 3_000_000  # numbers per task: about 0.1-0.2 s of work each


def sum_of_squares(start: int, stop: int) -> int:
    """Return start² + (start+1)² + ... + (stop-1)², one step at a time."""
    total = 0
    for number in range(start, stop):
        total += number * number
    return total


def chunks(tasks: int, size: int) -> list[tuple[int, int]]:
    """Split range(tasks * size) into `tasks` (start, stop) pairs."""
    return [(task * size, (task + 1) * size) for task in range(tasks)]


def compute_all(bounds: list[tuple[int, int]]) -> int:
    """Run every task in this thread, one after another."""
    return sum(sum_of_squares(start, stop) for start, stop in bounds)


def main() -> None:
    start = time.perf_counter()
    compute_all(chunks(TASKS, SIZE))
    print(f"{TASKS} tasks in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
