"""Download every item one after another: the baseline to beat.

Each request spends almost all of its time waiting: the local server holds
every answer for --latency-ms before sending it. While one request waits,
this program does nothing else, so the total time is roughly
items x latency. The other files overlap those waits:

    threads.py          a pool of threads, each waiting on its own request
    threads_reuse.py    the same, with one kept-open connection per thread
    async_io.py         one thread, many requests in flight on an event loop
    processes.py        a pool of processes (works, but heavy for waiting)

Run:  python3 sequential.py   (--help for the options, --json for JSON)
"""

from __future__ import annotations

import sys
import urllib.request

from runner import Job, Run, main
from timing import TaskRecorder


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body; give up after `timeout` s."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def download_all(urls: list[str], timeout: float,
                 recorder: TaskRecorder) -> int:
    """Fetch the URLs one at a time; return the bytes received."""
    total_bytes = 0
    for task_id, url in enumerate(urls):
        with recorder.task(task_id):
            total_bytes += len(fetch(url, timeout))
    return total_bytes


def work(run: Run) -> dict[str, float]:
    """Hand the options to download_all()."""
    return {"bytes": download_all(run.urls(), run.args.timeout,
                                  run.recorder)}


JOB = Job("io-bound", "sequential.py", "sequential",
          "Download items from a slow local server one at a time.",
          work, options={"items": 40}, server=True,
          derived=("mean_in_flight", "connections"))

if __name__ == "__main__":
    sys.exit(main(JOB))
