"""Wrong: faster than possible. It counts with a sieve, in a pool of processes: the counts
are right, but it is not the work the task describes (count_primes() as it is), and it is
far faster than one process per CPU can be.

Kind: noise
Timed: yes
Exit: 1
Expect: [FAIL] faster than possible: did it do the work?
"""

import math
from concurrent.futures import ProcessPoolExecutor


def count_primes(bounds: tuple[int, int]) -> int:
    start, stop = bounds
    small = bytearray([1]) * (math.isqrt(stop) + 1)
    small[:2] = b"\0\0"
    for n in range(2, math.isqrt(len(small) - 1) + 1):
        if small[n]:
            small[n * n::n] = bytes(len(small[n * n::n]))
    segment = bytearray([1]) * (stop - start)
    for p in (n for n, is_prime in enumerate(small) if is_prime):
        first = max(p * p, -(-start // p) * p)
        segment[first - start::p] = bytes(len(segment[first - start::p]))
    return sum(segment)


def count_all(ranges: list[tuple[int, int]]) -> list[int]:
    with ProcessPoolExecutor() as pool:
        counts = list(pool.map(count_primes, ranges))
        for _ in pool.map(abs, range(2000)):  # keep the workers a little busy
            pass
        return counts
