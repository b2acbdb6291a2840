"""Run the four versions of the download job against one local server and compare their times.

All four download the same items from the same server with the same latency, one version
after another, in this one process:

    sequential.py   one request at a time (the baseline)
    threads.py      a pool of threads
    async_io.py     asyncio tasks in one thread
    processes.py    a pool of processes

The table shows each version's wall time and its speedup over the sequential one. Expect
threads and asyncio to be several times faster than sequential, and processes to be well
behind them, because starting worker processes costs time that threads and tasks do not pay
(with few items, more than overlapping the waits saves). The JSON report (--json) embeds each
version's full report under "runs".

Run:  python3 compare.py                (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

import async_io
import processes
import sequential
import threads
from latency_server import ServerError, add_server_arguments, serve
from timing import TaskRecorder, add_json_option, build_report, fail, interrupted, positive_int, print_report

EXAMPLE = "io-bound"
SCRIPT = "compare.py"
VARIANT = "compare"
DEFAULT_ITEMS = 40
DEFAULT_WORKERS = 10


def compare(args: argparse.Namespace, server_url: str) -> dict:
    """Run every version against the server at `server_url`; return the comparison report."""
    items, workers, timeout, latency_ms = args.items, args.workers, args.timeout, args.latency_ms
    versions: list[tuple[str, Callable[[], dict]]] = [
        ("sequential", lambda: sequential.run(server_url, items, timeout, latency_ms)),
        ("threads", lambda: threads.run(server_url, items, workers, timeout, latency_ms)),
        ("asyncio", lambda: async_io.run(server_url, items, workers, timeout, latency_ms)),
        ("processes", lambda: processes.run(server_url, items, workers, timeout, latency_ms,
                                            args.start_method)),
    ]
    recorder = TaskRecorder()
    runs = []
    for task_id, (name, run_version) in enumerate(versions):
        print(f"  {name}...", file=sys.stderr, flush=True)
        with recorder.task(task_id, worker=name):  # the timeline gets one row per version
            runs.append(run_version())
    recorder.stop()

    baseline_s = runs[0]["elapsed_s"]
    rows = [
        {
            "variant": report["variant"],
            "script": report["script"],
            "elapsed_s": report["elapsed_s"],
            "cpu_s": report["cpu_s"],
            "mean_in_flight": report["metrics"]["mean_in_flight"],
            "speedup": round(baseline_s / report["elapsed_s"], 2),
        }
        for report in runs
    ]
    return build_report(
        example=EXAMPLE,
        script=SCRIPT,
        variant=VARIANT,
        parameters={"items": args.items, "latency_ms": args.latency_ms, "workers": args.workers,
                    "timeout_s": args.timeout},
        recorder=recorder,
        rows=rows,
        runs=runs,
        start_method=runs[-1]["environment"]["start_method"],
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare sequential, threads, asyncio and processes on the same download job."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many items each version downloads (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=DEFAULT_WORKERS, metavar="N",
                        help="threads, tasks in flight, or processes per concurrent version "
                             "(default: %(default)s)")
    parser.add_argument("--start-method", choices=processes.START_METHODS,
                        default=processes.DEFAULT_START_METHOD,
                        help="how processes.py starts its workers (default here: %(default)s)")
    add_server_arguments(parser)
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        with serve(args.latency_ms, args.port) as server:
            print(f"Comparing 4 versions: {args.items} items from {server.url}, {args.workers} workers, "
                  f"{args.latency_ms:g} ms per answer...", file=sys.stderr, flush=True)
            report = compare(args, server.url)
    except ServerError as exc:
        return fail(str(exc))
    except TimeoutError:
        return fail(f"the server did not answer within --timeout {args.timeout:g} s")
    except OSError as exc:
        return fail(f"a request failed: {exc}")
    except ExceptionGroup as group:  # raised by the asyncio version's TaskGroup
        error = group.exceptions[0]
        if isinstance(error, TimeoutError):
            return fail(f"the server did not answer within --timeout {args.timeout:g} s")
        return fail(f"a request failed: {error}")
    except KeyboardInterrupt:
        return interrupted()
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
