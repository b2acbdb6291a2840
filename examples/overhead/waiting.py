"""Wait for a pool's futures with a time limit, in a way that Ctrl-C can always interrupt.

The obvious `concurrent.futures.wait(futures, timeout=...)` blocks the main thread on a lock.
On Linux and macOS Ctrl-C interrupts that wait at once, but on Windows, before Python 3.14, a
blocked lock cannot be interrupted: Ctrl-C would only be noticed when the wait ends. Waiting in
short slices wakes the main thread every 0.1 s, so the KeyboardInterrupt gets through promptly
on every operating system and every supported Python version.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import Future, wait

SLICE_S = 0.1  # how often the main thread wakes up to notice Ctrl-C


def wait_for_all(futures: Iterable[Future], timeout_s: float) -> None:
    """Return when every future is done; raise TimeoutError after `timeout_s` seconds.

    It does not raise the tasks' own exceptions: call future.result() for that.
    """
    deadline = time.monotonic() + timeout_s
    not_done = set(futures)
    while not_done:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(
                f"{len(not_done)} tasks were still running after {timeout_s:g} s "
                "(raise --timeout, or give the tasks less work)"
            )
        _, not_done = wait(not_done, timeout=min(SLICE_S, remaining))
