"""Run sequential.py, threads.py and processes.py on the same work and compare their wall times.

The speedup of a variant is the sequential wall time divided by its own: 2.0 means twice as
fast. What to expect for CPU-bound work on a machine with N cores:

* processes: close to N (a little less: starting workers and passing results costs time);
* threads: about 1 (or a bit less) while the GIL is enabled, because only one thread runs
  Python code at a time; close to processes on a free-threaded build with the GIL disabled.

The report embeds the three variants' own reports in "runs", and its table ends with a sentence
saying whether this Python had the GIL enabled.

Run it:

    python3 compare.py
    python3 compare.py --tasks 4 --size 1000000 --json
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import textwrap
from typing import Any

import processes
import sequential
import threads
from sequential import DEFAULT_SIZE, DEFAULT_TASKS, EXAMPLE
from threads import CPUS, DEFAULT_TIMEOUT_S, gil_note
from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
    format_report,
    interrupted,
    non_negative_float,
    positive_int,
    print_report,
)

LABELS = {
    "sequential": "Sequential (one thread)",
    "threads": "Thread pool",
    "processes": "Process pool",
}


def speedup(baseline_s: float | None, elapsed_s: float | None) -> float | None:
    """How many times faster than the baseline; None when either run did not happen."""
    if not baseline_s or not elapsed_s:
        return None
    return round(baseline_s / elapsed_s, 2)


def run(
    tasks: int,
    size: int,
    workers: int,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    start_method: str | None = None,
) -> dict[str, Any]:
    """Run the three variants one after another and return a report that embeds theirs."""
    recorder = TaskRecorder()
    print("compare.py: sequential...", file=sys.stderr)
    runs = [sequential.run(tasks, size)]
    print(f"compare.py: threads ({workers} workers)...", file=sys.stderr)
    runs.append(threads.run(tasks, size, workers, timeout_s))
    print(f"compare.py: processes ({workers} workers)...", file=sys.stderr)
    runs.append(processes.run(tasks, size, workers, timeout_s, start_method))
    recorder.stop()

    baseline_s = runs[0]["elapsed_s"]
    rows = [
        {
            "variant": report["variant"],
            "label": LABELS[report["variant"]],
            "workers": report["parameters"]["workers"],
            "elapsed_s": report["elapsed_s"],
            "cpu_s": report["cpu_s"],
            "speedup": speedup(baseline_s, report["elapsed_s"]),
        }
        for report in runs
    ]
    metrics = {
        f"{row['variant']}_speedup": row["speedup"]
        for row in rows[1:]
        if row["speedup"] is not None
    }
    return build_report(
        example=EXAMPLE,
        script="compare.py",
        variant="compare",
        parameters={"tasks": tasks, "size": size, "workers": workers},
        recorder=recorder,
        metrics=metrics,
        rows=rows,
        runs=runs,
        start_method=runs[2]["environment"]["start_method"],
    )


def summary(report: dict[str, Any]) -> str:
    """A few sentences that read the table for the learner."""
    lines = []
    for row in report["rows"][1:]:
        if row["speedup"] is None:
            lines.append(f"{row['label']}: skipped here.")
        else:
            lines.append(f"{row['label']}, {row['workers']} workers: {row['speedup']:.2f}x as fast "
                         "as sequential (1.00x = same speed).")
    lines.append("cpu_s counts the main process only: the process pool's work ran in its workers.")
    lines.append("")
    lines.append(textwrap.fill(gil_note(report["environment"]), width=88))
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time the same CPU-bound work sequentially, in threads and in processes.",
    )
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="number of tasks (default: %(default)s)")
    parser.add_argument("--size", type=positive_int, default=DEFAULT_SIZE,
                        help="numbers summed per task; more means more work (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=CPUS,
                        help="threads or processes in each pool "
                             "(default: one per CPU, here %(default)s)")
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                        help="how the process pool starts its workers (default: this "
                             f"platform's, here {multiprocessing.get_start_method()})")
    parser.add_argument("--timeout", type=non_negative_float, default=DEFAULT_TIMEOUT_S,
                        help="give up on a pool whose tasks take longer than this many seconds "
                             "(default: %(default)s)")
    add_json_option(parser)
    args = parser.parse_args(argv)
    if args.timeout <= 0:
        parser.error("argument --timeout: must be more than 0 seconds")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = run(args.tasks, args.size, args.workers, args.timeout, args.start_method)
    except KeyboardInterrupt:
        return interrupted()
    except TimeoutError as error:
        return fail(str(error))
    if args.json:
        print_report(report, as_json=True)
    else:
        # The usual text without the metrics: the table and the summary below show them better.
        print(format_report({key: value for key, value in report.items() if key != "metrics"}))
        print()
        print(summary(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
