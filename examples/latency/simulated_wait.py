"""Wall time vs CPU time, with time.sleep standing in for the network.

This is wall_vs_cpu.py without a server: each "request" is a
time.sleep(--latency-ms). It runs where sockets are not available, such
as Pyodide in the browser, so keep in mind what it leaves out: no
connections and no HTTP, whose small CPU cost wall_vs_cpu.py measures.
What it shows is the same idea: while a program waits, the wall clock runs
on and the CPU clock (time.process_time) barely moves.

Run:  python3 simulated_wait.py   (--help for the options, --json)
"""

from __future__ import annotations

import sys
import time

from runner import Job, Run, main


def wait_all(run: Run) -> None:
    """Sleep once per item, each sleep recorded as a task."""
    for task_id in range(run.args.items):
        with run.recorder.task(task_id):
            time.sleep(run.args.latency_ms / 1000)  # stands in for a server


JOB = Job("latency", "simulated_wait.py", "sleep",
          "Compare wall time and CPU time of simulated requests (sleep).",
          wait_all, options={"items": 20, "latency_ms": 50.0},
          fixed={"simulated": True},
          derived=("cpu_fraction", "idle_fraction", "mean_request_ms"))

if __name__ == "__main__":
    sys.exit(main(JOB))
