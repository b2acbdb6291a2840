"""Many small tasks in a plain for loop: no concurrency, and no overhead either.

This is the baseline of the overhead example. One task, small_task() below, sums the squares of
0, 1, ..., task_size - 1 in plain Python, so its cost grows in proportion to task_size: roughly
40 ns per number on a laptop, so some 4 microseconds for the default 100 numbers, and some
40 milliseconds for 1,000,000. The loop simply calls it once per task. Nothing is queued,
pickled, sent to another thread or process, or waited for: every microsecond goes into the work.

thread_pool.py and process_pool.py import small_task() from this file and run the same tasks in
pools. With small tasks they are slower than this loop, because handing out each task costs
more than the task itself. sweep.py shows from which task size a process pool starts to pay off.

Run it:

    python3 loop.py
    python3 loop.py --tasks 100 --task-size 100000 --json
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

EXAMPLE = "overhead"  # the folder's name, as it appears in every report
DEFAULT_TASKS = 500
DEFAULT_TASK_SIZE = 100  # numbers per task: a few microseconds of work


def small_task(task_size: int) -> int:
    """Return 0² + 1² + ... + (task_size-1)²: pure-Python work proportional to task_size."""
    total = 0
    for number in range(task_size):
        total += number * number
    return total


def run(tasks: int, task_size: int) -> dict[str, Any]:
    """Run every task in this thread, one after another, and return the timing report."""
    recorder = TaskRecorder()
    for task_id in range(tasks):
        with recorder.task(task_id):
            small_task(task_size)
    recorder.stop()
    return build_report(example=EXAMPLE, script="loop.py", variant="loop",
                        parameters={"tasks": tasks, "task_size": task_size, "workers": 1},
                        recorder=recorder)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Run many small CPU-bound tasks in a plain loop (the baseline).",
    )
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="number of tasks (default: %(default)s)")
    parser.add_argument("--task-size", type=positive_int, default=DEFAULT_TASK_SIZE,
                        help="numbers summed per task; the work grows with it "
                             "(default: %(default)s)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"loop.py: {args.tasks} tasks of {args.task_size:,} numbers in a plain loop...",
          file=sys.stderr)
    try:
        report = run(args.tasks, args.task_size)
    except KeyboardInterrupt:
        return interrupted()
    print_report(report, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
