"""Many small tasks in a thread pool: the cost of handing out each task.

A ThreadPoolExecutor puts every submitted task on a queue; an idle worker
thread takes it, runs it and stores the result in a Future, and the main
thread collects the futures. Each step costs some microseconds, paid once
per task, and starting the threads costs a little once per pool.

For this CPU-bound work there is nothing to win in exchange while the GIL
is enabled: one thread runs Python code at a time, so the pool can only be
slower than loop.py. (With the GIL disabled, threads do run in parallel,
and with big enough tasks the pool can win: sweep.py shows where.) Thread
pools shine when tasks *wait*: see the io-bound example.

Run:  python3 thread_pool.py --tasks 100 --workers 4   (--help, --json)
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from loop import SIZES, small_task
from runner import Job, main
from timing import TaskRecorder


def timed_task(task_id: int, task_size: int, recorder: TaskRecorder) -> int:
    """Runs in a pool thread: one task, recorded under the thread's name."""
    with recorder.task(task_id):
        return small_task(task_size)


def run_all(tasks: int, task_size: int, workers: int,
            recorder: TaskRecorder) -> None:
    """Submit every task to a pool of `workers` threads; wait for all."""
    one = partial(timed_task, task_size=task_size, recorder=recorder)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(one, range(tasks)):
            pass  # map raises here if a task failed


JOB = Job("overhead", "thread_pool.py", "thread-pool",
          "Run many small CPU-bound tasks in a thread pool.",
          lambda run: run_all(run.args.tasks, run.args.task_size,
                              run.args.workers, run.recorder),
          options={**SIZES, "timeout": 300.0}, pool="threads",
          needs="threads")

if __name__ == "__main__":
    sys.exit(main(JOB))
