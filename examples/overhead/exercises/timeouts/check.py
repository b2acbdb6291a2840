"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines download_all(urls: list[str], timeout: float) -> list[bytes | None],
a plain function. The check imports FILE in a separate process and calls it twice, with
timeout=1.0: first with one fast URL (not timed, it pays one-time costs such as imports), then
with 10 URLs: 8 of a local server that answers in 0.1 s, and 2 (the 4th and 5th) of a server
that reads requests and never answers. The URLs are new on every run, and both servers note
the requests they receive. It passes when the call returns (it is stopped after 8 s), the
result holds the 8 bodies and None for the 2 silent URLs, in order, every URL was requested,
the call takes at most 1 / 0.7 of the ideal time (the longer of the timeout and the time of
the check's own answer, measured in the same run) and no less than the timeout (a request to
the silent server must wait that long), and the program exits cleanly afterwards (no thread
left waiting). Exit code 0 when all pass, else 1.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from checker import (Report, check_same, count_requests, fetch, hung_server, main,
                     random_items, run_function, seconds)
from latency_server import serve

TASK = "download_all() that gives up on a silent server in time"
HERE = Path(__file__).resolve().parent
TIMEOUT, LATENCY_MS, SHARE, STOP_AFTER_S = 1.0, 100, 0.70, 8


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
        requests = count_requests(fast)
        items = random_items(22)
        url = [f"{fast.url}/item/{item}" for item in items[:18]]
        urls, ref_urls = url[:8], url[8:16]
        urls[3:3] = [f"{hung.url}/item/{item}" for item in items[18:20]]
        ref_urls[3:3] = [f"{hung.url}/item/{item}" for item in items[20:]]
        # A first call with one fast URL, not timed, pays the one-time costs (imports, and on
        # Python 3.12+ urllib's first opener, which loads the TLS certificates).
        calls = [[url[16:17], TIMEOUT], [urls, TIMEOUT]]
        # The ideal bound, measured now, under the machine's current load: the check's own
        # answer, run and timed exactly like the learner's code.
        reference = run_function(HERE / "check.py", "reference_download_all",
                                 [[url[17:18], TIMEOUT], [ref_urls, TIMEOUT]],
                                 timeout_s=STOP_AFTER_S)
        run = run_function(file, "download_all", calls, timeout_s=STOP_AFTER_S)
        counts = requests.count(urls)
        silent = hung.requests.count(urls)
        expected = [None if url.startswith(hung.url) else fetch(url) for url in urls]
        expected_ref = [None if url.startswith(hung.url) else fetch(url) for url in ref_urls]
    if not reference.ok or reference.values[1] != expected_ref:
        report.fail(f"reference run: {reference.problem or 'wrong result'}",
                    "The check itself went wrong: run it again, or download the exercise again.")
        return
    if run.timed_out and "it was waiting" in (run.problem or ""):
        run.hint = ("A request to a server that never answers waits forever unless it has a "
                    "timeout: pass timeout=timeout to urllib.request.urlopen(), and return None "
                    "when it raises OSError.")
    if not report.require_run(run, "returns"):
        return
    elapsed = run.seconds[1]
    report.ok(f"returns: download_all() returned in {seconds(elapsed)} (after a first call "
              "with 1 URL, not timed)")
    good = check_same(report, run.values[1], expected, "results",
                      "Return one item per URL, in order: the body (bytes), or None when the "
                      "request timed out. Catch OSError around urlopen() and read().",
                      reference="as expected (8 bodies, and None for the 2 silent URLs)", run=run)
    missing = sum(1 for u in urls if not u.startswith(hung.url) and counts[_path(u)] == 0)
    missing += sum(1 for u in urls if u.startswith(hung.url) and silent[_path(u)] == 0)
    if missing:
        report.fail(f"does the work: {missing} of the {len(urls)} URLs got no request",
                    "Request every URL, and give up on a silent one only after `timeout` "
                    "seconds: the check's URLs are new on every run, and both of its servers "
                    "note the requests they get.")
    else:
        report.ok(f"does the work: each of the {len(urls)} URLs (new on every run) got a request")
    if not good or missing:
        report.shutdown(run)
        return
    if elapsed < 0.9 * TIMEOUT:
        report.fail(f"faster than possible: download_all() returned after {seconds(elapsed)}, "
                    f"but a request to the silent server must wait the timeout, {TIMEOUT:g} s",
                    "Give up on a request after `timeout` seconds, not sooner: pass the "
                    "`timeout` argument itself to urlopen().")
        report.shutdown(run)
        return
    ideal = max(reference.seconds[1], TIMEOUT)
    allowed = ideal / SHARE
    words = (f"the slowest request may take the timeout, {TIMEOUT:g} s, and the check's own "
             f"answer took {seconds(reference.seconds[1])} here; {SHARE:.0%} of that ideal "
             f"speed allows {seconds(allowed)}")
    if elapsed <= allowed:
        report.ok(f"in time: {seconds(elapsed)}; {words}")
    else:
        report.fail(f"in time: {seconds(elapsed)}, too slow: {words}",
                    "The timeouts add up when the requests run one after another: run them in "
                    "a ThreadPoolExecutor with one worker per URL, so they all wait at once.")
    report.shutdown(run, "A thread blocked on a silent server is still running. A future's "
                         "result(timeout=) or wait(timeout=) only stops your wait, and a "
                         "running thread cannot be cancelled: give the request itself a "
                         "timeout.")


def _path(url: str) -> str:
    return urlsplit(url).path


if __name__ == "__main__":
    sys.exit(main(check, TASK))
