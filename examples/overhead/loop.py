"""Many small tasks in a plain for loop: no concurrency, and no overhead.

This is the baseline of the overhead example. One task, small_task(), sums
the squares of 0, 1, ..., task_size - 1 in plain Python, so its cost grows
with task_size: some 40 ns per number on a laptop, so a few microseconds
for the default 100 numbers, and some 40 ms for 1,000,000. The loop calls
it once per task: nothing is queued, pickled, sent to another thread or
process, or waited for. Every microsecond goes into the work.

thread_pool.py and process_pool.py run the same tasks in pools. With small
tasks they are slower than this loop, because handing out each task costs
more than the task itself. sweep.py shows from which task size a process
pool starts to pay off.

Run:  python3 loop.py --tasks 100 --task-size 100000   (--help, --json)
"""

from __future__ import annotations

import sys

from runner import Job, main
from timing import TaskRecorder

SIZES = {"tasks": 500, "task_size": 100}  # a few microseconds per task


def small_task(task_size: int) -> int:
    """Return 0² + 1² + ... + (task_size-1)²: work proportional to size."""
    total = 0
    for number in range(task_size):
        total += number * number
    return total


def run_all(tasks: int, task_size: int, recorder: TaskRecorder) -> None:
    """Run every task in this thread, one after another."""
    for task_id in range(tasks):
        with recorder.task(task_id):
            small_task(task_size)


JOB = Job("overhead", "loop.py", "loop",
          "Run many small CPU-bound tasks in a plain loop (the baseline).",
          lambda run: run_all(run.args.tasks, run.args.task_size,
                              run.recorder),
          options=SIZES, fixed={"workers": 1})

if __name__ == "__main__":
    sys.exit(main(JOB))
