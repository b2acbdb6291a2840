"""Wrong: the sentinels go out, but run_pipeline() returns without joining the consumers,
so the list it returns is still being filled: items are missing.

Kind: work
Timed: no
Exit: 1
Expect: [FAIL] each item once
"""

import queue
import threading
import time


def run_pipeline(items: list[int]) -> list[int]:
    bodies: queue.Queue[int | None] = queue.Queue(maxsize=8)
    done: list[int] = []

    def produce(part: list[int]) -> None:
        for item in part:
            time.sleep(0.02)
            bodies.put(item)

    def consume() -> None:
        while (item := bodies.get()) is not None:
            time.sleep(0.04)
            done.append(item * item)

    producers = [threading.Thread(target=produce, args=(items[n::4],)) for n in range(4)]
    consumers = [threading.Thread(target=consume) for _ in range(4)]
    for thread in producers + consumers:
        thread.start()
    for thread in producers:
        thread.join()
    for _ in consumers:
        bodies.put(None)
    return list(done)
