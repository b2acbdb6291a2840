"""asyncio overlapping waits, with asyncio.sleep standing in for the network.

This is the idea of async_io.py without any network: each task awaits
asyncio.sleep() for --latency-ms instead of a server's answer. It runs
where sockets and threads are not available, such as Pyodide in the
browser, so keep in mind what it leaves out: no connections, no HTTP, no
server. What it shows is real: while a task awaits, the event loop runs the
other tasks, so --items waits of --latency-ms take about
(items / workers) x latency in total instead of items x latency.

Run:  python3 simulated_asyncio.py   (--help for options, --json)
"""

from __future__ import annotations

import asyncio
import sys

from runner import Job, Run, main
from timing import TaskRecorder


async def pretend_download(task_id: int, latency_s: float,
                           limit: asyncio.Semaphore,
                           recorder: TaskRecorder) -> None:
    """One task: wait for a free slot, then 'wait for the network'."""
    async with limit:  # at most --workers waits at once, as in async_io.py
        with recorder.task(task_id, worker=f"task-{task_id}"):
            await asyncio.sleep(latency_s)  # stands in for a server


async def pretend_download_all(items: int, workers: int, latency_s: float,
                               recorder: TaskRecorder) -> None:
    """Run one task per item in a TaskGroup, which waits for all."""
    limit = asyncio.Semaphore(workers)
    async with asyncio.TaskGroup() as group:
        for task_id in range(items):
            group.create_task(
                pretend_download(task_id, latency_s, limit, recorder))


def work(run: Run) -> dict[str, float]:
    """Run the simulation; the total of the waits is a metric."""
    args = run.args
    asyncio.run(pretend_download_all(args.items, args.workers,
                                     args.latency_ms / 1000, run.recorder))
    return {"total_wait_s": round(args.items * args.latency_ms / 1000, 6)}


JOB = Job("io-bound", "simulated_asyncio.py", "simulated-asyncio",
          "Overlap simulated network waits (asyncio.sleep) with asyncio.",
          work, options={"items": 40, "latency_ms": 50.0}, pool="tasks",
          fixed={"simulated": True}, derived=("mean_in_flight",))

if __name__ == "__main__":
    sys.exit(main(JOB))
