"""Download the items with a pool of threads: while one waits, others ask.

Why threads fit this job: a thread that waits on a socket releases the GIL,
so other threads run in the meantime. With --workers threads, up to that
many requests wait at the same time, and the total time drops from about
items x latency to about (items / workers) x latency. The GIL does not get
in the way because the threads spend their time waiting, not computing.
(For CPU-bound work it would: see the cpu-bound example.)

concurrent.futures.ThreadPoolExecutor starts the threads and hands each one
the next URL; as_completed() gives back each Future as it finishes, and
future.result() its value, or the exception the download raised.

Run:  python3 threads.py --workers 10   (--help for options, --json)
"""

from __future__ import annotations

import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed

from runner import Job, main
from timing import TaskRecorder


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body; give up after `timeout` s."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def download_one(task_id: int, url: str, timeout: float,
                 recorder: TaskRecorder) -> int:
    """Runs in a pool thread: fetch one URL, return the number of bytes."""
    with recorder.task(task_id):  # the worker is this thread's name
        return len(fetch(url, timeout))


def download_all(urls: list[str], workers: int, timeout: float,
                 recorder: TaskRecorder) -> int:
    """Fetch the URLs with `workers` threads; return the bytes received."""
    with ThreadPoolExecutor(max_workers=workers,
                            thread_name_prefix="worker") as pool:
        futures = [pool.submit(download_one, task_id, url, timeout, recorder)
                   for task_id, url in enumerate(urls)]
        try:
            return sum(future.result() for future in as_completed(futures))
        except BaseException:  # a request failed, or Ctrl-C:
            pool.shutdown(cancel_futures=True)  # drop the queued ones
            raise


JOB = Job("io-bound", "threads.py", "threads",
          "Download items from a slow local server with a pool of threads.",
          lambda run: {"bytes": download_all(
              run.urls(), run.args.workers, run.args.timeout, run.recorder)},
          options={"items": 40}, pool="threads", server=True,
          derived=("mean_in_flight", "connections"))

if __name__ == "__main__":
    sys.exit(main(JOB))
