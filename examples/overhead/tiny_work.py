"""The work every script in this folder runs: many small, CPU-bound tasks of adjustable size.

One task sums the squares of 0, 1, ..., task_size - 1 in plain Python, so its cost grows in
proportion to task_size: about 40 ns per number on a current laptop, so a task of 1,000 numbers
takes some 40 microseconds, and a task of 1,000,000 numbers some 40 milliseconds.

That is the knob this example turns. Handing a task to a pool has a fixed cost per task (a queue,
a wake-up, for processes also pickling and a trip through a pipe) plus a fixed cost per run
(starting the workers). For tiny tasks those costs dwarf the work itself, and a plain loop wins.
"""

from __future__ import annotations

import os
import sys

EXAMPLE = "overhead"  # the folder slug, as it appears in every report

DEFAULT_TASKS = 500
DEFAULT_TASK_SIZE = 100
TIMEOUT_S = 300.0  # give up on a pool whose tasks take longer than this in total

# Pyodide (Python compiled to WebAssembly, e.g. in a browser) cannot start threads or processes.
IN_WEBASSEMBLY = sys.platform in ("emscripten", "wasi")


def small_task(task_size: int) -> int:
    """Return 0² + 1² + ... + (task_size-1)²: pure-Python work proportional to task_size."""
    total = 0
    for number in range(task_size):
        total += number * number
    return total


def default_workers() -> int:
    """One worker per CPU core this process may use."""
    # os.process_cpu_count() (Python 3.13+) respects CPU affinity; os.cpu_count() counts them all.
    count_cpus = getattr(os, "process_cpu_count", os.cpu_count)
    return count_cpus() or 1
