"""Right, written differently: the pool is not used in a `with` block and is shut down
without waiting (Python still joins its workers at exit). The workers' CPU time is seen
even though nobody waited for them.

Kind: messages
Timed: yes
Exit: 0
Expect: [ok]   ran in worker processes
Expect: All checks passed.
"""

from concurrent.futures import ProcessPoolExecutor


def count_primes(bounds: tuple[int, int]) -> int:
    start, stop = bounds
    count = 0
    for number in range(max(start, 2), stop):
        divisor = 2
        while divisor * divisor <= number:
            if number % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count


def count_all(ranges: list[tuple[int, int]]) -> list[int]:
    pool = ProcessPoolExecutor(max_workers=2)
    counts = list(pool.map(count_primes, ranges))
    pool.shutdown(wait=False)
    return counts
