"""Exercise: count primes in a pool of processes.

count_primes() below is pure Python arithmetic: it never waits, it computes.
count_all() calls it for 8 ranges of numbers, one after another, so the
program keeps one core busy however many the machine has. Threads would not
help here: with the GIL, only one thread runs Python code at a time.

Your task: make count_all() run count_primes() in a
concurrent.futures.ProcessPoolExecutor, so that each core counts in its own
process, with its own interpreter and its own GIL. Keep count_primes() as it
is, and keep the `if __name__ == "__main__":` guard: worker processes import
this file, and the guard stops them from running the program again.

What `python3 check.py` checks: it imports your file (exercise.py, or the one
you name) in a separate process, calls count_all(ranges) with 8 ranges of
numbers that change on every run (80,000 numbers in all, the first range
bigger than the others), and passes when

- the counts are right, in the order of `ranges`;
- the counting ran in worker processes, one per CPU (up to 8);
- it is fast: at least 75% of the ideal speedup over one process counting
  the same numbers beside yours, in the same run: about 1.9x on 2 cores (so
  about 1.4x is needed). On a machine with one CPU, processes cannot run in
  parallel, so speed is not checked. Far faster than the ideal means the
  work was not done: keep count_primes() as it is;
- the program exits cleanly afterwards.

Keep the name and the signature:
count_all(ranges: list[tuple[int, int]]) -> list[int].

Run it:    python3 exercise.py
Check it:  python3 check.py          (or python3 check.py my_version.py)
"""

from __future__ import annotations

import sys
import time

TASKS = 8
WIDTH = 10_000
START = 10_000_000


def count_primes(bounds: tuple[int, int]) -> int:
    """Count the primes n with start <= n < stop, by trial division
    (slow on purpose)."""
    start, stop = bounds
    count = 0
    for number in range(max(start, 2), stop):
        divisor = 2
        while divisor * divisor <= number:
            if number % divisor == 0:
                break
            divisor += 1
        else:  # no divisor found: a prime
            count += 1
    return count


def count_all(ranges: list[tuple[int, int]]) -> list[int]:
    """Return count_primes(bounds) for every range, in the order of
    `ranges`."""
    # TODO: run count_primes() for the ranges in a ProcessPoolExecutor
    # (one process per core).
    # TODO: keep the results in the order of `ranges` (pool.map() does).
    return [count_primes(bounds) for bounds in ranges]


def main() -> int:
    ranges = [(START + i * WIDTH, START + (i + 1) * WIDTH)
              for i in range(TASKS)]
    started = time.perf_counter()
    counts = count_all(ranges)
    elapsed = time.perf_counter() - started
    print(f"Found {sum(counts):,} primes in {TASKS} ranges "
          f"in {elapsed:.2f} s: {counts}")
    return 0


# Worker processes import this file: they must not run main().
if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
