"""Download the items with asyncio: one thread, many requests waiting.

Why asyncio fits: an `await` on the network hands control back to the event
loop, which runs another task until an answer arrives, so one thread keeps
many requests in flight. The price: every function on the way must be a
coroutine, and one blocking call (time.sleep, urllib...) stalls every task.
The standard library has no asyncio HTTP client, so fetch() speaks just
enough HTTP/1.1; real projects use an aiohttp or httpx session, which also
keeps connections open between requests.

Run:  python3 async_io.py --workers 10   (--help for options, --json)
"""

from __future__ import annotations

import asyncio
import sys
from urllib.parse import urlsplit

from runner import Job, main
from timing import TaskRecorder


async def fetch(url: str, timeout: float) -> bytes:
    """GET one URL with a minimal HTTP/1.1 client; return the body."""
    parts = urlsplit(url)
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(parts.hostname,
                                                       parts.port)
        writer.write(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                     "Connection: close\r\n\r\n".encode("ascii"))
        response = await reader.read()  # until the server closes
        writer.close()
        await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    if head.split(b" ", 2)[1:2] != [b"200"]:
        raise ConnectionError(f"{url} answered {head[:40]!r}")
    return body


async def download_one(task_id: int, url: str, timeout: float,
                       limit: asyncio.Semaphore,
                       recorder: TaskRecorder) -> int:
    """One task: wait for a free slot, fetch one URL, return its bytes."""
    async with limit:  # at most --workers requests in flight
        with recorder.task(task_id, worker=f"task-{task_id}"):
            return len(await fetch(url, timeout))


async def download_all(urls: list[str], workers: int, timeout: float,
                       recorder: TaskRecorder) -> int:
    """Fetch the URLs, `workers` at a time; return the bytes received."""
    limit = asyncio.Semaphore(workers)
    async with asyncio.TaskGroup() as group:  # 3.11+: cancels all if one fails
        tasks = [group.create_task(
                     download_one(task_id, url, timeout, limit, recorder))
                 for task_id, url in enumerate(urls)]
    return sum(task.result() for task in tasks)  # all done here


JOB = Job("io-bound", "async_io.py", "asyncio",
          "Download items from a slow local server with asyncio tasks.",
          lambda run: {"bytes": asyncio.run(download_all(
              run.urls(), run.args.workers, run.args.timeout, run.recorder))},
          options={"items": 40}, pool="tasks", server=True,
          derived=("mean_in_flight", "connections"))

if __name__ == "__main__":
    sys.exit(main(JOB))
