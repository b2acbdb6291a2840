"""asyncio overlapping waits, with asyncio.sleep standing in for the network (a simulation).

This is the idea of async_io.py without any network: each task awaits asyncio.sleep() for
--latency-ms instead of a server's answer. It runs where sockets and threads are not
available, such as Pyodide in the browser, so keep in mind what it leaves out: no
connections, no HTTP, no server. What it does show is real: while a task awaits, the event
loop runs the other tasks, so the waits overlap, and --items waits of --latency-ms each take
about (items / workers) x latency in total instead of items x latency.

Run:  python3 simulated_asyncio.py        (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    interrupted,
    non_negative_float,
    positive_int,
    print_report,
)

EXAMPLE = "io-bound"
SCRIPT = "simulated_asyncio.py"
VARIANT = "simulated-asyncio"
DEFAULT_ITEMS = 40
DEFAULT_WORKERS = 10
DEFAULT_LATENCY_MS = 50.0


async def pretend_download(
    task_id: int, latency_s: float, limit: asyncio.Semaphore, recorder: TaskRecorder
) -> None:
    """One task: wait for a free slot, then 'wait for the network' for latency_s seconds."""
    async with limit:  # at most --workers waits at once, as in async_io.py
        with recorder.task(task_id, asyncio.current_task().get_name()):
            await asyncio.sleep(latency_s)  # stands in for waiting on a server's answer


async def pretend_download_all(items: int, workers: int, latency_s: float, recorder: TaskRecorder) -> None:
    """Run one task per item in a TaskGroup, which waits for all of them."""
    limit = asyncio.Semaphore(workers)
    async with asyncio.TaskGroup() as group:
        for task_id in range(items):
            group.create_task(pretend_download(task_id, latency_s, limit, recorder), name=f"task-{task_id}")


def run(items: int, workers: int, latency_ms: float) -> dict:
    """Run the simulation; return the timing report."""
    recorder = TaskRecorder()
    asyncio.run(pretend_download_all(items, workers, latency_ms / 1000, recorder))
    recorder.stop()
    return build_report(
        example=EXAMPLE,
        script=SCRIPT,
        variant=VARIANT,
        parameters={"items": items, "latency_ms": latency_ms, "workers": workers, "simulated": True},
        recorder=recorder,
        metrics={
            "total_wait_s": round(items * latency_ms / 1000, 6),  # the waits, end to end
            "mean_in_flight": recorder.mean_in_flight(),
        },
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Overlap simulated network waits (asyncio.sleep) with asyncio tasks."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many simulated downloads (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=DEFAULT_WORKERS, metavar="N",
                        help="how many may wait at once (default: %(default)s)")
    parser.add_argument("--latency-ms", type=non_negative_float, default=DEFAULT_LATENCY_MS, metavar="MS",
                        help="simulated wait per download (default: %(default)g ms)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"Simulating {args.items} downloads of {args.latency_ms:g} ms each, up to {args.workers} "
          "at once (asyncio.sleep stands in for the network)...", file=sys.stderr, flush=True)
    try:
        report = run(args.items, args.workers, args.latency_ms)
    except KeyboardInterrupt:
        return interrupted()
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
