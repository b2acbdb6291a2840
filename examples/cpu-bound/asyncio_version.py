"""CPU-bound work in asyncio tasks: one thread, so no faster than a loop.

asyncio runs all its tasks on one event loop in one thread, and switches
between them only where a task awaits. sum_of_squares() never awaits: it
computes. So the event loop runs the tasks one after another, exactly as
sequential.py does, and adds the small cost of the loop and the tasks on
top. Writing the work as `async def` does not make it concurrent: asyncio
overlaps *waits* (see the io-bound example), not computation.

To use asyncio with CPU-bound work, hand the work to a process pool, with
loop.run_in_executor(pool, ...), as processes.py does without asyncio.

Run:  python3 asyncio_version.py   (--help for options, --json)
"""

from __future__ import annotations

import asyncio
import sys

from runner import Job, main
from sequential import SIZES, chunks, sum_of_squares
from timing import TaskRecorder


async def compute_one(task_id: int, bounds: tuple[int, int],
                      recorder: TaskRecorder) -> int:
    """One task. No await inside: the loop can run nothing else meanwhile."""
    with recorder.task(task_id):  # all tasks run in MainThread
        return sum_of_squares(*bounds)


async def compute_all(bounds: list[tuple[int, int]],
                      recorder: TaskRecorder) -> int:
    """Start one task per chunk on the event loop and wait for them all."""
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(compute_one(task_id, pair, recorder))
                 for task_id, pair in enumerate(bounds)]
    return sum(task.result() for task in tasks)


JOB = Job("cpu-bound", "asyncio_version.py", "asyncio",
          "Sum squares in pure Python in asyncio tasks on one event loop.",
          lambda run: asyncio.run(compute_all(
              chunks(run.args.tasks, run.args.size), run.recorder)),
          options=SIZES, fixed={"workers": 1})

if __name__ == "__main__":
    sys.exit(main(JOB))
