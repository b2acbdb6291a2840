"""Solution: count primes in a pool of processes.

pool.map() sends each range to a worker process and gives back the counts in
order. Every worker has its own interpreter and its own GIL, so on 2 cores two
ranges are counted at the same time. Leaving the `with` block shuts the pool
down: no worker is left running.

Check it:  python3 check.py solution.py
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor

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
    `ranges`, one process per core."""
    # ProcessPoolExecutor() starts one worker per CPU. Each worker imports
    # this file, so count_primes must be defined at the top level (it
    # travels to the workers by name).
    with ProcessPoolExecutor() as pool:
        # map() keeps the order of `ranges`.
        return list(pool.map(count_primes, ranges))


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
