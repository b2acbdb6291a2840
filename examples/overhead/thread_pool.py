"""Many small tasks in a thread pool: the cost of handing out each task, without the benefit.

A ThreadPoolExecutor puts every submitted task on a queue; an idle worker thread takes it,
runs it and stores the result in a Future, and the main thread collects the futures. Each of
those steps costs some microseconds, paid once per task, and starting the threads costs a
little once per pool.

For this CPU-bound work there is nothing to win in exchange while the GIL is enabled: only one
thread runs Python code at a time, so the pool can only be slower than loop.py. (On a
free-threaded build with the GIL disabled, threads do run in parallel, and with big enough tasks
the pool can win; sweep.py shows where.) Thread pools shine when tasks *wait*, for the network
or the disk: see the io-bound example.

Run it:

    python3 thread_pool.py
    python3 thread_pool.py --tasks 100 --task-size 100000 --workers 4 --json
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from loop import DEFAULT_TASK_SIZE, DEFAULT_TASKS, EXAMPLE, small_task
from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
    interrupted,
    positive_int,
    print_report,
    skipped_report,
    wait_for_all,
)

TIMEOUT_S = 300.0  # give up on a pool whose tasks take longer than this in total
# One worker per CPU core by default. os.process_cpu_count() (Python 3.13+) counts only the cores
# this process may use; os.cpu_count() counts them all.
CPUS = (getattr(os, "process_cpu_count", None) or os.cpu_count)() or 1


def run(tasks: int, task_size: int, workers: int) -> dict[str, Any]:
    """Run the tasks in a new pool of `workers` threads and return the timing report."""
    parameters = {"tasks": tasks, "task_size": task_size, "workers": workers}
    if sys.platform in ("emscripten", "wasi"):  # Pyodide, Python compiled to WebAssembly
        return skipped_report(example=EXAMPLE, script="thread_pool.py", variant="thread-pool",
                              parameters=parameters, reason="Pyodide cannot start threads.")

    recorder = TaskRecorder()  # the clock starts before the pool does: startup is part of the cost

    def timed_task(task_id: int) -> int:
        # Runs in a worker thread; the recorder notes this thread's name as the worker.
        with recorder.task(task_id):
            return small_task(task_size)

    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="thread")
    try:
        futures = [pool.submit(timed_task, task_id) for task_id in range(tasks)]
        wait_for_all(futures, TIMEOUT_S)
        for future in futures:
            future.result()  # raises here if a task failed
        pool.shutdown()
    except BaseException:
        # Ctrl-C, a timeout or a failed task: drop the tasks that have not started yet.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    recorder.stop()
    return build_report(example=EXAMPLE, script="thread_pool.py", variant="thread-pool",
                        parameters=parameters, recorder=recorder)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Run many small CPU-bound tasks in a thread pool, and pay the overhead.",
    )
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="number of tasks (default: %(default)s)")
    parser.add_argument("--task-size", type=positive_int, default=DEFAULT_TASK_SIZE,
                        help="numbers summed per task; the work grows with it "
                             "(default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=CPUS,
                        help="threads in the pool (default: one per CPU, here %(default)s)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"thread_pool.py: {args.tasks} tasks of {args.task_size:,} numbers on "
          f"{args.workers} threads...", file=sys.stderr)
    try:
        report = run(args.tasks, args.task_size, args.workers)
    except KeyboardInterrupt:
        return interrupted()
    except TimeoutError as error:
        return fail(str(error))
    print_report(report, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
