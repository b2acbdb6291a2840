"""Sweep the task size and find where a process pool starts to beat a plain loop.

For each task size, sweep.py runs the same number of tasks three ways, with the functions of
loop.py, thread_pool.py and process_pool.py, and times each run (pool startup included, as a
learner's script would pay it). It reports one row per run and the *crossover*: the smallest
task size from which the process pool beat the loop, by at least 10% (more than the run-to-run
noise), at every larger size of the sweep.

What to expect, with the GIL enabled:

* small tasks: the loop wins by a wide margin; the pools spend their time handing out tasks;
* growing tasks: the fixed costs fade; the process pool catches up, then wins, heading for
  one times the number of cores;
* the thread pool never beats the loop on CPU-bound work while the GIL is enabled (on a
  free-threaded build with the GIL disabled it behaves more like the process pool).

The crossover depends on the machine, the Python version and the start method (fork starts
workers much faster than spawn or forkserver), which is why this is a sweep and not a rule.

Run it:

    python3 sweep.py
    python3 sweep.py --task-sizes 100 10000 1000000 --tasks 20 --json
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import textwrap
from typing import Any

import loop
import process_pool
import thread_pool
from loop import EXAMPLE
from process_pool import CPUS
from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
    format_report,
    interrupted,
    positive_int,
    print_report,
)

DEFAULT_TASK_SIZES = [10, 100, 1_000, 10_000, 100_000, 1_000_000]
DEFAULT_TASKS = 50
# Timings jitter by a few percent from run to run, so a pool only counts as beating the loop
# when it is at least 10% faster: a 1.03x "win" could be noise.
WIN_SPEEDUP = 1.1
LABELS = {"loop": "Plain loop", "thread-pool": "Thread pool", "process-pool": "Process pool"}


def crossover(rows: list[dict[str, Any]], variant: str) -> int | None:
    """Smallest task size from which `variant` beat the loop at every larger size too, or None.

    "Beat" means a speedup of at least WIN_SPEEDUP. The search starts from the largest size and
    stops at the first size where the variant did not win.
    """
    found = None
    for row in sorted((row for row in rows if row["variant"] == variant),
                      key=lambda row: row["x"], reverse=True):
        if row["speedup"] is None or row["speedup"] < WIN_SPEEDUP:
            break
        found = row["x"]
    return found


def run(
    task_sizes: list[int], tasks: int, workers: int, start_method: str | None = None
) -> dict[str, Any]:
    """Time the loop and both pools at every task size; return a report with rows and crossover."""
    recorder = TaskRecorder()
    rows: list[dict[str, Any]] = []
    for task_size in task_sizes:
        print(f"sweep.py: task size {task_size:,}...", file=sys.stderr)
        reports = [
            loop.run(tasks, task_size),
            thread_pool.run(tasks, task_size, workers),
            process_pool.run(tasks, task_size, workers, start_method),
        ]
        loop_s = reports[0]["elapsed_s"]
        for report in reports:
            elapsed_s = report["elapsed_s"]
            rows.append({
                "variant": report["variant"],
                "label": LABELS[report["variant"]],
                "x": task_size,
                "elapsed_s": elapsed_s,
                "speedup": round(loop_s / elapsed_s, 3) if loop_s and elapsed_s else None,
            })
    recorder.stop()

    metrics: dict[str, float] = {}
    for variant in ("process-pool", "thread-pool"):
        size = crossover(rows, variant)
        if size is not None:
            metrics[f"{variant.replace('-', '_')}_crossover_task_size"] = size
    return build_report(
        example=EXAMPLE,
        script="sweep.py",
        variant="sweep",
        parameters={"tasks": tasks, "workers": workers,
                    "task_sizes": ",".join(str(size) for size in task_sizes)},
        recorder=recorder,
        metrics=metrics,
        rows=rows,
        start_method=multiprocessing.get_context(start_method).get_start_method(),
    )


def format_sweep(report: dict[str, Any]) -> str:
    """The report as text: the usual header, then one line per task size, then the verdict."""
    # The usual text, minus the rows and metrics: the table and the verdict below show them better.
    header = format_report({key: value for key, value in report.items()
                            if key not in ("rows", "metrics")})
    columns = ["loop", "thread-pool", "process-pool"]
    lines = [header, "", "  seconds (and speedup over the loop) for "
             f"{report['parameters']['tasks']} tasks of each size:", ""]
    lines.append(f"  {'task size':>10}" + "".join(f"  {LABELS[name]:>17}" for name in columns))
    for size in dict.fromkeys(row["x"] for row in report["rows"]):
        cells = []
        for name in columns:
            row = next(row for row in report["rows"] if row["x"] == size and row["variant"] == name)
            if row["elapsed_s"] is None:
                cells.append(f"  {'skipped':>17}")
            else:
                cells.append(f"  {row['elapsed_s']:>8.4f} ({row['speedup']:>5.2f}x)")
        lines.append(f"  {size:>10,}" + "".join(cells))
    lines.append("")
    verdicts = []
    for name in ("process-pool", "thread-pool"):
        size = report["metrics"].get(f"{name.replace('-', '_')}_crossover_task_size")
        if size is not None:
            verdicts.append(f"Crossover: from a task size of {int(size):,} on, the "
                            f"{LABELS[name].lower()} was at least {WIN_SPEEDUP:.1f}x as fast as "
                            "the loop.")
        elif name == "process-pool":
            verdicts.append("No crossover within this sweep: the process pool was not at least "
                            f"{WIN_SPEEDUP:.1f}x as fast as the loop at the largest task size. "
                            "Try bigger --task-sizes (or a less busy machine).")
        elif report["environment"]["gil_enabled"]:
            verdicts.append("The thread pool was never clearly faster than the loop: expected for "
                            "CPU-bound work while the GIL is enabled.")
        else:
            verdicts.append("The thread pool did not beat the loop at the largest task size, "
                            "even with the GIL disabled. Try bigger --task-sizes.")
    lines += [textwrap.fill(verdict, width=88) for verdict in verdicts]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time a loop, a thread pool and a process pool over growing task sizes.",
    )
    parser.add_argument("--task-sizes", type=positive_int, nargs="+", default=DEFAULT_TASK_SIZES,
                        metavar="SIZE",
                        help="task sizes to try, in numbers summed per task "
                             f"(default: {' '.join(str(size) for size in DEFAULT_TASK_SIZES)})")
    parser.add_argument("--tasks", type=positive_int, default=DEFAULT_TASKS,
                        help="tasks per run (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=CPUS,
                        help="threads or processes in each pool "
                             "(default: one per CPU, here %(default)s)")
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                        help="how the process pool starts its workers (default: this "
                             f"platform's, here {multiprocessing.get_start_method()})")
    add_json_option(parser)
    args = parser.parse_args(argv)
    args.task_sizes = sorted(set(args.task_sizes))
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = run(args.task_sizes, args.tasks, args.workers, args.start_method)
    except KeyboardInterrupt:
        return interrupted()
    except TimeoutError as error:
        return fail(str(error))
    if args.json:
        print_report(report, as_json=True)
    else:
        print(format_sweep(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
