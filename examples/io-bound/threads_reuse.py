"""Threads that keep one connection each, instead of one per request.

threads.py opens a new TCP connection for every request (urllib.request
does), and closes it after the answer. Real HTTP clients keep connections
open and send the next request over the same one: a requests.Session, an
httpx.Client or a urllib3 pool do. That saves the connection set-up (a TCP
handshake, and a TLS handshake for https), which costs a round trip or more
per request on a real network.

A connection cannot be shared by two threads at once, so each thread keeps
its own in a threading.local(): an object whose attributes each thread sees
separately. The first request of a thread opens the connection; its later
requests reuse it (the local server speaks HTTP/1.1 with keep-alive).

Run:  python3 threads_reuse.py --workers 10   (--help, --json)
"""

from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.client import HTTPConnection
from urllib.parse import urlsplit

from runner import Job, Run, main
from timing import TaskRecorder

per_thread = threading.local()  # per_thread.connection: this thread's


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL over this thread's connection; return the body."""
    parts = urlsplit(url)
    if not hasattr(per_thread, "connection"):  # this thread's first request
        per_thread.connection = HTTPConnection(parts.netloc, timeout=timeout)
    per_thread.connection.request("GET", parts.path)
    response = per_thread.connection.getresponse()
    body = response.read()  # read it all before the next request
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
    one = partial(download_one, timeout=timeout, recorder=recorder)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(one, range(len(urls)), urls))


JOB = Job("io-bound", "threads_reuse.py", "threads-reuse",
          "Download items with a pool of threads, one connection each.",
          lambda run: {"bytes": download_all(
              run.urls(), run.args.workers, run.args.timeout, run.recorder)},
          options={"items": 40}, pool="threads", server=True,
          derived=("mean_in_flight", "connections"))

if __name__ == "__main__":
    sys.exit(main(JOB))
