"""CPU-bound work in a thread pool: faster only where the GIL is off.

A ThreadPoolExecutor runs the tasks in several threads of this process.
Whether that helps depends on the Global Interpreter Lock (GIL):

* On a default build of CPython the GIL lets one thread run Python code at
  a time. The threads take turns on one core, so this takes about as long
  as sequential.py, or a little longer: switching threads is not free.
  Threads suit work that *waits* (a waiting thread releases the GIL), not
  pure-Python number crunching.
* On a free-threaded build (python3.13t, python3.14t) with the GIL off,
  the threads run on several cores at once and this can be about as fast
  as processes.py, without starting processes or copying data.

The report says which build ran (gil_enabled, free_threaded_build).

Run:  python3 threads.py --workers 4   (--help for options, --json)
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from runner import Job, Run, gil_note, main
from sequential import SIZES, chunks, sum_of_squares
from timing import TaskRecorder


def compute_one(task_id: int, bounds: tuple[int, int],
                recorder: TaskRecorder) -> int:
    """Runs in a pool thread: one task, recorded under the thread's name."""
    with recorder.task(task_id):
        return sum_of_squares(*bounds)


def compute_all(bounds: list[tuple[int, int]], workers: int,
                recorder: TaskRecorder) -> int:
    """Run the tasks in a pool of `workers` threads."""
    one = partial(compute_one, recorder=recorder)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(one, range(len(bounds)), bounds))


def work(run: Run) -> None:
    """Hand the options to compute_all()."""
    args = run.args
    compute_all(chunks(args.tasks, args.size), args.workers, run.recorder)


JOB = Job("cpu-bound", "threads.py", "threads",
          "Sum squares in pure Python in a pool of threads.",
          work, options={**SIZES, "timeout": 300.0}, pool="threads",
          needs="threads", note=lambda report: gil_note(
              report["environment"]))

if __name__ == "__main__":
    sys.exit(main(JOB))
