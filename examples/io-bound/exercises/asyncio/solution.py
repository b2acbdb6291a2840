"""Solution: download with asyncio tasks, 10 at a time.

One task per URL, started in an asyncio.TaskGroup: each task awaits the
network, and while it waits the event loop runs the others. The Semaphore lets
10 requests run at once and makes the others wait their turn, so 20 requests
take about 2 x 0.15 s instead of 20 x 0.15 s, in one thread.
(asyncio.gather(*(fetch_limited(url) for url in urls)) would do as well.)

Check it:  python3 check.py solution.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from urllib.parse import urlsplit

from latency_server import serve

ITEMS = 20
LATENCY_MS = 150
WORKERS = 10


async def fetch(url: str) -> bytes:
    """GET one URL with a minimal HTTP/1.1 client (the standard library
    has no asyncio one)."""
    parts = urlsplit(url)
    async with asyncio.timeout(10):  # give up after 10 s
        reader, writer = await asyncio.open_connection(parts.hostname,
                                                       parts.port)
        request = (f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                   "Connection: close\r\n\r\n")
        writer.write(request.encode("ascii"))
        # The server closes the connection when done.
        response = await reader.read()
        writer.close()
        await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    if (not head.startswith(b"HTTP/1.0 200")
            and not head.startswith(b"HTTP/1.1 200")):
        raise ConnectionError(f"unexpected answer from {url}: {head[:40]!r}")
    return body


async def download_all(urls: list[str]) -> list[bytes]:
    """Return the body of every URL, in the order of `urls`, at most 10
    requests at a time."""
    limit = asyncio.Semaphore(WORKERS)

    async def fetch_limited(url: str) -> bytes:
        # The eleventh task waits here until one of the 10 finishes.
        async with limit:
            return await fetch(url)

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_limited(url)) for url in urls]
    # Leaving the block waited for every task; the list keeps the
    # order of `urls`.
    return [task.result() for task in tasks]


def main() -> int:
    with serve(latency_ms=LATENCY_MS) as server:
        urls = [f"{server.url}/item/{item}" for item in range(ITEMS)]
        started = time.perf_counter()
        bodies = asyncio.run(download_all(urls))
        elapsed = time.perf_counter() - started
    print(f"Downloaded {len(bodies)} items "
          f"({sum(map(len, bodies)):,} bytes) in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
