"""Download every item one after another: the baseline the concurrent versions are measured against.

Each request spends almost all of its time waiting: the local server holds every answer for
--latency-ms before sending it. While one request waits, this program does nothing else, so
the total time is roughly items x latency. The other files overlap those waits:

    threads.py          a pool of threads, each waiting on its own request
    async_io.py         one thread, many requests in flight on an asyncio event loop
    processes.py        a pool of processes (works, but heavy for waiting)

Run:  python3 sequential.py            (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import sys
import urllib.request

from latency_server import ServerError, add_server_arguments, serve
from timing import TaskRecorder, add_json_option, build_report, fail, interrupted, positive_int, print_report

EXAMPLE = "io-bound"
SCRIPT = "sequential.py"
VARIANT = "sequential"
DEFAULT_ITEMS = 40


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body. `timeout` limits every wait on the socket, in seconds."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def download_all(urls: list[str], timeout: float, recorder: TaskRecorder) -> int:
    """Fetch the URLs one at a time; return the number of bytes received."""
    total_bytes = 0
    for task_id, url in enumerate(urls):
        with recorder.task(task_id):
            total_bytes += len(fetch(url, timeout))
    return total_bytes


def run(server_url: str, items: int, timeout: float, latency_ms: float) -> dict:
    """Download `items` items from the server at `server_url`; return the timing report."""
    urls = [f"{server_url}/item/{item}" for item in range(items)]
    recorder = TaskRecorder()
    total_bytes = download_all(urls, timeout, recorder)
    recorder.stop()
    return build_report(
        example=EXAMPLE,
        script=SCRIPT,
        variant=VARIANT,
        parameters={"items": items, "latency_ms": latency_ms, "timeout_s": timeout},
        recorder=recorder,
        metrics={"bytes": total_bytes, "mean_in_flight": recorder.mean_in_flight()},
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Download items from a local slow server one at a time (the baseline)."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many items to download (default: %(default)s)")
    add_server_arguments(parser)
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        with serve(args.latency_ms, args.port) as server:
            print(f"Downloading {args.items} items one at a time from {server.url} "
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
