"""Wall time vs CPU time, with time.sleep standing in for the network (a simulation).

This is wall_vs_cpu.py without a server: each "request" is time.sleep(--latency-ms). It runs
where sockets are not available, such as Pyodide in the browser, so keep in mind what it
leaves out: no connections and no HTTP, whose small CPU cost wall_vs_cpu.py does measure.
What it shows is the same idea: while a program waits, the wall clock runs on and the CPU
clock (time.process_time) barely moves, so the program is idle nearly all the time.

Run:  python3 simulated_wait.py         (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import sys
import time

from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    interrupted,
    non_negative_float,
    positive_int,
    print_report,
)

EXAMPLE = "latency"
SCRIPT = "simulated_wait.py"
VARIANT = "sleep"
DEFAULT_ITEMS = 20
DEFAULT_LATENCY_MS = 50.0


def run(items: int, latency_ms: float) -> dict:
    """Sleep `items` times for latency_ms each; return the timing report."""
    recorder = TaskRecorder()  # starts the wall clock and the CPU clock
    for item in range(items):
        with recorder.task(item):
            time.sleep(latency_ms / 1000)  # stands in for waiting on a server's answer
    recorder.stop()
    cpu_fraction = recorder.cpu_s / recorder.elapsed_s if recorder.elapsed_s else 0.0
    return build_report(
        example=EXAMPLE,
        script=SCRIPT,
        variant=VARIANT,
        parameters={"items": items, "latency_ms": latency_ms, "simulated": True},
        recorder=recorder,
        metrics={
            "cpu_fraction": round(cpu_fraction, 4),
            "idle_fraction": round(1 - cpu_fraction, 4),
            "mean_request_ms": round(recorder.elapsed_s / items * 1000, 3),
        },
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare wall time and CPU time of simulated requests (time.sleep)."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many simulated requests (default: %(default)s)")
    parser.add_argument("--latency-ms", type=non_negative_float, default=DEFAULT_LATENCY_MS, metavar="MS",
                        help="simulated wait per request (default: %(default)g ms)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"Simulating {args.items} requests of {args.latency_ms:g} ms each with time.sleep...",
          file=sys.stderr, flush=True)
    try:
        report = run(args.items, args.latency_ms)
    except KeyboardInterrupt:
        return interrupted()
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
