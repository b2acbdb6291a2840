"""Wrong: less concurrency than the task asks. A pool of one process: the counting leaves
the calling process, but runs one range after another. Caught by counting the processes
that counted, so a busy machine cannot hide it.

Kind: limits
Exit: 1
Expect: [FAIL] ran in worker processes: 1 process did the counting
Expect: max_workers=1 is too few
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
    with ProcessPoolExecutor(max_workers=1) as pool:
        return list(pool.map(count_primes, ranges))
