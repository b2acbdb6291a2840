"""Right, written differently: multiprocessing.Pool with imap (which keeps the order).

Kind: right
Timed: yes
Exit: 0
Expect: All checks passed.
"""

from multiprocessing import Pool


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
    with Pool() as pool:
        return list(pool.imap(count_primes, ranges))
