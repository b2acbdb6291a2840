"""Wrong: noise must not decide. The counts come back in the order the ranges finished
(as_completed); the check's first range is bigger than the others on every run, so that
order is never the order of the ranges.

Kind: noise
Exit: 1
Expect: [FAIL] correct result: the right values, but in a different order
"""

from concurrent.futures import ProcessPoolExecutor, as_completed


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
    with ProcessPoolExecutor() as pool:
        futures = [pool.submit(count_primes, bounds) for bounds in ranges]
        return [future.result() for future in as_completed(futures)]
