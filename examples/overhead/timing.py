"""Timing helpers shared by every example: measure a run, report it.

The canonical copy of this file is examples/_shared/timing.py. Each example
folder holds an identical copy so that the folder runs on its own; after
editing the canonical file, run `python3 examples/sync_shared.py`.

A typical use (runner.py does this for every script)::

    recorder = TaskRecorder()         # starts the wall and CPU clocks
    for task_id in range(10):
        with recorder.task(task_id):  # records this task's start and end
            do_some_work()
    recorder.stop()                   # stops both clocks
    report = build_report(example="io-bound", script="sequential.py",
                          variant="sequential", parameters={"items": 10},
                          recorder=recorder)
    print_report(report, as_json=False)

Two clocks are measured, because comparing them is the point of several
lessons:

* wall time (`time.perf_counter`): how long you waited for the program;
* CPU time (`time.process_time`): how long this process actually ran on a
  CPU, summed over its threads, without the CPU time of child processes.

Public API
----------
SCHEMA_VERSION           version of the JSON report
environment()            dict describing the Python and the machine
TaskRecorder()           .task(id, worker=None) context manager,
                         .add(id, worker, start, end), .stop(),
                         .elapsed_s, .cpu_s, .tasks, .mean_in_flight()
build_report(...)        the report dict for a finished run
skipped_report(...)      the report of a run that could not happen here
format_report(report)    the report as readable text
print_report(report, as_json)  print the text, or one JSON object
add_json_option(parser)  add the common --json flag to a parser
positive_int, non_negative_float, positive_float
                         argparse `type=` helpers that reject bad values
fail(message), interrupted()
                         print to stderr, return the exit code (1 or 130)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import sysconfig
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

SCHEMA_VERSION = 1
EXIT_ERROR = 1
EXIT_INTERRUPTED = (
    130  # what shells report for a program stopped by Ctrl-C (128 + SIGINT)
)
# Under Pyodide (CPython compiled to WebAssembly), time.process_time() counts
# time spent sleeping as CPU time, so it cannot tell working from waiting:
# such a run reports no CPU time (null) and says why, rather than a number.
CPU_NOT_MEASURABLE = (
    "not measurable here: time.process_time() counts sleeping as CPU time"
    if sys.platform == "emscripten"
    else None
)


# -----------------------------------------------------------------------------
# Where did this run happen?
# -----------------------------------------------------------------------------


def environment(start_method: str | None = None) -> dict[str, Any]:
    """Describe the interpreter and machine, so runs can be compared.

    start_method is the multiprocessing start method the run used ("fork",
    "forkserver" or "spawn"), or None when the script starts no processes.
    """
    # sys._is_gil_enabled() exists from Python 3.13; before that the GIL is
    # always on.
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    gil_enabled = is_gil_enabled() if is_gil_enabled is not None else True
    # os.process_cpu_count() (3.13+) respects CPU affinity; os.cpu_count()
    # counts every CPU.
    process_cpu_count = getattr(os, "process_cpu_count", os.cpu_count)
    return {
        "python_version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "gil_enabled": bool(gil_enabled),
        "free_threaded_build": bool(
            sysconfig.get_config_var("Py_GIL_DISABLED")
        ),
        "os": platform.system(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": process_cpu_count(),
        "start_method": start_method,
    }


# -----------------------------------------------------------------------------
# Measuring a run
# -----------------------------------------------------------------------------


class TaskRecorder:
    """Measure one run: wall time, CPU time, and when each task ran.

    Creating the recorder starts both clocks; stop() stops them. Task times
    are offsets in seconds from the moment the recorder was created, so they
    can be drawn on a timeline. Recording is thread-safe.

    Tasks that run in another process measure time.perf_counter() there and
    send the two readings back; add() accepts them. That works because
    CPython's perf_counter reads a system-wide monotonic clock on Linux,
    macOS and Windows, so readings taken in different processes of one
    machine share one reference point.
    """

    def __init__(self) -> None:
        self.tasks: list[dict[str, Any]] = []
        self.elapsed_s: float | None = None
        self.cpu_s: float | None = None
        self._lock = threading.Lock()
        self._start_wall = time.perf_counter()
        self._start_cpu = time.process_time()

    @contextmanager
    def task(self, task_id: int, worker: str | None = None) -> Iterator[None]:
        """Record the start and end of the block as task `task_id`.

        worker names who ran the task; by default, the current thread's
        name.
        The end is recorded even if the block raises.
        """
        if worker is None:
            worker = threading.current_thread().name
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(task_id, worker, start, time.perf_counter())

    def add(self, task_id: int, worker: str, start: float, end: float) -> None:
        """Record a task from two time.perf_counter() readings."""
        record = {
            "id": task_id,
            "worker": worker,
            "start_s": round(max(0.0, start - self._start_wall), 6),
            "end_s": round(max(0.0, end - self._start_wall), 6),
        }
        with self._lock:  # several workers may finish at the same moment
            self.tasks.append(record)

    def stop(self) -> None:
        """Stop both clocks. Call it once, when all the work is done."""
        self.elapsed_s = round(time.perf_counter() - self._start_wall, 6)
        cpu = round(time.process_time() - self._start_cpu, 6)
        self.cpu_s = None if CPU_NOT_MEASURABLE else cpu

    def mean_in_flight(self) -> float:
        """Average number of tasks running at once: task time / wall time.

        About 1 for a sequential run; close to the number of workers when
        waits overlap well.
        """
        if not self.elapsed_s:
            return 0.0
        busy = sum(task["end_s"] - task["start_s"] for task in self.tasks)
        return round(busy / self.elapsed_s, 3)


# -----------------------------------------------------------------------------
# Building the report
# -----------------------------------------------------------------------------


def _utc_timestamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_report(
    *,
    example: str,
    script: str,
    variant: str,
    parameters: dict[str, Any],
    recorder: TaskRecorder,
    metrics: dict[str, float] | None = None,
    rows: list[dict[str, Any]] | None = None,
    runs: list[dict[str, Any]] | None = None,
    start_method: str | None = None,
) -> dict[str, Any]:
    """Return the report of a finished run (timing-report.schema.json).

    parameters holds the inputs of the run (numbers, strings or booleans);
    metrics holds numeric results specific to the example; rows holds one
    dict per line of a comparison or sweep table; runs holds the nested
    reports of the variants a compare script ran.
    """
    if recorder.elapsed_s is None:
        raise RuntimeError("call recorder.stop() before build_report()")
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "example": example,
        "script": script,
        "variant": variant,
        "status": "ok",
        "skip_reason": None,
        "environment": environment(start_method),
        "parameters": dict(parameters),
        "elapsed_s": recorder.elapsed_s,
        "cpu_s": recorder.cpu_s,
        "tasks": sorted(
            recorder.tasks, key=lambda task: (task["start_s"], task["id"])
        ),
    }
    if CPU_NOT_MEASURABLE:
        report["cpu_unmeasured_reason"] = CPU_NOT_MEASURABLE
    if metrics is not None:
        report["metrics"] = dict(metrics)
    if rows is not None:
        report["rows"] = list(rows)
    if runs is not None:
        report["runs"] = list(runs)
    report["timestamp"] = _utc_timestamp()
    return report


def skipped_report(
    *,
    example: str,
    script: str,
    variant: str,
    parameters: dict[str, Any],
    reason: str,
) -> dict[str, Any]:
    """The report of a run that could not happen here, saying why."""
    return {
        "schema_version": SCHEMA_VERSION,
        "example": example,
        "script": script,
        "variant": variant,
        "status": "skipped",
        "skip_reason": reason,
        "environment": environment(),
        "parameters": dict(parameters),
        "elapsed_s": None,
        "cpu_s": None,
        "tasks": [],
        "timestamp": _utc_timestamp(),
    }


# -----------------------------------------------------------------------------
# Printing the report
# -----------------------------------------------------------------------------

TIMELINE_WIDTH = 48
TIMELINE_ROWS = 12


def _format_value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _format_parameter(value: Any) -> str:
    return (
        f"{value:g}" if isinstance(value, float) else str(value)
    )  # 50.0 -> "50"


def _timeline(tasks: list[dict[str, Any]], elapsed_s: float) -> list[str]:
    """Draw one line per worker, marking each task from its start to its end.

    A worker's consecutive tasks alternate between '#' and '=', so
    back-to-back tasks stay
    distinguishable; a space means the worker had no task at that moment.
    """
    workers: dict[str, list[str]] = {}
    tasks_seen: dict[str, int] = {}
    for task in sorted(tasks, key=lambda task: task["start_s"]):
        line = workers.setdefault(task["worker"], [" "] * TIMELINE_WIDTH)
        tasks_seen[task["worker"]] = tasks_seen.get(task["worker"], 0) + 1
        mark = "#" if tasks_seen[task["worker"]] % 2 else "="
        first = min(
            int(task["start_s"] / elapsed_s * TIMELINE_WIDTH),
            TIMELINE_WIDTH - 1,
        )
        last = min(
            int(task["end_s"] / elapsed_s * TIMELINE_WIDTH), TIMELINE_WIDTH - 1
        )
        for column in range(first, last + 1):
            line[column] = mark
    width = min(24, max(len(name) for name in workers))
    scale = "0 s" + f"{elapsed_s:.3f} s".rjust(TIMELINE_WIDTH - 3)
    lines = [f"  {'':<{width}}  {scale}"]
    for name, line in list(workers.items())[:TIMELINE_ROWS]:
        lines.append(f"  {name[:width]:<{width}} |{''.join(line)}|")
    if len(workers) > TIMELINE_ROWS:
        lines.append(
            f"  ... and {len(workers) - TIMELINE_ROWS} more (see --json)"
        )
    return lines


def _table(rows: list[dict[str, Any]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    cells = [
        [_format_value(row.get(column)) for column in columns] for row in rows
    ]
    widths = [
        max(len(column), *(len(line[i]) for line in cells))
        for i, column in enumerate(columns)
    ]
    lines = [
        "  "
        + "  ".join(
            column.ljust(width) for column, width in zip(columns, widths)
        )
    ]
    for line in cells:
        lines.append(
            "  "
            + "  ".join(cell.ljust(width) for cell, width in zip(line, widths))
        )
    return lines


def format_report(report: dict[str, Any]) -> str:
    """The report as text: what ran, where, how long, and a timeline."""
    env = report["environment"]
    gil = "GIL enabled" if env["gil_enabled"] else "GIL disabled"
    lines = [
        f"{report['example']} / {report['script']} "
        f"(variant: {report['variant']})",
        f"  Python {env['python_version']} ({env['implementation']}, {gil})"
        f" on {env['os']} "
        f"{env['machine']}, {env['cpu_count']} CPUs"
        + (
            f", start method {env['start_method']}"
            if env["start_method"]
            else ""
        ),
        "  parameters: "
        + ", ".join(
            f"{key}={_format_parameter(value)}"
            for key, value in report["parameters"].items()
        ),
        "",
    ]
    if report["status"] == "skipped":
        lines.append(f"  skipped: {report['skip_reason']}")
        return "\n".join(lines)

    lines.append(
        f"  {'wall time':<16} {report['elapsed_s']:.3f} s   "
        "(time.perf_counter)"
    )
    cpu = report["cpu_s"]
    lines.append(
        f"  {'CPU time':<16} {cpu:.3f} s   (time.process_time, this process)"
        if cpu is not None
        else f"  {'CPU time':<16} "
        + (report.get("cpu_unmeasured_reason") or "not reported")
    )
    for name, value in report.get("metrics", {}).items():
        lines.append(f"  {name:<16} {_format_value(value)}")
    if report.get("rows"):
        lines += ["", *_table(report["rows"])]
    tasks = report["tasks"]
    if tasks and report["elapsed_s"] > 0:
        workers = len({task["worker"] for task in tasks})
        lines += [
            "",
            f"  Timeline: {len(tasks)} tasks on {workers} worker(s); "
            "a run of # or = is one task, start to end",
            *_timeline(tasks, report["elapsed_s"]),
        ]
    return "\n".join(lines)


def print_report(report: dict[str, Any], as_json: bool) -> None:
    """Print the report to stdout: text, or one JSON object (as_json)."""
    if as_json:
        print(
            json.dumps(report, indent=2, allow_nan=False)
        )  # NaN is not valid JSON
    else:
        print(format_report(report))


# -----------------------------------------------------------------------------
# Command line helpers
# -----------------------------------------------------------------------------


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """Add --json, the flag every script shares, to an argparse parser."""
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON report on stdout instead of a table",
    )


def positive_int(text: str) -> int:
    """argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number, got {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def non_negative_float(text: str) -> float:
    """argparse type: a finite number of at least 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number, got {text!r}"
        ) from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(
            f"must be a finite number of at least 0, got {text}"
        )
    return value


def positive_float(text: str) -> float:
    """argparse type: a finite number greater than 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number, got {text!r}"
        ) from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(
            f"must be a number greater than 0, got {text}"
        )
    return value


def fail(message: str) -> int:
    """Print `error: message` on stderr; return the exit code 1."""
    print(f"error: {message}", file=sys.stderr)
    return EXIT_ERROR


def interrupted() -> int:
    """Print a short note on stderr; return the Ctrl-C exit code 130."""
    print("Interrupted.", file=sys.stderr)
    return EXIT_INTERRUPTED
