"""CPU-bound work in a process pool: every core, on any build of CPython.

A ProcessPoolExecutor starts worker *processes*. Each is a separate Python
interpreter with its own GIL, so the workers run Python code on different
cores at the same time: with N cores this takes roughly 1/N of the time of
sequential.py. The price, and the rules:

* Starting the workers takes tens to hundreds of milliseconds, and every
  task's arguments and result are pickled and sent between processes:
  worth it for tasks that compute a while (see the overhead example).
* The function a worker runs must be importable by name: defined at the
  top level of a module, not a lambda or a nested function.
* With the start methods "spawn" (Windows, macOS) and "forkserver" (Linux
  from Python 3.14) each worker imports this file: the
  `if __name__ == "__main__":` guard stops it from running the program.

Run:  python3 processes.py --workers 2 --start-method spawn --json
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

from runner import Job, Run, ignore_ctrl_c, main
from sequential import SIZES, chunks, sum_of_squares
from timing import TaskRecorder


def timed_sum_of_squares(bounds: tuple[int, int]
                         ) -> tuple[str, float, float, float]:
    """Runs in a worker: one task; say who ran it, when, and its CPU time."""
    start, cpu_start = time.perf_counter(), time.process_time()
    sum_of_squares(*bounds)
    cpu_s = time.process_time() - cpu_start
    return f"pid {os.getpid()}", start, time.perf_counter(), cpu_s


def compute_all(bounds: list[tuple[int, int]], workers: int,
                recorder: TaskRecorder, context: BaseContext) -> float:
    """Run the tasks in `workers` processes; return the workers' CPU time."""
    workers_cpu_s = 0.0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=ignore_ctrl_c) as pool:
        results = pool.map(timed_sum_of_squares, bounds)
        for task_id, (worker, start, end, cpu_s) in enumerate(results):
            recorder.add(task_id, worker, start, end)  # parent's recorder
            workers_cpu_s += cpu_s
    return workers_cpu_s


def work(run: Run) -> dict[str, float]:
    """Hand the options to compute_all()."""
    args = run.args
    cpu_s = compute_all(chunks(args.tasks, args.size), args.workers,
                        run.recorder, run.context())
    return {"workers_cpu_s": round(cpu_s, 6)}


JOB = Job("cpu-bound", "processes.py", "processes",
          "Sum squares in pure Python in a pool of worker processes.",
          work, options={**SIZES, "timeout": 300.0}, pool="processes",
          needs="processes")

if __name__ == "__main__":
    sys.exit(main(JOB))
