"""Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE.

The contract: FILE defines count_all(ranges: list[tuple[int, int]]) -> list[int], a plain
function that returns the number of primes in each range. The check imports FILE in a separate
process and calls count_all() with 8 ranges of 10,000 numbers (as lists [start, stop]). It
passes when the counts are right, in order; when the call is at least 75% of the ideal speedup
over the sequential reference below, timed in the same run (skipped on a 1-CPU machine, and
when other programs kept the worker processes under half the CPU an idle machine gives); when
the counting ran in child processes (POSIX only: Windows does not report their CPU time); and
when the program exits cleanly. Exit code 0 when all pass, else 1.
"""

from __future__ import annotations

import contextlib
import math
import sys
import time
from pathlib import Path

from checker import (Report, Run, check_same, cpu_count, main, run_function,
                     speed_verdict)

TASK = "count_all() in a pool of processes"
HERE = Path(__file__).resolve().parent
TASKS, WIDTH, START = 8, 10_000, 10_000_000
PACE_CHUNK = 500  # numbers per chunk of the reference that counts beside the learner's code
TIMEOUT_S = 60
SHARE = 0.75
BUSY_SHARE = 0.5  # below this share of their idle-machine CPUs, speed says little
SLOW_HINT = ("Run count_primes() in a concurrent.futures.ProcessPoolExecutor() and collect the "
             "results with pool.map(). Threads do not help: with the GIL only one runs at a time.")


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


def pace() -> None:
    """Count primes in chunks of PACE_CHUNK numbers, from the same ranges, without end; print
    time.monotonic() after each chunk. The check runs this beside the learner's code."""
    ranges = [[START + i * PACE_CHUNK, START + (i + 1) * PACE_CHUNK]
              for i in range(TASKS * WIDTH // PACE_CHUNK)]
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


def busy_machine(run: Run, elapsed_s: float, cpus: int) -> float | None:
    """The CPUs the learner's worker processes got during the call, when other programs
    kept them below BUSY_SHARE of what an idle machine gives; None when the machine was
    free enough to judge the speed (or the work did not run in worker processes)."""
    if run.children_cpu_s is None or run.children_cpu_s <= run.cpu_s[0]:
        return None
    got = run.children_cpu_s / elapsed_s
    return got if got < BUSY_SHARE * idle_cpus(cpus) else None


def check(file: Path, report: Report) -> None:
    ranges = [[START + i * WIDTH, START + (i + 1) * WIDTH] for i in range(TASKS)]
    expected = expected_counts(ranges)
    cpus = cpu_count()
    alongside = [str(HERE / "check.py"), "--pace"] if cpus > 1 else []
    for attempt in (1, 2):
        run = run_function(file, "count_all", [[ranges]], timeout_s=TIMEOUT_S, alongside=alongside)
        if run.problem and "pickle" in run.problem:
            run.hint = ("A process pool sends the function to its workers by name, so it must be "
                        "defined at the top level of your file: no lambda, no function defined "
                        "inside another. Pass count_primes itself.")
        if not report.require_run(run, "runs"):
            return
        if attempt == 1:
            report.ok(f"runs: count_all() returned in {run.seconds[0]:.2f} s")
            if not check_same(report, run.values[0], expected, "counts",
                              "Return one count per range, in the order of `ranges`; keep "
                              "count_primes() as it was."):
                report.shutdown(run)
                return
        if cpus < 2:
            report.skip("fast enough: this machine lets Python use 1 CPU, so processes cannot "
                        "run in parallel here; run the check on a machine with 2 or more")
            break
        # The reference counted beside the learner's code, under the same load: how many of
        # its chunks it finished during the call says how long the work takes one process.
        start, end = run.windows[0]
        chunks = sum(1 for tick in run.ticks if start < tick <= end)
        elapsed_s = end - start
        sequential_s = elapsed_s * (TASKS * WIDTH / PACE_CHUNK) / max(chunks, 0.5)
        ideal_s = sequential_s / (TASKS / math.ceil(TASKS / cpus))
        got = busy_machine(run, elapsed_s, cpus)
        if got is not None and sequential_s / elapsed_s < SHARE * sequential_s / ideal_s:
            if attempt == 1:
                report.note("short, and the machine was busy: measuring again")
                continue
            report.skip("fast enough: not measurable now: the machine is busy (your "
                        f"worker processes got {got:.1f} CPUs, where an idle machine "
                        f"gives them {idle_cpus(cpus):.1f}); close other programs and "
                        "run the check again")
            break
        verdict = speed_verdict(
            report, elapsed_s=elapsed_s, sequential_s=sequential_s, ideal_s=ideal_s, share=SHARE,
            ideal_words=f"on {cpus} CPUs", hint=SLOW_HINT, final=attempt == 2,
            baseline_words="one process counting beside it")
        if verdict is not None:
            break
    if run.children_cpu_s is None:
        report.skip("ran in worker processes: not measurable on this system")
    elif run.children_cpu_s > run.cpu_s[0]:
        report.ok(f"ran in worker processes: they used {run.children_cpu_s:.2f} s of CPU time, "
                  f"the calling process {run.cpu_s[0]:.2f} s")
    else:
        report.fail(f"ran in worker processes: child processes used {run.children_cpu_s:.2f} s "
                    f"of CPU time, the calling process {run.cpu_s[0]:.2f} s",
                    "The counting ran in the calling process (in threads?): the task is to run "
                    "count_primes() in a ProcessPoolExecutor.")
    report.shutdown(run)


if __name__ == "__main__":
    if sys.argv[1:] == ["--pace"]:
        with contextlib.suppress(KeyboardInterrupt, BrokenPipeError):
            pace()
        sys.exit(0)
    sys.exit(main(check, TASK))
