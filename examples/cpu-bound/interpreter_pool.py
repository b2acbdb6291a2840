"""CPU-bound work in an InterpreterPoolExecutor (Python 3.14 and later).

Each worker is a thread running its own interpreter, and each interpreter
has its own GIL, so the workers compute in parallel even on a default
build. Like a process pool, the pool pickles the function, its arguments
and the result to move them between interpreters: the function must be
importable, which is why the pool is used only under the __main__ guard.
Not available on WebAssembly platforms.

Run:  python3.14 interpreter_pool.py
"""

from __future__ import annotations

import time
from concurrent.futures import InterpreterPoolExecutor

TASKS, SIZE = 8, 3_000_000


def sum_of_squares(start: int, stop: int) -> int:
    """Return start² + (start+1)² + ... + (stop-1)², one step at a time."""
    total = 0
    for number in range(start, stop):
        total += number * number
    return total


def main() -> None:
    starts = [task * SIZE for task in range(TASKS)]
    stops = [start + SIZE for start in starts]
    began = time.perf_counter()
    with InterpreterPoolExecutor() as pool:
        total = sum(pool.map(sum_of_squares, starts, stops))
    elapsed = time.perf_counter() - began
    print(f"{TASKS} tasks in {elapsed:.2f} s, total {total}")


if __name__ == "__main__":
    main()
