"""CPU-bound work in a process pool: the way to use several cores on any build of CPython.

A ProcessPoolExecutor starts worker *processes*. Each one is a separate Python interpreter with
its own GIL, so the workers run Python code on different cores at the same time. With N cores
and enough work, this script takes roughly 1/N of the time of sequential.py, whose tasks
(sum_of_squares() and chunks()) it runs.

The price of processes, and the rules they impose:

* Starting the workers takes time (tens to hundreds of milliseconds), and every task's
  arguments and result are pickled and sent between processes. Worth it for tasks that compute
  for a while; not for tiny ones (see the overhead example).
* The function a worker runs must be importable by name: defined at the top level of a module,
  not a lambda or a nested function. Its arguments and results must be picklable.
* On Windows and macOS (start method "spawn") and on Linux from Python 3.14 ("forkserver"),
  each worker imports this file. The `if __name__ == "__main__":` guard at the bottom stops the
  workers from starting a pool of their own.

Run it:

    python3 processes.py
    python3 processes.py --workers 2 --start-method spawn --json
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

from sequential import DEFAULT_SIZE, DEFAULT_TASKS, EXAMPLE, chunks, sum_of_squares
from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
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


def ignore_ctrl_c() -> None:
    """Runs once in each worker process as it starts (the pool's `initializer`).

    Ctrl-C in a terminal interrupts every process of the program. The workers ignore it so that
    only the main process reacts: it cancels the queued tasks and stops the workers (see run()),
    instead of every worker printing its own KeyboardInterrupt traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def timed_sum_of_squares(start: int, stop: int) -> tuple[int, str, float, float, float]:
    """Runs in a worker process: do one task and say who ran it, when, and for how much CPU time.

    Returns (result, worker, started, ended, cpu_s). started and ended are time.perf_counter()
    readings taken here, in the worker; the main process turns them into offsets from its own
    start. cpu_s is the CPU time the task used in this worker (time.process_time), which the main
    process's own CPU time cannot include.

    Why perf_counter? Python's documentation only promises that the difference between two
    readings is meaningful, but on Linux, macOS and Windows CPython reads a system-wide
    monotonic clock for it (QueryPerformanceCounter on Windows, for example), so readings taken
    in different processes of one machine line up. time.time() lines up by definition, but it
    jumps when the system clock is adjusted, and on Windows before Python 3.13 it only ticked
    every 15.6 ms.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    result = sum_of_squares(start, stop)
    ended, cpu_s = time.perf_counter(), time.process_time() - cpu_started
    return result, f"pid {os.getpid()}", started, ended, cpu_s


def stop_pool_now(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued tasks and terminate the workers instead of waiting for them to finish."""
    pool.shutdown(wait=False, cancel_futures=True)
    workers = multiprocessing.active_children()  # the pool's workers: our only child processes
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=1)


def run(
    tasks: int,
    size: int,
    workers: int,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    start_method: str | None = None,
) -> dict[str, Any]:
    """Run the tasks in a pool of `workers` processes and return the timing report.

    start_method is "fork", "forkserver" or "spawn"; None means the platform's default.
    """
    parameters = {"tasks": tasks, "size": size, "workers": workers}
    if sys.platform in ("emscripten", "wasi"):  # Pyodide, Python compiled to WebAssembly
        return skipped_report(example=EXAMPLE, script="processes.py", variant="processes",
                              parameters=parameters,
                              reason="Pyodide has no multiprocessing: it cannot start processes.")

    context = multiprocessing.get_context(start_method)
    recorder = TaskRecorder()  # the clock starts before the pool does: startup is part of the cost
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=ignore_ctrl_c)
    try:
        futures = [
            pool.submit(timed_sum_of_squares, start, stop) for start, stop in chunks(tasks, size)
        ]
        wait_for_all(futures, timeout_s)
        results = [future.result() for future in futures]
        pool.shutdown()
    except BaseException:
        # Ctrl-C, a timeout or a failed task: leave no worker process behind.
        stop_pool_now(pool)
        raise
    recorder.stop()

    workers_cpu_s = 0.0
    for task_id, (_, worker, started, ended, cpu_s) in enumerate(results):
        recorder.add(task_id, worker, started, ended)
        workers_cpu_s += cpu_s
    return build_report(example=EXAMPLE, script="processes.py", variant="processes",
                        parameters=parameters, recorder=recorder,
                        metrics={"workers_cpu_s": round(workers_cpu_s, 6)},
                        start_method=context.get_start_method())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Sum squares in pure Python in a pool of worker processes, one per core.",
    )
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="number of tasks (default: %(default)s)")
    parser.add_argument("--size", type=positive_int, default=DEFAULT_SIZE,
                        help="numbers summed per task; more means more work (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=CPUS,
                        help="worker processes (default: one per CPU, here %(default)s)")
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                        help="how workers are started (default: this platform's, "
                             f"here {multiprocessing.get_start_method()})")
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
    print(f"processes.py: {args.tasks} tasks of {args.size:,} numbers on {args.workers} "
          "worker processes...", file=sys.stderr)
    try:
        report = run(args.tasks, args.size, args.workers, args.timeout, args.start_method)
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
