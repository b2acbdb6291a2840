"""Download the items with a pool of processes: it works, but processes are a heavy tool for waiting.

A process pool overlaps the waits just as a thread pool does: each worker process sends a
request and waits for its own answer. But each worker is a whole Python interpreter with its
own memory, which must start before it can do anything, and every argument and result is
pickled and sent through a pipe. For I/O-bound work, that buys nothing over threads: the GIL
was never the problem, since waiting threads release it. Processes pay off for CPU-bound work
(see the cpu-bound example).

How workers start: "fork" copies the running parent, which is fast, but forking a process
that already runs threads can deadlock the child (Python 3.12+ warns about it), and this
program runs the local server in a thread. So this script uses "forkserver" where it exists
(the default on Linux from Python 3.14): a small clean server process forks the workers.
Where it does not (Windows), it uses "spawn": a fresh interpreter per worker. Try
--start-method to compare; the startup cost shows in the timeline.

Rules process pools impose, which this file follows:
  * the worker function is defined at the top level of the module, so it can be pickled;
  * the program starts under `if __name__ == "__main__":`, because "spawn" (the default on
    Windows and macOS) and "forkserver" import this module again in the fresh interpreters
    they start, and that import must not run the program;
  * a Ctrl-C reaches the workers too, so they ignore it and let the parent shut the pool down.

Run:  python3 processes.py --workers 10     (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor, as_completed

from latency_server import ServerError, add_server_arguments, serve
from timing import TaskRecorder, add_json_option, build_report, fail, interrupted, positive_int, print_report

EXAMPLE = "io-bound"
SCRIPT = "processes.py"
VARIANT = "processes"
DEFAULT_ITEMS = 40
DEFAULT_WORKERS = 10
START_METHODS = multiprocessing.get_all_start_methods()  # what this platform offers
# forkserver where the platform has it (Linux, macOS), otherwise spawn (Windows): see above.
DEFAULT_START_METHOD = "forkserver" if "forkserver" in START_METHODS else "spawn"


def fetch(url: str, timeout: float) -> bytes:
    """GET one URL and return the body. `timeout` limits every wait on the socket, in seconds."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def ignore_ctrl_c() -> None:
    """Runs once in each worker process as it starts.

    Ctrl-C in a terminal sends SIGINT to every process of the program, workers included.
    Ignoring it here means the parent alone handles it, once, and shuts the pool down cleanly,
    instead of each worker dying with its own KeyboardInterrupt traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def download_one(task_id: int, url: str, timeout: float) -> tuple[int, str, float, float, int]:
    """Runs in a worker process: fetch one URL.

    The TaskRecorder lives in the parent process, so the worker sends back its own clock
    readings: (task id, worker name, start, end, number of bytes).
    """
    start = time.perf_counter()
    body = fetch(url, timeout)
    return task_id, f"pid {os.getpid()}", start, time.perf_counter(), len(body)


def download_all(
    urls: list[str],
    workers: int,
    timeout: float,
    recorder: TaskRecorder,
    context: multiprocessing.context.BaseContext,
) -> int:
    """Fetch the URLs with `workers` processes; return the number of bytes received."""
    total_bytes = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=ignore_ctrl_c) as pool:
        futures = [pool.submit(download_one, task_id, url, timeout) for task_id, url in enumerate(urls)]
        try:
            # Each request has its own timeout, and a worker that dies breaks the pool with an
            # error, so every future finishes: this loop cannot wait forever.
            for future in as_completed(futures):
                task_id, worker, start, end, size = future.result()
                recorder.add(task_id, worker, start, end)
                total_bytes += size
        except BaseException:
            # A request failed, or Ctrl-C: cancel the requests that have not started and wait
            # for the few that are running (each has its timeout), so that no worker process
            # outlives the pool, or the server it talks to.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return total_bytes


def run(server_url: str, items: int, workers: int, timeout: float, latency_ms: float,
        start_method: str = DEFAULT_START_METHOD) -> dict:
    """Download `items` items from the server at `server_url`; return the timing report.

    start_method picks how worker processes start: "fork", "forkserver" or "spawn".
    """
    context = multiprocessing.get_context(start_method)
    urls = [f"{server_url}/item/{item}" for item in range(items)]
    recorder = TaskRecorder()  # the time to start the workers is part of the measurement
    total_bytes = download_all(urls, workers, timeout, recorder, context)
    recorder.stop()
    return build_report(
        example=EXAMPLE,
        script=SCRIPT,
        variant=VARIANT,
        parameters={"items": items, "latency_ms": latency_ms, "workers": workers, "timeout_s": timeout},
        recorder=recorder,
        metrics={"bytes": total_bytes, "mean_in_flight": recorder.mean_in_flight()},
        start_method=context.get_start_method(),
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Download items from a local slow server with a pool of processes."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many items to download (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=DEFAULT_WORKERS, metavar="N",
                        help="how many worker processes download at once (default: %(default)s)")
    parser.add_argument("--start-method", choices=START_METHODS,
                        default=DEFAULT_START_METHOD,
                        help="how worker processes start (default here: %(default)s)")
    add_server_arguments(parser)
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        with serve(args.latency_ms, args.port) as server:
            print(f"Downloading {args.items} items from {server.url} with {args.workers} processes "
                  f"({args.latency_ms:g} ms per answer)...", file=sys.stderr, flush=True)
            report = run(server.url, args.items, args.workers, args.timeout, args.latency_ms,
                         args.start_method)
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
