"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines download_all(urls: list[str], timeout: float) -> list[bytes | None],
a plain function. The check imports FILE in a separate process and calls it twice, with
timeout=1.0: first with one fast URL (not timed, it pays one-time costs such as imports), then
with 10 URLs: 8 of a local server that answers in 0.1 s, and 2 (the 4th and 5th) of a server
that accepts connections and never answers. It passes when the call returns (it is stopped after
5 s), the result holds the 8 bodies and None for the 2 silent URLs, in order, the call takes at
most 1 / 0.7 of the ideal time (the longer of the timeout and the time of the check's own
answer, measured in the same run), and the program exits cleanly afterwards (no thread left
waiting). Exit code 0 when all pass, else 1.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from checker import Report, check_same, fetch, hung_server, main, run_function
from latency_server import serve

TASK = "download_all() that gives up on a silent server in time"
HERE = Path(__file__).resolve().parent
TIMEOUT, LATENCY_MS, SHARE, STOP_AFTER_S = 1.0, 100, 0.70, 5


def reference_download_all(urls: list[str], timeout: float) -> list[bytes | None]:
    """The check's own answer, timed like the learner's: one thread per URL, a timeout on each."""

    def get(url: str) -> bytes | None:
        try:
            return fetch(url, timeout)
        except OSError:
            return None

    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(get, urls))


def check(file: Path, report: Report) -> None:
    with serve(latency_ms=LATENCY_MS) as fast, hung_server() as hung:
        urls = [f"{fast.url}/item/{item}" for item in range(8)]
        urls[3:3] = [f"{hung}/item/100", f"{hung}/item/101"]
        expected = [None if url.startswith(hung) else fetch(url) for url in urls]
        # A first call with one fast URL, not timed, pays the one-time costs (imports, and on
        # Python 3.12+ urllib's first opener, which loads the TLS certificates).
        calls = [[urls[:1], TIMEOUT], [urls, TIMEOUT]]
        # The ideal bound, measured now, under the machine's current load: the check's own
        # answer, run and timed exactly like the learner's code.
        reference = run_function(HERE / "check.py", "reference_download_all", calls,
                                 timeout_s=STOP_AFTER_S)
        run = run_function(file, "download_all", calls, timeout_s=STOP_AFTER_S)
    if not reference.ok or reference.values[1] != expected:
        report.fail(f"reference run: {reference.problem or 'wrong result'}",
                    "The check itself went wrong: run it again, or download the exercise again.")
        return
    if run.timed_out:
        run.hint = ("A request to a server that never answers waits forever unless it has a "
                    "timeout: pass timeout=timeout to urllib.request.urlopen(), and return None "
                    "when it raises OSError.")
    if not report.require_run(run, "returns"):
        return
    elapsed = run.seconds[1]
    report.ok(f"returns: download_all() returned in {elapsed:.2f} s (after a first call with "
              "1 URL, not timed)")
    if not check_same(report, run.values[1], expected, "results",
                      "Return one item per URL, in order: the body (bytes), or None when the "
                      "request timed out. Catch OSError around urlopen() and read().",
                      reference="as expected (8 bodies, and None for the 2 silent URLs)"):
        report.shutdown(run)
        return
    ideal = max(reference.seconds[1], TIMEOUT)
    allowed = ideal / SHARE
    words = (f"the slowest request may take the timeout, {TIMEOUT:g} s, and the check's own "
             f"answer took {reference.seconds[1]:.2f} s here; {SHARE:.0%} of that ideal speed "
             f"allows {allowed:.2f} s")
    if elapsed <= allowed:
        report.ok(f"in time: {elapsed:.2f} s; {words}")
    else:
        report.fail(f"in time: {elapsed:.2f} s, too slow: {words}",
                    "The timeouts add up when the requests run one after another: run them in "
                    "a ThreadPoolExecutor with one worker per URL, so they all wait at once.")
    if run.shutdown_problem:
        report.fail(f"clean shutdown: {run.shutdown_problem}",
                    "A thread blocked on a silent server is still running. A future's "
                    "result(timeout=) or wait(timeout=) only stops your wait, and a running "
                    "thread cannot be cancelled: give the request itself a timeout.")
    else:
        report.shutdown(run)


if __name__ == "__main__":
    sys.exit(main(check, TASK))
