"""Many small tasks in a process pool: real parallelism, at a price.

A ProcessPoolExecutor runs tasks in worker processes, each with its own
interpreter and GIL, so CPU-bound tasks run on several cores at once. But
every run pays:

* once per pool: starting the workers (a few milliseconds with "fork";
  tens to hundreds with "spawn" and "forkserver", which start fresh
  interpreters that import this module);
* once per task: pickling the function and its arguments, sending them
  through a pipe to a worker, and pickling and sending the result back.

When a task does only microseconds of work, those costs dwarf the work,
and the pool loses to loop.py though it uses every core. Bigger tasks (or
many small items batched into one task) make the fixed costs fade;
sweep.py finds the task size where the pool starts to win.

Run:  python3 process_pool.py --tasks 100 --task-size 100000 --json
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

from loop import SIZES, small_task
from runner import Job, ignore_ctrl_c, main
from timing import TaskRecorder


def timed_small_task(task_size: int) -> tuple[str, float, float]:
    """Runs in a worker: one task; say who ran it and when."""
    start = time.perf_counter()
    small_task(task_size)
    return f"pid {os.getpid()}", start, time.perf_counter()


def run_all(tasks: int, task_size: int, workers: int,
            recorder: TaskRecorder, context: BaseContext) -> None:
    """Run the tasks in a new pool of `workers` processes."""
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=ignore_ctrl_c) as pool:
        results = pool.map(timed_small_task, [task_size] * tasks)
        for task_id, (worker, start, end) in enumerate(results):
            recorder.add(task_id, worker, start, end)


JOB = Job("overhead", "process_pool.py", "process-pool",
          "Run many small CPU-bound tasks in a process pool.",
          lambda run: run_all(run.args.tasks, run.args.task_size,
                              run.args.workers, run.recorder, run.context()),
          options={**SIZES, "timeout": 300.0}, pool="processes",
          needs="processes")

if __name__ == "__main__":
    sys.exit(main(JOB))
