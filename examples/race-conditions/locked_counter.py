"""The counter of unsafe_counter.py under a threading.Lock: none lost.

Each thread still reads, lets another thread run, and writes back the
value plus 1, but holds a lock for all three steps. One thread at a time
can hold it; a thread that wants it meanwhile waits. So no thread touches
the counter between another's read and write: each update is atomic, and
the total is exactly threads x increments, on every run and build.

The cost: updates happen one at a time. Keep what runs under a lock short.

Run:  python3 locked_counter.py --threads 8 --increments 500 --json
"""

from __future__ import annotations

import sys
import threading
import time

from runner import Job, lost_note, lost_updates, main
from timing import TaskRecorder


class Counter:
    """A number that several threads update, and the lock that guards it."""

    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()


def add_many(counter: Counter, increments: int) -> None:
    """Add 1 `increments` times; the lock makes each update atomic."""
    for _ in range(increments):
        with counter.lock:  # wait until no other thread holds it
            current = counter.value  # 1. read
            time.sleep(0)  # 2. others run, but cannot take the lock
            counter.value = current + 1  # 3. write: nobody changed it


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


JOB = Job("race-conditions", "locked_counter.py", "locked-counter",
          "Update one counter from several threads under a lock.",
          lambda run: lost_updates(run.args.threads * run.args.increments,
                                   run_threads(run.args.threads,
                                               run.args.increments,
                                               run.recorder)),
          options={"threads": 4, "increments": 1000, "timeout": 60.0},
          needs="threads", note=lost_note("updates lost"))

if __name__ == "__main__":
    sys.exit(main(JOB))
