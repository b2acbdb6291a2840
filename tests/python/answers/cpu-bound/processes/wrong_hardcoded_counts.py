"""Wrong: results without the work. The counts of the exercise's own ranges, written
down, with a child process that burns CPU to look busy.

Kind: work
Exit: 1
Expect: [FAIL] correct result
"""

from multiprocessing import Process


def spin() -> None:
    total = 0
    for number in range(3_000_000):
        total += number


def count_all(ranges: list[tuple[int, int]]) -> list[int]:
    worker = Process(target=spin)
    worker.start()
    worker.join()
    return [603, 620, 617, 611, 605, 601, 619, 612]
