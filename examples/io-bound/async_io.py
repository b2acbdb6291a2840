"""Download with asyncio: one thread keeps WORKERS requests waiting.

While a task awaits the network, the event loop runs the other tasks.
"""

import asyncio
import time
from urllib.parse import urlsplit

from latency_server import serve

ITEMS, WORKERS, LATENCY_MS, TIMEOUT = 40, 10, 50, 5


async def fetch(url: str) -> bytes:
    """GET one URL in plain HTTP (the stdlib has no asyncio client)."""
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(f"GET {parts.path} HTTP/1.0\r\n\r\n".encode("ascii"))
    response = await reader.read()  # until the server closes
    writer.close()
    return response.partition(b"\r\n\r\n")[2]


async def download_one(url: str, limit: asyncio.Semaphore) -> bytes:
    async with limit, asyncio.timeout(TIMEOUT):  # WORKERS in flight at most
        return await fetch(url)


async def download_all(urls: list[str]) -> list[bytes]:
    limit = asyncio.Semaphore(WORKERS)
    async with asyncio.TaskGroup() as group:  # one task per URL
        tasks = [group.create_task(download_one(url, limit)) for url in urls]
    return [task.result() for task in tasks]


def main() -> None:
    with serve(latency_ms=LATENCY_MS) as server:
        start = time.perf_counter()
        asyncio.run(download_all([server.url_for(n) for n in range(ITEMS)]))
    print(f"{ITEMS} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
