"""Threads share a counter without a lock, and updates get lost. Every run, not by bad luck.

Each thread adds 1 to a shared counter, many times, in three steps:

    current = counter.value        # 1. read the shared value
    time.sleep(0)                  # 2. anything that lets another thread run
    counter.value = current + 1    # 3. write back a value computed from the read

If another thread changes the counter between steps 1 and 3, step 3 overwrites that change
with a value computed from an out-of-date read: an update is lost. This is a *race condition*:
the result depends on how the threads' steps happen to interleave.

Why the `time.sleep(0)`? The plain `counter.value += 1` is the same three steps (load, add,
store) and is just as unsafe, but on CPython 3.10 and later, with the GIL, it almost never
*shows*: a waiting thread asks for the GIL only after 5 ms (sys.getswitchinterval()), and the
running thread hands it over only at a few points, such as function calls and the jump back to
the top of a loop, not between the load and the store of `+=`. So the bug hides. It shows again
on Python 3.9 and older, on a free-threaded build, or after a harmless-looking edit such as a
log call between the read and the write. `time.sleep(0)` stands in for that edit: it releases
the GIL in the middle of the update, so the operating system runs another thread right there,
and the race shows on every run.

The fix does not depend on the sleep: see locked_counter.py.

Run it:

    python3 unsafe_counter.py
    python3 unsafe_counter.py --threads 8 --increments 500 --json
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
    """A number that several threads update. Nothing here protects it."""

    def __init__(self) -> None:
        self.value = 0


def add_many(counter: Counter, increments: int) -> None:
    """Add 1 to the counter `increments` times, as a read, a pause and a write."""
    for _ in range(increments):
        current = counter.value        # 1. read
        time.sleep(0)                  # 2. let another thread run (see the module docstring)
        counter.value = current + 1    # 3. write back: may overwrite another thread's update


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
        return skipped_report(example=EXAMPLE, script="unsafe_counter.py", variant="unsafe-counter",
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
        script="unsafe_counter.py",
        variant="unsafe-counter",
        parameters=parameters,
        recorder=recorder,
        metrics={"expected": expected, "actual": counter.value,
                 "lost_updates": expected - counter.value},
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Update one counter from several threads without a lock, "
                    "and count the lost updates.",
    )
    parser.add_argument("--threads", type=positive_int, default=4,
                        help="threads updating the counter (default: %(default)s)")
    parser.add_argument("--increments", type=positive_int, default=1000,
                        help="times each thread adds 1 (default: %(default)s)")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"unsafe_counter.py: {args.threads} threads each add 1, {args.increments} times, "
          "without a lock...", file=sys.stderr)
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
              f"{metrics['lost_updates']:,} updates were lost, overwritten by other threads.")
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
