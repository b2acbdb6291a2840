"""Download the items with a pool of processes: it works, but it is heavy.

A process pool overlaps the waits as a thread pool does, but each worker is
a whole Python interpreter that must start before it does anything, and
every argument and result is pickled and sent through a pipe. For waiting,
that buys nothing over threads, which release the GIL while they wait.
Processes pay off for CPU-bound work (see the cpu-bound example).

--start-method: "fork" copies the running parent, but forking a program
that runs threads (the local server is one) can deadlock the child, so the
default here is "forkserver" where it exists, else "spawn". Both import
this file again in each worker: hence the worker function at the top level
(it must be pickled by name) and the `if __name__ == "__main__":` guard.

Run:  python3 processes.py --workers 10   (--help for options, --json)
"""

from __future__ import annotations

import os
import sys
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing.context import BaseContext

from runner import Job, ignore_ctrl_c, main
from timing import TaskRecorder


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body; give up after `timeout` s."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def download_one(url: str, timeout: float) -> tuple[str, float, float, int]:
    """Runs in a worker: fetch one URL; say who, when, and how many bytes."""
    start = time.perf_counter()
    size = len(fetch(url, timeout))
    return f"pid {os.getpid()}", start, time.perf_counter(), size


def download_all(urls: list[str], workers: int, timeout: float,
                 recorder: TaskRecorder, context: BaseContext) -> int:
    """Fetch the URLs with `workers` processes; return the bytes received."""
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=ignore_ctrl_c) as pool:
        results = pool.map(partial(download_one, timeout=timeout), urls)
        total_bytes = 0
        for task_id, (worker, start, end, size) in enumerate(results):
            recorder.add(task_id, worker, start, end)  # parent's recorder
            total_bytes += size
    return total_bytes


JOB = Job("io-bound", "processes.py", "processes",
          "Download items from a slow local server with a process pool.",
          lambda run: {"bytes": download_all(
              run.urls(), run.args.workers, run.args.timeout, run.recorder,
              run.context())},
          options={"items": 40}, pool="processes", server=True,
          derived=("mean_in_flight", "connections"))

if __name__ == "__main__":
    sys.exit(main(JOB))
