"""Ctrl-C at several moments of the scripts that start process pools.

Pressing Ctrl-C sends SIGINT to every process of the terminal's foreground
group: the script and its workers. Whatever the moment (while the pool
starts its workers, just after, or mid-run), the script must print one line,
"Interrupted.", exit with 130, print no worker traceback, and leave no
process behind. The moments are counted from the script's first line on
stderr: before it, the interpreter itself is still starting up, and a
Ctrl-C there is Python's own business.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from tests.python.support import POSIX, RunningScript, copy_example_alone, group_members, wait_until_group_gone

# (slug, script, args, the stderr line after which the pool starts)
CASES = [
    ("cpu-bound", "processes.py", ["--tasks", "40", "--size", "5000000", "--workers", "2"], None),
    ("cpu-bound", "processes.py", ["--tasks", "40", "--size", "5000000", "--workers", "2",
                                   "--start-method", "spawn"], None),
    ("cpu-bound", "processes.py", ["--tasks", "40", "--size", "5000000", "--workers", "2",
                                   "--start-method", "forkserver"], None),
    ("io-bound", "processes.py", ["--items", "400", "--workers", "4"], None),
    # The processes part lasts items / workers x latency = 1.2 s, so the last moment (0.8 s) still finds it running.
    ("io-bound", "compare.py", ["--items", "8", "--workers", "2", "--latency-ms", "300"], "  processes..."),
    ("overhead", "process_pool.py", ["--tasks", "400", "--task-size", "1000000", "--workers", "2"], None),
]
# seconds after the pool starts: at once (workers starting), soon after, mid-run
MOMENTS = [0.0, 0.1, 0.8]


@unittest.skipUnless(POSIX, "process groups and SIGINT to a group are POSIX features")
class CtrlCAtAnyMomentTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls._tmp = tempfile.TemporaryDirectory(prefix="ctrl-c-")
        cls.folders = {slug: copy_example_alone(slug, Path(cls._tmp.name))
                       for slug in {case[0] for case in CASES}}

    @classmethod
    def tearDownClass(cls) -> None:
        cls._tmp.cleanup()

    def press_ctrl_c(self, slug: str, script: str, args: list[str], marker: str | None, moment: float) -> None:
        running = RunningScript(self.folders[slug] / script, args)
        self.addCleanup(running.close)
        running.wait_for_stderr(30)
        deadline = time.monotonic() + 30
        while marker is not None and marker not in running.stderr.splitlines():
            self.assertLess(time.monotonic(), deadline, f"no {marker!r} line:\n{running.stderr}")
            time.sleep(0.005)
        time.sleep(moment)
        self.assertIsNone(running.process.poll(), f"{script} ended before Ctrl-C:\n{running.stderr}")
        workers = len(group_members(running.pgid)) - 1
        running.interrupt()
        # A hang guard, not a timing: on 3.13t in npm test's side-by-side phase a process pool took over 15 s.
        code = running.wait(timeout=60)
        lines = running.stderr.splitlines()
        detail = f"{script} {args}, Ctrl-C {moment} s in ({workers} other processes):\n{running.stderr}"
        self.assertEqual(code, 130, detail)
        self.assertEqual(lines[-1], "Interrupted.", detail)
        self.assertEqual(lines.count("Interrupted."), 1, detail)
        for word in ("Traceback", "Error", "Fatal"):
            self.assertNotIn(word, running.stderr, detail)
        self.assertEqual(wait_until_group_gone(running.pgid, timeout=5), [], f"processes left: {detail}")

    def test_ctrl_c_at_several_moments(self) -> None:
        for slug, script, args, marker in CASES:
            for moment in MOMENTS:
                with self.subTest(example=slug, script=script, args=" ".join(args), moment=moment):
                    self.press_ctrl_c(slug, script, args, marker, moment)



@unittest.skipUnless(POSIX, "SIGTERM and process groups are POSIX features")
class TerminateTest(unittest.TestCase):
    """`kill <pid>` (SIGTERM to the harness alone, as a process manager sends it) ends a run as a Ctrl-C does:
    its worker processes stopped, one line, exit code 143."""

    def test_sigterm_stops_the_pool_with_one_line(self) -> None:
        with tempfile.TemporaryDirectory(prefix="sigterm-") as tmp:
            folder = copy_example_alone("cpu-bound", Path(tmp))
            for method in ("fork", "spawn"):
                with self.subTest(start_method=method):
                    running = RunningScript(folder / "processes.py", [
                        "--tasks", "40", "--size", "5000000", "--workers", "2", "--start-method", method])
                    self.addCleanup(running.close)
                    running.wait_for_stderr(30)
                    time.sleep(0.5)
                    self.assertIsNone(running.process.poll(), running.stderr)
                    running.process.terminate()
                    code = running.wait(timeout=60)  # a hang guard
                    detail = f"{method}:\n{running.stderr}"
                    self.assertEqual(code, 143, detail)
                    self.assertEqual(running.stderr.splitlines()[-1], "Terminated.", detail)
                    self.assertNotIn("Traceback", running.stderr, detail)
                    self.assertEqual(wait_until_group_gone(running.pgid, timeout=5), [], f"processes left: {detail}")



# Python cannot raise an exception out of a weakref callback or a __del__: a Ctrl-C whose handler runs there is
# printed as "Exception ignored in ..." and the program goes on (seen in CI: 3.13t, Ctrl-C as its pool started, exit 0).
# This program makes that happen on purpose: SIGINT arrives while a __del__ runs, just as the run starts.
SWALLOWED = """
import os, signal, sys
sys.path.insert(0, sys.argv[1])
import harness

class Finalized:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(100_000):  # the handler runs here, inside __del__
            pass

run_entry = harness.run_entry
def run_entry_after_a_swallowed_ctrl_c(*args, **kwargs):
    Finalized()  # collected at once: its __del__ runs now
    return run_entry(*args, **kwargs)
harness.run_entry = run_entry_after_a_swallowed_ctrl_c
# processes: the work runs in workers, so nothing in this process would notice a lost Ctrl-C
sys.exit(harness.main(sys.argv[2], ["processes", "--items", "40", "--workers", "2"]))
"""


@unittest.skipUnless(POSIX, "SIGINT to oneself is the POSIX way to simulate Ctrl-C")
class SwallowedCtrlCTest(unittest.TestCase):
    def test_a_ctrl_c_python_swallows_still_ends_the_run(self) -> None:
        with tempfile.TemporaryDirectory(prefix="swallowed-") as tmp:
            folder = copy_example_alone("io-bound", Path(tmp))
            result = subprocess.run([sys.executable, "-c", SWALLOWED, str(folder), str(folder)],
                                    capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 130, result.stderr)
        self.assertEqual(result.stderr.splitlines()[-1], "Interrupted.", result.stderr)
        self.assertNotIn("Exception ignored", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(result.stdout, "")


if __name__ == "__main__":
    unittest.main()
