"""The CPU-bound work that every script in this folder runs: sums of squares in pure Python.

sum_of_squares() is deliberately plain Python: a loop of additions and multiplications that
never waits for anything. The only way to finish it sooner is to run several pieces of it on
several CPU cores *at the same time*. That is exactly what the scripts compare:

    sequential.py   one piece after another, in one thread
    threads.py      pieces in a thread pool (parallel only if the GIL is off)
    processes.py    pieces in a process pool (parallel on every build of CPython)

The work is split into `tasks` chunks of `size` numbers each, so every variant does exactly the
same arithmetic and gets exactly the same answer.
"""

from __future__ import annotations

import os
import sys
from typing import Any

EXAMPLE = "cpu-bound"  # the folder slug, as it appears in every report

DEFAULT_TASKS = 8
DEFAULT_SIZE = 3_000_000  # numbers per task: about 0.1 to 0.2 s of work on a current laptop
DEFAULT_TIMEOUT_S = 300.0  # give up on a pool whose tasks take longer than this in total

# Pyodide (Python compiled to WebAssembly, e.g. in a browser) cannot start threads or processes.
IN_WEBASSEMBLY = sys.platform in ("emscripten", "wasi")


def sum_of_squares(start: int, stop: int) -> int:
    """Return start² + (start+1)² + ... + (stop-1)², one Python operation at a time."""
    total = 0
    for number in range(start, stop):
        total += number * number
    return total


def chunks(tasks: int, size: int) -> list[tuple[int, int]]:
    """Split range(tasks * size) into `tasks` consecutive (start, stop) pairs of `size` numbers."""
    return [(task_id * size, (task_id + 1) * size) for task_id in range(tasks)]


def expected_total(tasks: int, size: int) -> int:
    """The answer every variant must reach: 0² + 1² + ... + (n-1)² = (n-1)n(2n-1)/6."""
    n = tasks * size
    return (n - 1) * n * (2 * n - 1) // 6


def default_workers() -> int:
    """One worker per CPU core this process may use: more cannot help CPU-bound work."""
    # os.process_cpu_count() (Python 3.13+) respects CPU affinity; os.cpu_count() counts them all.
    count_cpus = getattr(os, "process_cpu_count", os.cpu_count)
    return count_cpus() or 1


def gil_note(environment: dict[str, Any]) -> str:
    """Say in words what the GIL means for threads in the Python that produced `environment`."""
    if not environment["gil_enabled"]:
        return ("The GIL is disabled (free-threaded build): threads run Python code on several "
                "cores at once, so threads can speed up CPU-bound work here, as processes do.")
    if environment["free_threaded_build"]:
        return ("This is a free-threaded build, but the GIL is enabled (by PYTHON_GIL=1, -X gil=1, "
                "or an extension module that needs it): threads take turns, as on a default build.")
    return ("The GIL is enabled (a default build of CPython): only one thread runs Python code "
            "at a time, so threads take turns on one core and cannot speed up CPU-bound work. "
            "Processes can: each has its own interpreter and its own GIL.")
