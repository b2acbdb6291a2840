"""CPU-bound work, one task after another: the baseline the other variants are compared with.

Every task is pure Python arithmetic (see cpu_work.py): it never waits for a disk, a network or
a timer, so the CPU is busy the whole time. A single thread of Python runs on one core at a
time, so this script keeps exactly one core busy however many the machine has.

threads.py and processes.py split the same tasks over several workers. Compare their wall
times with this one to see which kind of concurrency actually helps CPU-bound code.

Run it:

    python3 sequential.py
    python3 sequential.py --tasks 4 --size 1000000
    python3 sequential.py --json
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cpu_work import DEFAULT_SIZE, DEFAULT_TASKS, EXAMPLE, chunks, expected_total, sum_of_squares
from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    interrupted,
    positive_int,
    print_report,
)


def run(tasks: int, size: int) -> dict[str, Any]:
    """Run every task in this thread, one after another, and return the timing report."""
    recorder = TaskRecorder()
    total = 0
    for task_id, (start, stop) in enumerate(chunks(tasks, size)):
        with recorder.task(task_id):
            total += sum_of_squares(start, stop)
    recorder.stop()

    if total != expected_total(tasks, size):
        raise RuntimeError("the tasks added up to the wrong total")
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
