"""Exercise: download with asyncio tasks, 10 at a time.

This program downloads 20 items from a local server that takes 0.15 s to
answer each request. download_all() is already a coroutine, but it awaits one
fetch() before starting the next, so the event loop has nothing else to run
while it waits: about 20 x 0.15 = 3 s in all.

Your task: make download_all() run the fetches as concurrent asyncio tasks,
with at most 10 requests in flight at once. Start one task per URL in an
asyncio.TaskGroup (or use asyncio.gather), and let an asyncio.Semaphore(10)
hold back the eleventh. Keep fetch() as it is: it already awaits the network,
so the event loop can switch tasks while one waits.

What `python3 check.py` checks: it imports your file (exercise.py, or the one
you name) in a separate process, runs download_all(urls) in an event loop
with 20 URLs of its own server (same 0.15 s latency, new URLs on every run),
and passes when

- the result is the same as the sequential version's: the 20 bodies, in the
  order of `urls`;
- the server got a request for every URL, and never more than 10 at once
  (it counts them);
- it is fast: at least 70% of the ideal speedup. With 10 requests in flight,
  20 requests take 2 rounds: ideally 10x faster than one after another
  (about 8x in the check, whose server answers the first URL a bit later).
  The check measures the ideal in the same run, with its own pool of 10
  threads, so a busy machine lowers the bar fairly;
- the program exits cleanly afterwards.

Keep the name and the signature:
async def download_all(urls: list[str]) -> list[bytes].

Run it:    python3 exercise.py
Check it:  python3 check.py          (or python3 check.py my_version.py)
"""

from __future__ import annotations

import asyncio
import sys
import time
from urllib.parse import urlsplit

from latency_server import serve

ITEMS = 20
LATENCY_MS = 150


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
    """Return the body of every URL, in the order of `urls`."""
    # TODO: start one task per URL (asyncio.TaskGroup), so that the waits
    # overlap.
    # TODO: let at most 10 requests run at once
    # (async with an asyncio.Semaphore(10)).
    # TODO: return the results in the order of `urls`.
    return [await fetch(url) for url in urls]


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
