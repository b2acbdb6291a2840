"""Download the items with a pool of threads: while one thread waits for an answer, others send requests.

Why threads fit this job: a thread that waits on a socket releases the GIL, so other threads
run in the meantime. With --workers threads, up to that many requests wait at the same time,
and the total time drops from about items x latency to about (items / workers) x latency.
The GIL does not get in the way here because the threads spend their time waiting, not
computing. (For CPU-bound work it would: see the cpu-bound example.)

concurrent.futures.ThreadPoolExecutor starts the threads, hands each one the next request,
and gives back each result, or the exception it raised, through a Future.

Run:  python3 threads.py --workers 10      (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed

from latency_server import ServerError, add_server_arguments, serve
from timing import TaskRecorder, add_json_option, build_report, fail, interrupted, positive_int, print_report

EXAMPLE = "io-bound"
SCRIPT = "threads.py"
VARIANT = "threads"
DEFAULT_ITEMS = 40
DEFAULT_WORKERS = 10


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body. `timeout` limits every wait on the socket, in seconds."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def download_one(task_id: int, url: str, timeout: float, recorder: TaskRecorder) -> int:
    """Runs in a pool thread: fetch one URL, record when, and return the number of bytes."""
    with recorder.task(task_id):  # the worker's name is the current thread's name
        return len(fetch(url, timeout))


def download_all(urls: list[str], workers: int, timeout: float, recorder: TaskRecorder) -> int:
    """Fetch the URLs with `workers` threads; return the number of bytes received."""
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="worker") as pool:
        futures = [
            pool.submit(download_one, task_id, url, timeout, recorder)
            for task_id, url in enumerate(urls)
        ]
        try:
            # Each request has its own timeout, so every future finishes, with a result or an
            # error: this loop cannot wait forever.
            return sum(future.result() for future in as_completed(futures))
        except BaseException:
            # A request failed, or Ctrl-C: cancel the requests that have not started and wait
            # for the few that are running (each has its timeout). Without this, leaving the
            # `with` block would wait for every request to run.
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def run(server_url: str, items: int, workers: int, timeout: float, latency_ms: float) -> dict:
    """Download `items` items from the server at `server_url`; return the timing report."""
    urls = [f"{server_url}/item/{item}" for item in range(items)]
    recorder = TaskRecorder()
    total_bytes = download_all(urls, workers, timeout, recorder)
    recorder.stop()
    return build_report(
        example=EXAMPLE,
        script=SCRIPT,
        variant=VARIANT,
        parameters={"items": items, "latency_ms": latency_ms, "workers": workers, "timeout_s": timeout},
        recorder=recorder,
        metrics={"bytes": total_bytes, "mean_in_flight": recorder.mean_in_flight()},
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Download items from a local slow server with a pool of threads."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many items to download (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=DEFAULT_WORKERS, metavar="N",
                        help="how many threads download at once (default: %(default)s)")
    add_server_arguments(parser)
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        with serve(args.latency_ms, args.port) as server:
            print(f"Downloading {args.items} items from {server.url} with {args.workers} threads "
                  f"({args.latency_ms:g} ms per answer)...", file=sys.stderr, flush=True)
            report = run(server.url, args.items, args.workers, args.timeout, args.latency_ms)
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
