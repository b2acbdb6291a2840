"""Measure how much of a network-bound program's time is spent waiting: wall time vs CPU time.

This program sends --items requests, one after another, to a local server that waits
--latency-ms before each answer, and measures two clocks:

    wall time   time.perf_counter(): how long the run took, as a stopwatch sees it
    CPU time    time.process_time(): how long this process actually ran on a CPU

The CPU time is a small fraction of the wall time: the program spends most of its life idle,
waiting for answers. That idle time is what concurrency can reclaim. Threads or asyncio can
keep several requests waiting at once (see the io-bound example), while a faster CPU would
barely help. (The server runs in a thread of this same process, so even its small CPU cost
is counted here: the client's own share is smaller still.)

Run:  python3 wall_vs_cpu.py            (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import sys
import urllib.request

from latency_server import ServerError, add_server_arguments, serve
from timing import TaskRecorder, add_json_option, build_report, fail, interrupted, positive_int, print_report

EXAMPLE = "latency"
SCRIPT = "wall_vs_cpu.py"
VARIANT = "network"
DEFAULT_ITEMS = 20


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body. `timeout` limits every wait on the socket, in seconds."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def run(server_url: str, items: int, timeout: float, latency_ms: float) -> dict:
    """Request `items` items one at a time; return the timing report."""
    recorder = TaskRecorder()  # starts the wall clock and the CPU clock
    total_bytes = 0
    for item in range(items):
        with recorder.task(item):
            total_bytes += len(fetch(f"{server_url}/item/{item}", timeout))
    recorder.stop()
    cpu_fraction = recorder.cpu_s / recorder.elapsed_s
    return build_report(
        example=EXAMPLE,
        script=SCRIPT,
        variant=VARIANT,
        parameters={"items": items, "latency_ms": latency_ms, "timeout_s": timeout},
        recorder=recorder,
        metrics={
            "cpu_fraction": round(cpu_fraction, 4),
            "idle_fraction": round(1 - cpu_fraction, 4),
            "mean_request_ms": round(recorder.elapsed_s / items * 1000, 3),
            "bytes": total_bytes,
        },
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare wall time and CPU time of requests to a local slow server."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many requests to send (default: %(default)s)")
    add_server_arguments(parser)
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        with serve(args.latency_ms, args.port) as server:
            print(f"Sending {args.items} requests one at a time to {server.url} "
                  f"({args.latency_ms:g} ms per answer)...", file=sys.stderr, flush=True)
            report = run(server.url, args.items, args.timeout, args.latency_ms)
    except ServerError as exc:
        return fail(str(exc))
    except TimeoutError:
        return fail(f"the server did not answer within --timeout {args.timeout:g} s")
    except OSError as exc:
        return fail(f"a request failed: {exc}")
    except KeyboardInterrupt:
        return interrupted()
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
