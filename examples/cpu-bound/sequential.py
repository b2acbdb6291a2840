"""CPU-bound work, one task after another: the baseline to compare with.

The work is sum_of_squares(): deliberately plain Python, a loop of
multiplications and additions that never waits for a disk, a network or a
timer, so the CPU is busy the whole time. It is split into --tasks chunks
of --size numbers each. One thread of Python runs on one core at a time,
so this script keeps exactly one core busy, however many the machine has.

threads.py, processes.py and asyncio_version.py import sum_of_squares()
and chunks() from this file and share out the same chunks, so all four do
exactly the same arithmetic. Compare their wall times with this one.

Run:  python3 sequential.py   (--help for the options, --json for JSON)
"""

from __future__ import annotations

import sys

from runner import Job, main
from timing import TaskRecorder

SIZES = {"tasks": 8, "size": 3_000_000}  # about 0.1-0.2 s of work per task


def sum_of_squares(start: int, stop: int) -> int:
    """Return start² + (start+1)² + ... + (stop-1)², one step at a time."""
    total = 0
    for number in range(start, stop):
        total += number * number
    return total


def chunks(tasks: int, size: int) -> list[tuple[int, int]]:
    """Split range(tasks * size) into `tasks` (start, stop) pairs."""
    return [(task * size, (task + 1) * size) for task in range(tasks)]


def compute_all(bounds: list[tuple[int, int]],
                recorder: TaskRecorder) -> int:
    """Run every task in this thread, one after another."""
    total = 0
    for task_id, (start, stop) in enumerate(bounds):
        with recorder.task(task_id):
            total += sum_of_squares(start, stop)
    return total


JOB = Job("cpu-bound", "sequential.py", "sequential",
          "Sum squares in pure Python, one task after another.",
          lambda run: compute_all(chunks(run.args.tasks, run.args.size),
                                  run.recorder),
          options=SIZES, fixed={"workers": 1})

if __name__ == "__main__":
    sys.exit(main(JOB))
