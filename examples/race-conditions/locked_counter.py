"""The same shared counter as unsafe_counter.py, protected by a threading.Lock: no update is lost.

Each thread still adds 1 in three steps (read, something that lets another thread run, write
back), but now it holds a lock for all three:

    with counter_lock:
        current = counter.value
        time.sleep(0)
        counter.value = current + 1

Only one thread at a time can hold the lock. A thread that wants it while another holds it
waits, so no other thread can read or write the counter between this thread's read and its
write. The three steps behave as one indivisible (atomic) update, and the final count is
exactly threads x increments on every run, on every build of Python, GIL or no GIL.

The cost: the updates now happen one at a time. Keep what runs under a lock short, and in real
code do the slow part (the I/O that `time.sleep(0)` stands in for) outside the lock when it
does not need the shared value.

Run it:

    python3 locked_counter.py
    python3 locked_counter.py --threads 8 --increments 500 --json
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from typing import Any

from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
    format_report,
    interrupted,
    positive_int,
    print_report,
    skipped_report,
)

EXAMPLE = "race-conditions"
JOIN_TIMEOUT_S = 60.0


class Counter:
    """A number that several threads update, and the lock that guards it."""

    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()


def add_many(counter: Counter, increments: int) -> None:
    """Add 1 to the counter `increments` times; the lock makes each read-pause-write atomic."""
    for _ in range(increments):
        with counter.lock:                 # wait until no other thread holds the lock
            current = counter.value        # 1. read
            time.sleep(0)                  # 2. other threads may run, but cannot get the lock
            counter.value = current + 1    # 3. write back: nobody changed the value meanwhile


def join_all(threads: list[threading.Thread], timeout_s: float) -> None:
    """Wait for every thread, giving up after timeout_s seconds.

    It joins in 0.1 s slices rather than in one call, because on Windows Ctrl-C cannot interrupt
    a blocked Thread.join(): the slices let the KeyboardInterrupt through promptly.
    """
    deadline = time.monotonic() + timeout_s
    for thread in threads:
        while thread.is_alive():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{thread.name} was still running after {timeout_s:g} s")
            thread.join(timeout=0.1)


def run(threads: int, increments: int, timeout_s: float = JOIN_TIMEOUT_S) -> dict[str, Any]:
    """Start the threads, let them all update one counter, and report how many updates were lost."""
    parameters = {"threads": threads, "increments": increments}
    if sys.platform in ("emscripten", "wasi"):  # Pyodide, Python compiled to WebAssembly
        return skipped_report(example=EXAMPLE, script="locked_counter.py", variant="locked-counter",
                              parameters=parameters, reason="Pyodide cannot start threads.")

    counter = Counter()
    recorder = TaskRecorder()

    def worker(task_id: int) -> None:
        with recorder.task(task_id):
            add_many(counter, increments)

    # daemon=True: if you press Ctrl-C, Python exits without waiting for these threads.
    workers = [
        threading.Thread(target=worker, args=(task_id,), name=f"thread-{task_id}", daemon=True)
        for task_id in range(threads)
    ]
    for thread in workers:
        thread.start()
    join_all(workers, timeout_s)
    recorder.stop()

    expected = threads * increments
    return build_report(
        example=EXAMPLE,
        script="locked_counter.py",
        variant="locked-counter",
        parameters=parameters,
        recorder=recorder,
        metrics={"expected": expected, "actual": counter.value,
                 "lost_updates": expected - counter.value},
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Update one counter from several threads, under a threading.Lock: "
                    "no update is lost.",
    )
    parser.add_argument("--threads", type=positive_int, default=4,
                        help="threads updating the counter (default: %(default)s)")
    parser.add_argument("--increments", type=positive_int, default=1000,
                        help="times each thread adds 1 (default: %(default)s)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"locked_counter.py: {args.threads} threads each add 1, {args.increments} times, "
          "under a lock...", file=sys.stderr)
    try:
        report = run(args.threads, args.increments)
    except KeyboardInterrupt:
        return interrupted()
    except TimeoutError as error:
        return fail(str(error))
    if args.json:
        print_report(report, as_json=True)
    elif report["status"] == "ok":
        metrics = report["metrics"]
        print(format_report(report))
        print()
        print(f"Expected {metrics['expected']:,}, got {metrics['actual']:,}: "
              f"{metrics['lost_updates']:,} updates lost. The lock made each update atomic.")
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
