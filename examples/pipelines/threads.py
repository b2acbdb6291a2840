"""Threads in a pipeline: producers fetch, consumers process, via a queue."""

import queue
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from latency_server import serve

ITEMS, PRODUCERS, CONSUMERS, MAXSIZE = 40, 4, 2, 4
LATENCY_MS, WORK_MS, TIMEOUT = 50, 40, 5  # ms, ms, s


def produce(url: str, bodies: queue.Queue) -> None:
    bodies.put(urllib.request.urlopen(url, timeout=TIMEOUT).read())


def consume(bodies: queue.Queue, done: list[str]) -> None:
    while (body := bodies.get()) is not None:  # None: the sentinel
        time.sleep(WORK_MS / 1000)  # stands in for the work (a disk write)
        done.append(body.split(b":")[0].decode())  # "item 7"


def run_pipeline(urls: list[str]) -> list[str]:
    bodies, done = queue.Queue(maxsize=MAXSIZE), []  # put() waits if full
    with ThreadPoolExecutor(CONSUMERS, "consumer") as consumers:
        try:
            consumers.map(consume, [bodies] * CONSUMERS, [done] * CONSUMERS)
            with ThreadPoolExecutor(PRODUCERS, "producer") as producers:
                list(producers.map(produce, urls, [bodies] * len(urls)))
        finally:  # even after an error: one sentinel per consumer
            for _ in range(CONSUMERS):
                bodies.put(None)
    return done


def main() -> None:
    with serve(latency_ms=LATENCY_MS) as server:
        start = time.perf_counter()
        run_pipeline([server.url_for(n) for n in range(ITEMS)])
    print(f"{ITEMS} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
