"""A solution: one sentinel per consumer, then join the consumers.

After the producers are done, run_pipeline() puts one None per consumer on
the queue, behind the last item. Each consumer processes items until it gets
a None, then returns; run_pipeline() joins the consumers, so when it returns
every item is done and no thread is left running.
"""

from __future__ import annotations

import queue
import threading
import time

PRODUCERS, CONSUMERS, MAXSIZE = 4, 4, 8
FETCH_S, WORK_S = 0.02, 0.04  # how long one fetch, and one item's work, wait


def produce(items: list[int], bodies: queue.Queue) -> None:
    for item in items:
        time.sleep(FETCH_S)  # stands in for a download
        bodies.put(item)  # waits while the queue is full


def consume(bodies: queue.Queue, done: list[int]) -> None:
    while (item := bodies.get()) is not None:  # None: the sentinel
        time.sleep(WORK_S)  # stands in for the work (a database write)
        done.append(item * item)


def run_pipeline(items: list[int]) -> list[int]:
    bodies: queue.Queue = queue.Queue(maxsize=MAXSIZE)
    done: list[int] = []
    producers = [threading.Thread(target=produce,
                                  args=(items[n::PRODUCERS], bodies))
                 for n in range(PRODUCERS)]
    consumers = [threading.Thread(target=consume, args=(bodies, done))
                 for _ in range(CONSUMERS)]
    for thread in producers + consumers:
        thread.start()
    for thread in producers:
        thread.join()
    for _ in consumers:
        bodies.put(None)  # one sentinel per consumer, behind the last item
    for thread in consumers:
        thread.join()
    return done


def main() -> None:
    start = time.perf_counter()
    done = run_pipeline(list(range(40)))
    print(f"{len(done)} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
