"""Run every CPU-bound variant on the same work; compare their times.

The speedup of a variant is the sequential wall time divided by its own:
2.0 means twice as fast. What to expect on a machine with N cores:

* processes: close to N (a little less: starting workers costs time);
* threads: about 1 while the GIL is enabled, because one thread runs
  Python code at a time; close to processes with the GIL disabled;
* asyncio: about 1, or a little less, always: one thread, one task at a
  time, and the event loop on top.

Run:  python3 compare.py --tasks 4 --json   (--help for the options)
"""

from __future__ import annotations

import sys
from typing import Any

import asyncio_version
import processes
import sequential
import threads
from runner import Job, Run, compare_all, gil_note, main, plural
from sequential import SIZES

def work(run: Run) -> None:
    """Measure every variant with this run's options."""
    compare_all(run, [sequential.JOB, threads.JOB, asyncio_version.JOB,
                      processes.JOB])


def summary(report: dict[str, Any]) -> str:
    """A few sentences that read the table for the learner."""
    lines = [f"{row['variant']} ({plural(row['workers'], 'worker')}): "
             + (f"{row['speedup']:.2f}x as fast as sequential."
                if row["speedup"] else "skipped here.")
             for row in report["rows"][1:]]
    lines.append("cpu_s counts the main process only: the process pool's "
                 "work ran in its workers.")
    return " ".join(lines) + "\n\n" + gil_note(report["environment"])


JOB = Job("cpu-bound", "compare.py", "compare",
          "Time the same CPU-bound work in every variant.",
          work, options={**SIZES, "timeout": 300.0}, pool="versions",
          note=summary)

if __name__ == "__main__":
    sys.exit(main(JOB))
