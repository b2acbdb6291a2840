"""asyncio in a pipeline: producer tasks fetch, consumer tasks process.

asyncio.sleep stands in for the network and the work: no server needed.
"""

import asyncio
import time

ITEMS, PRODUCERS, CONSUMERS, MAXSIZE = 40, 4, 2, 4
LATENCY_MS, WORK_MS = 50, 40  # how long a fetch, and a piece of work, wait


async def produce(items: list[int], bodies: asyncio.Queue) -> None:
    for item in items:
        await asyncio.sleep(LATENCY_MS / 1000)  # stands in for a request
        await bodies.put(f"item {item}")  # waits while the queue is full


async def consume(bodies: asyncio.Queue, done: list[str]) -> None:
    while (body := await bodies.get()) is not None:  # None: the sentinel
        await asyncio.sleep(WORK_MS / 1000)  # stands in for the work
        done.append(body)


async def run_pipeline(items: list[int]) -> list[str]:
    bodies, done = asyncio.Queue(maxsize=MAXSIZE), []
    async with asyncio.TaskGroup() as consumers:
        for _ in range(CONSUMERS):
            consumers.create_task(consume(bodies, done))
        async with asyncio.TaskGroup() as producers:
            for n in range(PRODUCERS):
                producers.create_task(produce(items[n::PRODUCERS], bodies))
        for _ in range(CONSUMERS):
            await bodies.put(None)  # one sentinel per consumer
    return done


def main() -> None:
    start = time.perf_counter()
    asyncio.run(run_pipeline(list(range(ITEMS))))
    print(f"{ITEMS} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
