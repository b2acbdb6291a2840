"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines run_pipeline(items: list[int]) -> list[int]. The check imports FILE in
a separate process, calls run_pipeline(list(range(40))), and passes when the call returns within
the time allowed, the result holds each item's square exactly once (in any order), no thread is
made a daemon and the queue keeps a maxsize (read from the file), and the program exits as soon
as the call has returned. Exit code 0 when all pass, else 1.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

from checker import Report, describe, main, run_function

TASK = "shut the pipeline down with one sentinel per consumer"
ITEMS = 40
TIMEOUT_S = 10


def read_file(file: Path) -> tuple[bool, bool]:
    """Whether FILE makes a thread a daemon, and whether it makes a bounded Queue."""
    try:
        tree = ast.parse(file.read_bytes())
    except (SyntaxError, ValueError):
        return False, True  # running it reports the error
    daemon = bounded = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            daemon |= any(keyword.arg == "daemon" and not is_false(keyword.value)
                          for keyword in node.keywords)
            bounded |= name == "Queue" and bool(node.args or node.keywords)
        if isinstance(node, ast.Assign) and not is_false(node.value):
            daemon |= any(getattr(target, "attr", "") == "daemon" for target in node.targets)
    return daemon, bounded


def is_false(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is False


def check(file: Path, report: Report) -> None:
    run = run_function(file, "run_pipeline", [[list(range(ITEMS))]], timeout_s=TIMEOUT_S)
    if run.timed_out:
        run.hint = ("Something waits for ever: a join() on a consumer that never gets its "
                    "sentinel (one None per consumer), or a put() on a full queue that no "
                    "consumer empties any more.")
    if not report.require_run(run, "runs"):
        return
    report.ok(f"runs: run_pipeline() returned in {run.seconds[0]:.2f} s")
    got, expected = run.values[0], [item * item for item in range(ITEMS)]
    if not isinstance(got, list):
        report.fail(f"each item once: expected a list of {ITEMS} squares, got {describe(got)}",
                    "Return the list the consumers filled.")
    elif sorted(map(repr, got)) == sorted(map(repr, expected)):
        report.ok(f"each item once: all {ITEMS} squares, none twice")
    else:
        counts = Counter(map(repr, got))
        missing = [value for value in expected if counts[repr(value)] == 0]
        twice = [value for value in expected if counts[repr(value)] > 1]
        problem = (f"{len(missing)} missing (for example {missing[0]})" if missing
                   else f"{len(twice)} twice (for example {twice[0]})" if twice
                   else f"got {len(got)} values, not the {ITEMS} squares")
        report.fail(f"each item once: {problem}",
                    "Put the sentinels only after every producer has finished (join them "
                    "first), and join the consumers before you return the results.")
    daemon, bounded = read_file(file)
    if daemon:
        report.fail("no daemon threads: a thread is made a daemon",
                    "A daemon thread is killed when the program exits, in the middle of its "
                    "work, and in a long-running program it never goes away: stop the "
                    "consumers with a sentinel instead.")
    elif not bounded:
        report.fail("bounded queue: queue.Queue(maxsize=...) is gone",
                    "Keep queue.Queue(maxsize=MAXSIZE): it makes the producers wait when the "
                    "consumers fall behind (backpressure).")
    else:
        report.ok("no daemon threads, and the queue keeps its maxsize")
    if run.shutdown_problem:
        report.fail(f"clean shutdown: {run.shutdown_problem}",
                    "The consumers still wait in bodies.get(). After the producers are done, "
                    "put one None per consumer on the queue, make consume() return when it "
                    "gets None, and join the consumers before you return.")
        return
    report.shutdown(run)


if __name__ == "__main__":
    sys.exit(main(check, TASK))
