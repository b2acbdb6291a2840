"""What the examples say about the GIL, on whichever interpreter runs this suite.

`npm test` runs the Python suite under every CPython `npm run pythons` finds, the free-threaded
build included, so these tests see each kind of interpreter:

- every report's environment tells the truth: `gil_enabled` is what `sys._is_gil_enabled()` says
  in that very interpreter, `free_threaded_build` is `Py_GIL_DISABLED`, and `-X gil=1` on a
  free-threaded build turns `gil_enabled` back on;
- with the GIL disabled, CPU-bound threads run in parallel: at least 1.4x sequential on 2 cores
  (the true figure is about 1.9x). Skipped, with the reason, on GIL builds and on one CPU.

Ratios, never seconds. A busy machine only makes threads look slower, so a ratio seen once is
real; when no run was clean (tasks got less than 90% of each core they asked for), the check is
skipped with the numbers rather than failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import unittest
from typing import Any

from tests.python.support import EXAMPLES, parse_report, usable_cpus

FREE_THREADED_BUILD = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
GIL_ENABLED = getattr(sys, "_is_gil_enabled", lambda: True)()
CPU_BOUND = EXAMPLES / "cpu-bound"
# 8 tasks of 2,000,000 numbers with 2 workers: about 0.7 s sequentially, so thread start-up is noise.
RATIO_ARGS = ["--tasks", "8", "--size", "2000000", "--workers", "2", "--json"]
ATTEMPTS = 3
BUSY_CORE_SHARE = 0.9
MIN_THREADS_SPEEDUP = 1.4



def run_json(python_args: list[str], script: str, args: list[str]) -> dict[str, Any]:
    """Run `python [python_args] compare.py <script's variant> args` in examples/cpu-bound (the
    harness times the plain variant from outside); return its --json report."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_GIL", "PYTHONWARNINGS")}
    result = subprocess.run(
        [sys.executable, *python_args, "compare.py", script, *args],
        cwd=CPU_BOUND, env=env, capture_output=True, text=True, timeout=120,
        start_new_session=True,
    )
    if result.returncode != 0:
        raise AssertionError(f"{script} exited {result.returncode}:\n{result.stderr}")
    return parse_report(result.stdout)


class EnvironmentReportTest(unittest.TestCase):
    """The report's environment matches the interpreter it ran on."""

    QUICK = ["--tasks", "2", "--size", "100000", "--json"]

    def test_report_says_what_this_interpreter_is(self) -> None:
        env = run_json([], "sequential.py", self.QUICK)["environment"]
        self.assertEqual(env["free_threaded_build"], FREE_THREADED_BUILD)
        self.assertEqual(env["gil_enabled"], GIL_ENABLED)
        self.assertEqual(env["python_version"].split(".")[:2], [str(v) for v in sys.version_info[:2]])

    def test_gil_flag_turns_the_gil_back_on(self) -> None:
        if not FREE_THREADED_BUILD:
            self.skipTest(f"Python {sys.version.split()[0]} is not a free-threaded build: the GIL is always on")
        env = run_json(["-X", "gil=1"], "sequential.py", self.QUICK)["environment"]
        self.assertTrue(env["gil_enabled"], "-X gil=1 should enable the GIL")
        self.assertTrue(env["free_threaded_build"])
        env = run_json(["-X", "gil=0"], "threads.py", self.QUICK)["environment"]
        self.assertFalse(env["gil_enabled"], "-X gil=0 should leave the GIL disabled")


class ThreadsWithoutTheGilTest(unittest.TestCase):
    """With the GIL disabled, threads speed CPU-bound work up like processes do."""

    def test_threads_beat_sequential_without_the_gil(self) -> None:
        if GIL_ENABLED:
            self.skipTest("the GIL is enabled here: threads take turns on CPU-bound work "
                          "(run the suite on a free-threaded build: npm run pythons)")
        if usable_cpus() < 2:
            self.skipTest("only 1 CPU available: threads cannot run in parallel here")
        clean: list[float] = []
        busy: list[tuple[float, float]] = []
        for _ in range(ATTEMPTS):
            report = run_json([], "compare.py", RATIO_ARGS)
            runs = {run["variant"]: run for run in report["runs"]}
            speedup = {row["variant"]: row["speedup"] for row in report["rows"]}["threads"]
            # CPU time over wall time: about 1 for sequential, about 2 for two threads on two free cores.
            share = min(runs["sequential"]["cpu_s"] / runs["sequential"]["elapsed_s"],
                        runs["threads"]["cpu_s"] / runs["threads"]["elapsed_s"] / 2)
            if speedup >= MIN_THREADS_SPEEDUP:
                return
            if share < BUSY_CORE_SHARE:
                busy.append((speedup, round(share, 2)))
            else:
                clean.append(speedup)
        if not clean:
            self.skipTest(f"the machine was busy in all {ATTEMPTS} runs: (speedup, share of a core) {busy}")
        self.fail(f"threads were never {MIN_THREADS_SPEEDUP}x as fast as sequential with the GIL disabled; "
                  f"clean runs: {clean}, busy runs: {busy}")


if __name__ == "__main__":
    unittest.main()
