"""Many small tasks in a process pool: real parallelism, at a price per task and per pool.

A ProcessPoolExecutor runs tasks in worker processes, each with its own interpreter and GIL,
so CPU-bound tasks really do run on several cores at once. But every run pays:

* once per pool: starting the worker processes (a few milliseconds with "fork"; tens to
  hundreds of milliseconds with "spawn" and "forkserver", which start fresh interpreters that
  import this module);
* once per task: pickling the function name and arguments, sending them through a pipe to a
  worker, and pickling and sending the result back.

When a task does only microseconds of work, those costs are far larger than the work, and the
pool loses to loop.py even though it uses every core. Make each task bigger (or batch many small
items into one task) and the fixed costs fade; sweep.py finds the task size where the pool starts
to win on your machine.

Run it:

    python3 process_pool.py
    python3 process_pool.py --tasks 100 --task-size 100000 --start-method spawn --json
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
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


def ignore_ctrl_c() -> None:
    """Runs once in each worker process as it starts (the pool's `initializer`).

    Ctrl-C in a terminal interrupts every process of the program. The workers ignore it, so only
    the main process reacts: it cancels the queued tasks and stops the workers (see run()).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def timed_small_task(task_size: int) -> tuple[int, str, float, float]:
    """Runs in a worker process: do one task; return (result, worker, started, ended).

    The times are time.perf_counter() readings taken in the worker. CPython reads a system-wide
    clock for perf_counter on Linux, macOS and Windows, so the main process can compare them
    with its own readings (the cpu-bound example's processes.py explains the choice).
    """
    started = time.perf_counter()
    result = small_task(task_size)
    return result, f"pid {os.getpid()}", started, time.perf_counter()


def stop_pool_now(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued tasks and terminate the workers instead of waiting for them to finish."""
    pool.shutdown(wait=False, cancel_futures=True)
    workers = multiprocessing.active_children()  # the pool's workers: our only child processes
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=1)


def run(
    tasks: int, task_size: int, workers: int, start_method: str | None = None
) -> dict[str, Any]:
    """Run the tasks in a new pool of `workers` processes and return the timing report.

    start_method is "fork", "forkserver" or "spawn"; None means the platform's default.
    """
    parameters = {"tasks": tasks, "task_size": task_size, "workers": workers}
    if sys.platform in ("emscripten", "wasi"):  # Pyodide, Python compiled to WebAssembly
        return skipped_report(example=EXAMPLE, script="process_pool.py", variant="process-pool",
                              parameters=parameters,
                              reason="Pyodide has no multiprocessing: it cannot start processes.")

    context = multiprocessing.get_context(start_method)
    recorder = TaskRecorder()  # the clock starts before the pool does: startup is part of the cost
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=ignore_ctrl_c)
    try:
        futures = [pool.submit(timed_small_task, task_size) for _ in range(tasks)]
        wait_for_all(futures, TIMEOUT_S)
        results = [future.result() for future in futures]
        pool.shutdown()
    except BaseException:
        # Ctrl-C, a timeout or a failed task: leave no worker process behind.
        stop_pool_now(pool)
        raise
    recorder.stop()

    for task_id, (_, worker, started, ended) in enumerate(results):
        recorder.add(task_id, worker, started, ended)
    return build_report(example=EXAMPLE, script="process_pool.py", variant="process-pool",
                        parameters=parameters, recorder=recorder,
                        start_method=context.get_start_method())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Run many small CPU-bound tasks in a process pool, and pay the overhead.",
    )
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="number of tasks (default: %(default)s)")
    parser.add_argument("--task-size", type=positive_int, default=DEFAULT_TASK_SIZE,
                        help="numbers summed per task; the work grows with it "
                             "(default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=CPUS,
                        help="worker processes (default: one per CPU, here %(default)s)")
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                        help="how workers are started (default: this platform's, "
                             f"here {multiprocessing.get_start_method()})")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"process_pool.py: {args.tasks} tasks of {args.task_size:,} numbers on "
          f"{args.workers} worker processes...", file=sys.stderr)
    try:
        report = run(args.tasks, args.task_size, args.workers, args.start_method)
    except KeyboardInterrupt:
        return interrupted()
    except TimeoutError as error:
        return fail(str(error))
    print_report(report, as_json=args.json)
    return 0


# Required wherever workers start by importing this file (spawn, forkserver): without the guard,
# each worker would run main() again as it starts.
if __name__ == "__main__":
    sys.exit(main())
