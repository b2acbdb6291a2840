"""CPU-bound work in a thread pool: fast only where the GIL is off.

A ThreadPoolExecutor runs the tasks in several threads of this one process. Whether that helps
depends on the Global Interpreter Lock (GIL):

* On a default build of CPython the GIL lets only one thread run Python code at a time. The
  threads take turns on one core, so this script takes about as long as sequential.py (often a
  little longer: switching between threads is not free). Threads are the right tool for work
  that *waits* (network, disk), because a waiting thread releases the GIL; they are the wrong
  tool for pure-Python number crunching.
* On a free-threaded build (python3.13t, python3.14t) with the GIL disabled, the threads run
  on several cores at once and this script can be about as fast as processes.py, without the
  cost of starting processes and copying data between them.

The tasks are sequential.py's (its sum_of_squares() and chunks()), so the results compare
directly. The report states which of the two builds you ran (gil_enabled, free_threaded_build),
and the text output says it in words. Run the same command under both to see the difference.

Run it:

    python3 threads.py
    python3 threads.py --workers 4 --json
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sequential import DEFAULT_SIZE, DEFAULT_TASKS, EXAMPLE, chunks, sum_of_squares
from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
    format_report,
    interrupted,
    non_negative_float,
    positive_int,
    print_report,
    skipped_report,
    wait_for_all,
)

DEFAULT_TIMEOUT_S = 300.0  # give up if the tasks take longer than this in total
# One worker per CPU core: more cannot help CPU-bound work. os.process_cpu_count() (Python 3.13+)
# counts only the cores this process may use; os.cpu_count() counts them all.
CPUS = (getattr(os, "process_cpu_count", None) or os.cpu_count)() or 1


def gil_note(environment: dict[str, Any]) -> str:
    """Say in words what the GIL means for threads in the Python that produced `environment`."""
    if not environment["gil_enabled"]:
        return ("The GIL is disabled (free-threaded build): threads run Python code on several "
                "cores at once, so threads can speed up CPU-bound work here, as processes do.")
    if environment["free_threaded_build"]:
        return ("This is a free-threaded build, but the GIL is enabled (by PYTHON_GIL=1, -X gil=1, "
                "or an extension module that needs it): threads take turns, as on a default build.")
    return ("The GIL is enabled (a default build of CPython): only one thread runs Python code "
            "at a time, so threads take turns on one core and cannot speed up CPU-bound work. "
            "Processes can: each has its own interpreter and its own GIL.")


def run(
    tasks: int, size: int, workers: int, timeout_s: float = DEFAULT_TIMEOUT_S
) -> dict[str, Any]:
    """Run the tasks in a pool of `workers` threads and return the timing report."""
    parameters = {"tasks": tasks, "size": size, "workers": workers}
    if sys.platform in ("emscripten", "wasi"):  # Pyodide, Python compiled to WebAssembly
        return skipped_report(example=EXAMPLE, script="threads.py", variant="threads",
                              parameters=parameters, reason="Pyodide cannot start threads.")

    recorder = TaskRecorder()

    def timed_task(task_id: int, start: int, stop: int) -> int:
        # Runs in a worker thread; the recorder notes this thread's name as the worker.
        with recorder.task(task_id):
            return sum_of_squares(start, stop)

    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="thread")
    try:
        futures = [
            pool.submit(timed_task, task_id, start, stop)
            for task_id, (start, stop) in enumerate(chunks(tasks, size))
        ]
        wait_for_all(futures, timeout_s)
        for future in futures:
            future.result()  # raises here if a task failed
        pool.shutdown()
    except BaseException:
        # Ctrl-C, a timeout or a failed task: drop the tasks that have not started yet. A thread
        # cannot be stopped from outside, so the ones already running finish their current task.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    recorder.stop()
    return build_report(example=EXAMPLE, script="threads.py", variant="threads",
                        parameters=parameters, recorder=recorder)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Sum squares in pure Python in a pool of threads "
                    "(parallel only without the GIL).",
    )
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="number of tasks (default: %(default)s)")
    parser.add_argument("--size", type=positive_int, default=DEFAULT_SIZE,
                        help="numbers summed per task; more means more work (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=CPUS,
                        help="threads in the pool (default: one per CPU, here %(default)s)")
    parser.add_argument("--timeout", type=non_negative_float, default=DEFAULT_TIMEOUT_S,
                        help="give up if the tasks take longer than this many seconds "
                             "(default: %(default)s)")
    add_json_option(parser)
    args = parser.parse_args(argv)
    if args.timeout <= 0:
        parser.error("argument --timeout: must be more than 0 seconds")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"threads.py: {args.tasks} tasks of {args.size:,} numbers on {args.workers} threads...",
          file=sys.stderr)
    try:
        report = run(args.tasks, args.size, args.workers, args.timeout)
    except KeyboardInterrupt:
        return interrupted()
    except TimeoutError as error:
        return fail(str(error))
    if args.json:
        print_report(report, as_json=True)
    else:
        print(format_report(report))
        print()
        print(textwrap.fill(gil_note(report["environment"]), width=88))
    return 0


if __name__ == "__main__":
    sys.exit(main())
