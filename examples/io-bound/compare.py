"""Run every version of the download job against one server; compare.

All versions download the same items from the same local server with the
same latency and the same --workers, one version after another. The table
shows each wall time and its speedup over sequential.py. Expect threads
and asyncio to be several times faster than sequential; threads_reuse.py
a little faster than threads.py (on localhost a new connection is cheap);
and processes behind them, because starting worker processes costs time
that threads and tasks do not pay. --json embeds each version's report.

Run:  python3 compare.py   (--help for the options, --json for JSON)
"""

from __future__ import annotations

import sys

import async_io
import processes
import sequential
import threads
import threads_reuse
from runner import Job, Run, compare_all, main

def work(run: Run) -> None:
    """Measure every version on this run's server and options."""
    compare_all(run, [sequential.JOB, threads.JOB, threads_reuse.JOB,
                      async_io.JOB, processes.JOB])


JOB = Job("io-bound", "compare.py", "compare",
          "Compare the download versions against one slow local server.",
          work, options={"items": 40}, pool="versions", server=True)

if __name__ == "__main__":
    sys.exit(main(JOB))
