"""Exercise: shut the pipeline down.

Four producer threads "fetch" 40 items and put them on a queue that holds 8
at most; four consumer threads take them off and "work" on each. The result
is right, and the program prints it, but then it never ends: the consumers
wait in `bodies.get()` for an item that will never come, and Python waits
for every thread that is not a daemon before it exits. (Ctrl-C stops it.)

Your task: once the producers are done, tell each consumer to stop with a
sentinel, a value that is not an item (`None`), one per consumer; make the
consumers return when they get it; and wait for the consumers (join them)
before returning the results. Keep the bounded queue, and do not make the
threads daemons: that would only hide threads that never finish.

What `python3 check.py` checks: it imports your file (exercise.py, or the one
you name) in a separate process, calls `run_pipeline(list(range(40)))`, and
passes when

- the call returns within the time allowed;
- the result holds each item's square exactly once, in any order;
- no thread is a daemon, and the queue still has a `maxsize`;
- the program exits as soon as `run_pipeline()` has returned.

Keep the name and the signature:
`run_pipeline(items: list[int]) -> list[int]`.

Run it:    python3 exercise.py
Check it:  python3 check.py          (or python3 check.py my_version.py)
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
    while True:  # TODO: stop when the item is the sentinel, None
        item = bodies.get()
        time.sleep(WORK_S)  # stands in for the work (a database write)
        done.append(item * item)
        bodies.task_done()


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
    bodies.join()  # until every item is done: the consumers still wait
    # TODO: put one sentinel per consumer, then join the consumers
    return done


def main() -> None:
    start = time.perf_counter()
    done = run_pipeline(list(range(40)))
    print(f"{len(done)} items in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
