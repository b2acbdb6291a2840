"""Right, written differently: the consumers stop on a threading.Event once the queue is
empty, instead of on a sentinel each, and run_pipeline() joins them.

Kind: right
Timed: no
Exit: 0
Expect: All checks passed.
"""

import queue
import threading
import time


def run_pipeline(items: list[int]) -> list[int]:
    bodies: queue.Queue[int] = queue.Queue(maxsize=8)
    produced = threading.Event()
    done: list[int] = []

    def produce(part: list[int]) -> None:
        for item in part:
            time.sleep(0.02)
            bodies.put(item)

    def consume() -> None:
        while True:
            try:
                item = bodies.get(timeout=0.05)
            except queue.Empty:
                if produced.is_set():
                    return
                continue
            time.sleep(0.04)
            done.append(item * item)

    producers = [threading.Thread(target=produce, args=(items[n::4],)) for n in range(4)]
    consumers = [threading.Thread(target=consume) for _ in range(4)]
    for thread in producers + consumers:
        thread.start()
    for thread in producers:
        thread.join()
    produced.set()
    for thread in consumers:
        thread.join()
    return done
