"""Wrong, and the message must name the cause: the program runs at the top level, without
the `if __name__ == "__main__":` guard, so a pool starts while the file is imported. The
check says so at once instead of waiting for a timeout.

Kind: messages
Exit: 1
Expect: importing wrong_no_main_guard.py started a process, at line
Expect: before the check called count_all()
Expect: `if __name__ == \"__main__\":`
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
    with ProcessPoolExecutor() as pool:
        return list(pool.map(count_primes, ranges))


ranges = [(10_000_000 + i * 10_000, 10_000_000 + (i + 1) * 10_000)
          for i in range(8)]
print(count_all(ranges))
