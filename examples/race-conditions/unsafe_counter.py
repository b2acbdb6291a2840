"""Threads share a counter without a lock, and updates get lost.

Each thread adds 1 to a shared counter, many times: it reads the value,
does something that lets another thread run, and writes back the value it
read plus 1. If another thread changed the counter in between, the write
undoes that change: an update is lost. This is a *race condition*.

Why `time.sleep(0)`? `counter.value += 1` is as unsafe, but on CPython
3.10+ with the GIL it rarely *shows*: the GIL changes hands only at a few
points, not inside `+=`. A log call between read and write would show it.

Run:  python3 unsafe_counter.py --threads 8 --increments 500 --json
"""

from __future__ import annotations

import sys
import threading
import time

from runner import Job, lost_note, lost_updates, main
from timing import TaskRecorder


class Counter:
    """A number that several threads update. Nothing here protects it."""

    def __init__(self) -> None:
        self.value = 0


def add_many(counter: Counter, increments: int) -> None:
    """Add 1 to the counter `increments` times: read, pause, write."""
    for _ in range(increments):
        current = counter.value  # 1. read
        time.sleep(0)  # 2. let another thread run
        counter.value = current + 1  # 3. write: may undo another's update


def run_threads(threads: int, increments: int,
                recorder: TaskRecorder) -> int:
    """Start the threads on one counter, wait for all; return its value."""
    counter = Counter()

    def one_thread(task_id: int) -> None:
        with recorder.task(task_id):
            add_many(counter, increments)

    workers = [threading.Thread(target=one_thread, args=(task_id,),
                                name=f"thread-{task_id}", daemon=True)
               for task_id in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return counter.value


JOB = Job("race-conditions", "unsafe_counter.py", "unsafe-counter",
          "Update one counter from several threads without a lock.",
          lambda run: lost_updates(run.args.threads * run.args.increments,
                                   run_threads(run.args.threads,
                                               run.args.increments,
                                               run.recorder)),
          options={"threads": 4, "increments": 1000, "timeout": 60.0},
          needs="threads", note=lost_note("updates were lost"))

if __name__ == "__main__":
    sys.exit(main(JOB))
