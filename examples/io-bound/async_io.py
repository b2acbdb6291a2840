"""Download the items with asyncio: one thread, many requests waiting at the same time.

Why asyncio fits this job: an `await` on the network hands control back to the event loop,
which runs another task until an answer arrives. One thread can keep many requests in flight,
without the memory and switching cost of a thread per request. The price: every function on
the way must be a coroutine (`async def`), and one blocking call (time.sleep, urllib,
requests, ...) would stall every task at once.

The standard library has no asyncio HTTP client, so fetch() below speaks just enough HTTP/1.1
over asyncio.open_connection() to talk to the local server. Real projects use a library such
as aiohttp or httpx instead; the structure of the program stays the same.

The tools used, all new in Python 3.11 or older:
    asyncio.TaskGroup   starts the tasks and waits for all of them; if one fails, it cancels
                        the others and raises the failures together in an ExceptionGroup
    asyncio.Semaphore   lets at most --workers requests run at once, like a pool's size
    asyncio.timeout     gives up on a request that takes longer than --timeout

Run:  python3 async_io.py --workers 10      (add --help for the options, --json for a JSON report)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from urllib.parse import urlsplit

from latency_server import ServerError, add_server_arguments, serve
from timing import TaskRecorder, add_json_option, build_report, fail, interrupted, positive_int, print_report

EXAMPLE = "io-bound"
SCRIPT = "async_io.py"
VARIANT = "asyncio"
DEFAULT_ITEMS = 40
DEFAULT_WORKERS = 10


async def fetch(url: str, timeout: float) -> bytes:
    """GET one URL with a minimal HTTP/1.1 client and return the body; give up after `timeout` s."""
    parts = urlsplit(url)
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            request = f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
            writer.write(request.encode("ascii"))
            await writer.drain()
            response = await reader.read()  # "Connection: close": the server closes when done
        finally:
            writer.close()
            await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    if status_line.split()[1:2] != ["200"]:
        raise ConnectionError(f"unexpected answer from {url}: {status_line!r}")
    return body


async def download_one(
    task_id: int, url: str, timeout: float, limit: asyncio.Semaphore, recorder: TaskRecorder
) -> int:
    """One task: wait for a free slot, fetch one URL, record when, return the number of bytes."""
    async with limit:  # at most --workers requests in flight
        worker = asyncio.current_task().get_name()
        with recorder.task(task_id, worker):
            return len(await fetch(url, timeout))


async def download_all(urls: list[str], workers: int, timeout: float, recorder: TaskRecorder) -> int:
    """Fetch the URLs, at most `workers` at a time; return the number of bytes received."""
    limit = asyncio.Semaphore(workers)
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(download_one(task_id, url, timeout, limit, recorder), name=f"task-{task_id}")
            for task_id, url in enumerate(urls)
        ]
    # Leaving the `async with` block waited for every task, so every result is ready.
    return sum(task.result() for task in tasks)


def run(server_url: str, items: int, workers: int, timeout: float, latency_ms: float) -> dict:
    """Download `items` items from the server at `server_url`; return the timing report."""
    urls = [f"{server_url}/item/{item}" for item in range(items)]
    recorder = TaskRecorder()
    total_bytes = asyncio.run(download_all(urls, workers, timeout, recorder))
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
        description="Download items from a local slow server with asyncio tasks in one thread."
    )
    parser.add_argument("--items", type=positive_int, default=DEFAULT_ITEMS, metavar="N",
                        help="how many items to download (default: %(default)s)")
    parser.add_argument("--workers", type=positive_int, default=DEFAULT_WORKERS, metavar="N",
                        help="how many requests may be in flight at once (default: %(default)s)")
    add_server_arguments(parser)
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        with serve(args.latency_ms, args.port) as server:
            print(f"Downloading {args.items} items from {server.url}, up to {args.workers} at once "
                  f"with asyncio ({args.latency_ms:g} ms per answer)...", file=sys.stderr, flush=True)
            report = run(server.url, args.items, args.workers, args.timeout, args.latency_ms)
    except ServerError as exc:
        return fail(str(exc))
    except ExceptionGroup as group:
        # TaskGroup raises the errors of its failed tasks together; report the first one.
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
