"""Sweep the task size and find where a process pool beats a plain loop.

For each task size, sweep.py runs the same number of tasks three ways,
with loop.py, thread_pool.py and process_pool.py, and times each run (pool
start-up included, as a learner's script would pay it). It reports one row
per run and the *crossover*: the smallest task size from which the process
pool beat the loop by at least 10% (more than the run-to-run noise) at
every larger size of the sweep.

What to expect, with the GIL enabled: with small tasks the loop wins by a
wide margin; as tasks grow the fixed costs fade and the process pool
catches up, then wins; the thread pool never beats the loop (with the GIL
disabled it behaves more like the process pool). The crossover depends on
the machine, the Python version and the start method: hence a sweep.

Run:  python3 sweep.py --task-sizes 100 10000 1000000 --tasks 20 --json
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import loop
import process_pool
import thread_pool
from runner import Job, Run, main, measure

WIN_SPEEDUP = 1.1  # a 1.03x "win" could be noise
LABELS = {"loop": "Plain loop", "thread-pool": "Thread pool",
          "process-pool": "Process pool"}
SIZES = [10, 100, 1_000, 10_000, 100_000, 1_000_000]


def crossover(rows: list[dict[str, Any]], variant: str) -> int | None:
    """Smallest size from which `variant` won at every larger size too."""
    found = None
    for row in sorted((row for row in rows if row["variant"] == variant),
                      key=lambda row: row["x"], reverse=True):
        if row["speedup"] is None or row["speedup"] < WIN_SPEEDUP:
            break
        found = row["x"]
    return found


def work(run: Run) -> dict[str, float]:
    """Time the loop and both pools at every size; find the crossovers."""
    for size in sorted(set(run.args.task_sizes)):
        print(f"  task size {size:,}...", file=sys.stderr, flush=True)
        args = argparse.Namespace(**{**vars(run.args), "task_size": size})
        reports = [measure(job, args) for job in
                   (loop.JOB, thread_pool.JOB, process_pool.JOB)]
        for report in reports:
            elapsed_s, loop_s = report["elapsed_s"], reports[0]["elapsed_s"]
            run.rows.append({
                "variant": report["variant"],
                "label": LABELS[report["variant"]], "x": size,
                "elapsed_s": elapsed_s,
                "speedup": round(loop_s / elapsed_s, 3)
                if loop_s and elapsed_s else None})
    return {f"{name.replace('-', '_')}_crossover_task_size": size
            for name in ("process-pool", "thread-pool")
            if (size := crossover(run.rows, name)) is not None}


def verdict(report: dict[str, Any]) -> str:
    """The crossover in words."""
    size = report["metrics"].get("process_pool_crossover_task_size")
    if size is None:
        return (f"No crossover within this sweep: the Process pool was not "
                f"{WIN_SPEEDUP}x as fast as the loop at the largest size. "
                "Try bigger --task-sizes (or a less busy machine).")
    return (f"Crossover: from a task size of {int(size):,} on, the Process "
            f"pool was at least {WIN_SPEEDUP}x as fast as the loop.")


JOB = Job("overhead", "sweep.py", "sweep",
          "Time a loop, a thread pool and a process pool over task sizes.",
          work, options={"task_sizes": SIZES, "tasks": 50,
                         "timeout": 3000.0},
          pool="versions", note=verdict)

if __name__ == "__main__":
    sys.exit(main(JOB))
