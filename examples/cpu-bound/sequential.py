"""CPU-bound work, one task after another: the baseline the other variants are compared with.

The work is sum_of_squares(), below: deliberately plain Python, a loop of multiplications and
additions that never waits for a disk, a network or a timer, so the CPU is busy the whole time.
It is split into `tasks` chunks of `size` numbers each. A single thread of Python runs on one
core at a time, so this script keeps exactly one core busy, however many the machine has.

threads.py and processes.py import sum_of_squares() and chunks() from this file and split the
same chunks over several workers, so all three do exactly the same arithmetic. Compare their
wall times with this one to see which kind of concurrency helps CPU-bound code.

Run it:

    python3 sequential.py
    python3 sequential.py --tasks 4 --size 1000000
    python3 sequential.py --json
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    interrupted,
    positive_int,
    print_report,
)

EXAMPLE = "cpu-bound"  # the folder's name, as it appears in every report
DEFAULT_TASKS = 8
DEFAULT_SIZE = 3_000_000  # numbers per task: roughly 0.1 to 0.2 s of work each on a laptop


def sum_of_squares(start: int, stop: int) -> int:
    """Return start² + (start+1)² + ... + (stop-1)², one Python operation at a time."""
    total = 0
    for number in range(start, stop):
        total += number * number
    return total


def chunks(tasks: int, size: int) -> list[tuple[int, int]]:
    """Split range(tasks * size) into `tasks` consecutive (start, stop) pairs of `size` numbers."""
    return [(task_id * size, (task_id + 1) * size) for task_id in range(tasks)]


def run(tasks: int, size: int) -> dict[str, Any]:
    """Run every task in this thread, one after another, and return the timing report."""
    recorder = TaskRecorder()
    for task_id, (start, stop) in enumerate(chunks(tasks, size)):
        with recorder.task(task_id):
            sum_of_squares(start, stop)
    recorder.stop()
    return build_report(
        example=EXAMPLE,
        script="sequential.py",
        variant="sequential",
        parameters={"tasks": tasks, "size": size, "workers": 1},
        recorder=recorder,
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Sum squares in pure Python, one task after another, in a single thread.",
    )
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="number of tasks (default: %(default)s)")
    parser.add_argument("--size", type=positive_int, default=DEFAULT_SIZE,
                        help="numbers summed per task; more means more work (default: %(default)s)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"sequential.py: {args.tasks} tasks of {args.size:,} numbers, one after another...",
          file=sys.stderr)
    try:
        report = run(args.tasks, args.size)
    except KeyboardInterrupt:
        return interrupted()
    print_report(report, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
