"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines count_all(ranges: list[tuple[int, int]]) -> list[int], a plain
function that returns the number of primes in each range. The check imports FILE in a separate
process and calls count_all() with 8 ranges (as lists [start, stop]) that are new on every
run: 80,000 numbers in all, the first range bigger than the others, so that results gathered
as they finish come back out of order. Meanwhile, a reference counts primes from the same
numbers in one process beside it, under the same load. It passes when the counts are right,
in order; when the counting ran in worker processes, and on Linux in as many at once as the
machine has CPUs (up to 8); when the call is at least 75% of the ideal speedup over that
reference (the ideal: one worker per CPU, taking the ranges in order) and not far above the
ideal, nor using far less CPU time than the reference needs for the same numbers (then it did
not do the work); and when the program exits cleanly. A machine so busy
that the reference got under half a CPU (on Linux; elsewhere, that the workers got under half
of what an idle machine gives them) makes the speed check say so, with exit code 3, never a
pass; with one CPU, speed is not checked. Exit code 0 when all pass, else 1.
"""

from __future__ import annotations

import contextlib
import math
import random
import sys
import time
from pathlib import Path

from checker import (Report, Run, check_same, cpu_count, main, run_function, seconds,
                     speed_verdict)

TASK = "count_all() in a pool of processes"
HERE = Path(__file__).resolve().parent
TASKS, TOTAL, FIRST = 8, 80_000, 16_000  # ranges, numbers in all, numbers in the first range
PACE_CHUNK = 500  # numbers per chunk of the reference that counts beside the learner's code
TIMEOUT_S = 60
SHARE = 0.75
TOO_FAST = 1.5  # above this many times the ideal speedup, the work was not done
BUSY_SHARE = 0.5  # below this share of their idle-machine CPUs, speed says little
SLOW_HINT = ("Run count_primes() in a concurrent.futures.ProcessPoolExecutor() and collect the "
             "results with pool.map(). Threads do not help: with the GIL only one runs at a time.")


def new_ranges() -> list[list[int]]:
    """TASKS ranges of TOTAL numbers in all, from a new place on every run: the first of
    FIRST numbers, the others of about 9,000 each, give or take up to 500."""
    at = random.randrange(5_000_000, 20_000_000, 1000)
    each = (TOTAL - FIRST) // (TASKS - 1)
    widths = [FIRST] + [each + random.randint(-500, 500) for _ in range(TASKS - 2)]
    widths.append(TOTAL - sum(widths))
    ranges = []
    for width in widths:
        ranges.append([at, at + width])
        at += width
    return ranges


def ideal_speedup(ranges: list[list[int]], workers: int) -> float:
    """The best speedup of `workers` processes taking the ranges in order, each the next one
    when it is free (as pool.map() hands them out), if each number costs the same."""
    free = [0] * workers
    for start, stop in ranges:
        free[free.index(min(free))] += stop - start
    return TOTAL / max(free)


def sequential_reference(ranges: list[list[int]]) -> list[int]:
    """The starting point, timed by the check: trial division, one range after another."""
    counts = []
    for start, stop in ranges:
        count = 0
        for number in range(max(start, 2), stop):
            divisor = 2
            while divisor * divisor <= number:
                if number % divisor == 0:
                    break
                divisor += 1
            else:
                count += 1
        counts.append(count)
    return counts


def expected_counts(ranges: list[list[int]]) -> list[int]:
    """The right answers, by a sieve (a different method, and fast)."""
    top = max(stop for _, stop in ranges)
    small = bytearray([1]) * (math.isqrt(top) + 1)
    small[:2] = b"\0\0"
    for n in range(2, math.isqrt(len(small) - 1) + 1):
        if small[n]:
            small[n * n :: n] = bytes(len(small[n * n :: n]))
    counts = []
    for start, stop in ranges:
        segment = bytearray([1]) * (stop - start)
        for p in (n for n, is_prime in enumerate(small) if is_prime):
            first = max(p * p, -(-start // p) * p)
            segment[first - start :: p] = bytes(len(segment[first - start :: p]))
        counts.append(sum(segment) - sum(1 for n in range(start, min(stop, 2))))
    return counts


def pace(start: int) -> None:
    """Count primes in chunks of PACE_CHUNK numbers, from the same numbers, without end; print
    time.monotonic() after each chunk. The check runs this beside the learner's code."""
    ranges = [[start + i * PACE_CHUNK, start + (i + 1) * PACE_CHUNK]
              for i in range(TOTAL // PACE_CHUNK)]
    sequential_reference(ranges[:1])
    print(time.monotonic(), flush=True)  # warmed up
    while True:
        for bounds in ranges:
            sequential_reference([bounds])
            print(time.monotonic(), flush=True)


def idle_cpus(cpus: int) -> float:
    """CPUs a pool of `cpus` workers gets beside the pacer on an idle machine."""
    workers = min(TASKS, cpus)
    return cpus * workers / (workers + 1)


def check(file: Path, report: Report) -> None:
    ranges = new_ranges()
    expected = expected_counts(ranges)
    cpus = cpu_count()
    alongside = [str(HERE / "check.py"), "--pace", str(ranges[0][0])] if cpus > 1 else []
    checked = False  # the worker processes, judged once
    for attempt in (1, 2):
        run = run_function(file, "count_all", [[ranges]], timeout_s=TIMEOUT_S,
                           alongside=alongside, sample_workers=True)
        if run.problem and "pickle" in run.problem:
            run.hint = ("A process pool sends the function to its workers by name, so it must be "
                        "defined at the top level of your file: no lambda, no function defined "
                        "inside another. Pass count_primes itself.")
        if not report.require_run(run, "runs"):
            return
        if attempt == 1:
            report.ok(f"runs: count_all() returned in {seconds(run.seconds[0])}")
            if not check_same(report, run.values[0], expected, "counts",
                              "Return one count per range, in the order of `ranges` (new on "
                              "every run); keep count_primes() as it was.", run=run):
                report.shutdown(run)
                return
        if cpus < 2:
            report.skip("fast enough: this machine lets Python use 1 CPU, so processes cannot "
                        "run in parallel here; run the check on a machine with 2 or more")
            in_workers(report, run, cpus)
            break
        # The reference counted beside the learner's code, under the same load: how many of
        # its chunks it finished during the call says how long the work takes one process.
        start, end = run.windows[0]
        chunks = sum(1 for tick in run.ticks if start < tick <= end)
        elapsed_s = end - start
        sequential_s = elapsed_s * (TOTAL / PACE_CHUNK) / max(chunks, 0.5)
        ideal = ideal_speedup(ranges, min(TASKS, cpus))
        got = busy_machine(run, elapsed_s, cpus)
        share = run.pace_share(start, end)  # a reference starved of CPU inflates the speedup
        too_fast = sequential_s / elapsed_s > TOO_FAST * ideal  # then the speed says why
        if not checked and did_no_work(report, run):
            report.shutdown(run)
            return
        # Too fast, the speed says why, unless the calling process did the counting itself
        # (threads without the GIL are fast and starve the reference): that fails either way.
        if not checked and (not too_fast or counted_here(run)):
            checked = True
            if not in_workers(report, run, cpus):
                report.shutdown(run)
                return
        verdict = speed_verdict(
            report, elapsed_s=elapsed_s, sequential_s=sequential_s,
            ideal_s=sequential_s / ideal, share=SHARE, ideal_words=f"on {cpus} CPUs",
            hint=SLOW_HINT, final=attempt == 2, baseline_words="one process counting beside it",
            measurable=got is None, too_fast=TOO_FAST,
            too_fast_busy=TOO_FAST / share if share else math.inf,
            busy_words=got or "",
            too_fast_hint="Count with count_primes() as it is, in the worker processes: the "
                          "ranges are new on every run, and the check times the same work "
                          "beside yours.")
        if verdict is not None or attempt == 2:
            break
    report.shutdown(run)


def busy_machine(run: Run, elapsed_s: float, cpus: int) -> str | None:
    """How busy other programs kept the machine during the call, in words, when it was too
    busy to judge the speed; None when it was free enough. On Linux: the reference, a loop
    that never waits, got under BUSY_SHARE of one CPU. Elsewhere: the learner's worker
    processes got under BUSY_SHARE of what an idle machine gives them."""
    share = run.pace_share(*run.windows[0])
    if share is not None:
        return (f"the reference counting beside it got {share:.0%} of a CPU"
                if share < BUSY_SHARE else None)
    used = worker_cpu(run)
    if used is None:
        return None
    got = used / elapsed_s
    if got >= BUSY_SHARE * idle_cpus(cpus):
        return None
    return (f"your worker processes got {got:.1f} CPUs, where an idle machine gives them "
            f"{idle_cpus(cpus):.1f}")


def worker_cpu(run: Run) -> float | None:
    """CPU seconds the processes started by count_all() used (sampled on Linux, whether or
    not anyone waited for them; elsewhere, those it waited for); None where unknown."""
    if run.workers_cpu_s is not None:
        return sum(run.workers_cpu_s.values())
    return run.children_cpu_s


def cpu_needed(run: Run) -> float | None:
    """CPU seconds counting these numbers takes: the reference's CPU time per chunk, over its
    whole run (Linux); None where unknown. CPU time, unlike wall time, does not depend on how
    busy the machine is."""
    if len(run.pace_cpu) < 2 or not run.ticks:
        return None
    (t0, c0), (t1, c1) = run.pace_cpu[0], run.pace_cpu[-1]
    chunks = sum(1 for tick in run.ticks if t0 < tick <= t1)
    if chunks < 4 or c1 <= c0:
        return None
    return (c1 - c0) / chunks * TOTAL / PACE_CHUNK


def counted_here(run: Run) -> bool:
    """Did the calling process itself use at least half the CPU time the counting takes?"""
    needed = cpu_needed(run)
    return needed is not None and run.cpu_s[0] >= 0.5 * needed


def did_no_work(report: Report, run: Run) -> bool:
    """Did nobody do the counting: the worker processes used under a quarter of the CPU time
    it takes, and the calling process under a third (what it used went on the pool itself:
    starting it, sending it tasks)?"""
    used = worker_cpu(run)
    needed = cpu_needed(run)
    if used is None or needed is None:
        return False
    if used >= 0.25 * needed or run.cpu_s[0] >= 0.3 * needed:
        return False
    spent = used + run.cpu_s[0]
    report.fail(f"faster than possible: did it do the work? count_all() and its processes "
                f"used {spent:.2f} s of CPU time, where counting these numbers with "
                f"count_primes() takes about {needed:.1f} s",
                "Count with count_primes() as it is, in the worker processes: the ranges are "
                "new on every run, and the check measures the CPU time the counting takes.")
    return True


def in_workers(report: Report, run: Run, cpus: int) -> bool:
    """Did the counting run in worker processes, as many at once as the task asks?"""
    used = worker_cpu(run)
    own = run.cpu_s[0]
    if used is None:
        report.skip("ran in worker processes: not measurable on this system")
        return True
    if used <= own:
        report.fail(f"ran in worker processes: processes started by count_all() used "
                    f"{used:.2f} s of CPU time, the calling process {own:.2f} s",
                    "The counting ran in the calling process (in threads?): the task is to run "
                    "count_primes() in a ProcessPoolExecutor.")
        return False
    if run.workers_cpu_s is None or cpus < 2:
        report.ok(f"ran in worker processes: they used {used:.2f} s of CPU time, the calling "
                  f"process {own:.2f} s")
        return True
    busiest = max(run.workers_cpu_s.values())
    counting = sum(1 for cpu in run.workers_cpu_s.values() if cpu >= 0.25 * busiest)
    wanted = min(TASKS, cpus)
    if counting < wanted:
        report.fail(f"ran in worker processes: {counting} process{'es' if counting > 1 else ''} "
                    f"did the counting ({used:.2f} s of CPU time), where this machine has "
                    f"{cpus} CPUs for {TASKS} ranges",
                    f"Let the pool start one worker per CPU (ProcessPoolExecutor() does; "
                    f"max_workers={counting} is too few), so that {wanted} ranges are counted "
                    "at once.")
        return False
    report.ok(f"ran in worker processes: {counting} of them did the counting "
              f"({used:.2f} s of CPU time), the calling process used {own:.2f} s")
    return True


if __name__ == "__main__":
    if sys.argv[1:2] == ["--pace"]:
        with contextlib.suppress(KeyboardInterrupt, BrokenPipeError):
            pace(int(sys.argv[2]))
        sys.exit(0)
    sys.exit(main(check, TASK))
