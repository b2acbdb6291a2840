"""A plain `counter.value += 1` from several threads, with no lock.

`+=` looks like one step but is three: read the value, add 1, store it.
Another thread can change the counter between the read and the store, and
the store then undoes that change: an update is lost.

With the GIL (CPython 3.10+), one thread runs Python code at a time and
the GIL changes hands only at a few points, none inside this `+=`. So
updates happen not to get lost here, but no rule promises that. On a
free-threaded build (3.13t+, GIL off) threads truly run at once, and a
large share of the updates is lost. The lock of locked_counter.py fixes
both.

Run:  python3 plain_counter.py --threads 4 --increments 200000 --json
"""

from __future__ import annotations

import sys
import threading

from runner import Job, lost_note, lost_updates, main
from timing import TaskRecorder


class Counter:
    """A number that several threads update. Nothing here protects it."""

    def __init__(self) -> None:
        self.value = 0


def add_many(counter: Counter, increments: int) -> None:
    """Add 1 to the counter `increments` times, with a plain `+=`."""
    for _ in range(increments):
        counter.value += 1  # read, add, store: not atomic


def run_threads(threads: int, increments: int,
                recorder: TaskRecorder) -> int:
    """Start the threads on one counter, wait for all; return its value."""
    counter = Counter()
    start = threading.Barrier(threads)  # so that the threads overlap

    def one_thread(task_id: int) -> None:
        start.wait()
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


JOB = Job("race-conditions", "plain_counter.py", "plain-counter",
          "Update one counter from several threads with a plain +=.",
          lambda run: lost_updates(run.args.threads * run.args.increments,
                                   run_threads(run.args.threads,
                                               run.args.increments,
                                               run.recorder)),
          options={"threads": 4, "increments": 200000, "timeout": 60.0},
          needs="threads", note=lost_note("updates were lost"))

if __name__ == "__main__":
    sys.exit(main(JOB))
