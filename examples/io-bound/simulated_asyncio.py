"""asyncio overlapping waits, with asyncio.sleep standing in for the network.

The idea of async_io.py without a network, for places with no sockets,
such as Pyodide in the browser: no connections, no HTTP, no server. What
it shows is real: while a task awaits, the event loop runs the others, so
ITEMS waits of LATENCY_MS take about (ITEMS / WORKERS) x latency.
"""

import asyncio
import time

ITEMS = 40
WORKERS = 10  # waits at once at most, as in async_io.py
LATENCY_MS = 50


async def pretend_fetch() -> None:
    await asyncio.sleep(LATENCY_MS / 1000)  # stands in for a server


async def pretend_download(limit: asyncio.Semaphore) -> None:
    """One task: wait for a free slot, then 'wait for the network'."""
    async with limit:
        await pretend_fetch()


async def pretend_download_all(items: int) -> None:
    """Run one task per item in a TaskGroup, which waits for all."""
    limit = asyncio.Semaphore(WORKERS)
    async with asyncio.TaskGroup() as group:
        for _ in range(items):
            group.create_task(pretend_download(limit))


def main() -> None:
    start = time.perf_counter()
    asyncio.run(pretend_download_all(ITEMS))
    print(f"{ITEMS} waits in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
