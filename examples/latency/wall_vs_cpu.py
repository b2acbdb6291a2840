"""How much of a network-bound program's time is waiting? Wall vs CPU time.

This program sends --items requests, one after another, to a local server
that waits --latency-ms before each answer, and measures two clocks:

    wall time   time.perf_counter(): the run's length, as a stopwatch sees it
    CPU time    time.process_time(): how long this process ran on a CPU

The CPU time is a small fraction of the wall time: the program spends
most of its life idle, waiting for answers. That idle time is what
concurrency can reclaim: threads or asyncio keep several requests waiting
at once (see the io-bound example), while a faster CPU would barely help.
(The server runs in a thread of this process, so its small CPU cost is
counted too: the client's own share is smaller still.)

Run:  python3 wall_vs_cpu.py   (--help for the options, --json for JSON)
"""

from __future__ import annotations

import sys
import urllib.request

from runner import Job, Run, main


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body; give up after `timeout` s."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def request_all(run: Run) -> dict[str, float]:
    """Request the items one at a time, each recorded as a task."""
    total_bytes = 0
    for task_id, url in enumerate(run.urls()):
        with run.recorder.task(task_id):
            total_bytes += len(fetch(url, run.args.timeout))
    return {"bytes": total_bytes}


JOB = Job("latency", "wall_vs_cpu.py", "network",
          "Compare wall time and CPU time of requests to a slow server.",
          request_all, options={"items": 20}, server=True,
          derived=("cpu_fraction", "idle_fraction", "mean_request_ms"))

if __name__ == "__main__":
    sys.exit(main(JOB))
