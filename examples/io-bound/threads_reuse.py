"""Threads that keep one connection each, instead of one per request.

threads.py opens a new TCP connection per request (urllib.request does).
Real HTTP clients keep a connection open for the next request, as a
requests.Session or an httpx.Client does: that saves the set-up (a TCP
handshake, plus TLS for https), a round trip or more on a real network.

A connection serves one request at a time, so each thread keeps its own
in a threading.local(), opened by its first request and reused after.

Run:  python3 threads_reuse.py --workers 10   (--help, --json)
"""

from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from http.client import HTTPConnection
from urllib.parse import urlsplit

from runner import Job, main
from timing import TaskRecorder

per_thread = threading.local()  # .connection: this thread's own


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL over this thread's connection; return the body."""
    parts = urlsplit(url)
    if not hasattr(per_thread, "connection"):  # this thread's first request
        per_thread.connection = HTTPConnection(parts.netloc, timeout=timeout)
    per_thread.connection.request("GET", parts.path)
    response = per_thread.connection.getresponse()
    body = response.read()  # all of it, before the next request
    if response.status != 200:
        raise ConnectionError(f"{url} answered {response.status}")
    return body


def download_one(task_id: int, url: str, timeout: float,
                 recorder: TaskRecorder) -> int:
    """Runs in a pool thread: fetch one URL, return the number of bytes."""
    with recorder.task(task_id):
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


JOB = Job("io-bound", "threads_reuse.py", "threads-reuse",
          "Download items with a pool of threads, one connection each.",
          lambda run: {"bytes": download_all(
              run.urls(), run.args.workers, run.args.timeout, run.recorder)},
          options={"items": 40}, pool="threads", server=True,
          derived=("mean_in_flight", "connections"))

if __name__ == "__main__":
    sys.exit(main(JOB))
