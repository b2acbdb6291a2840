"""The variant files run alone, as plain Python: `python3 threads.py` needs no harness, closes what it
opens (clean under `python3 -X dev -W error`), and a Ctrl-C ends it and leaves nothing running."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import unittest

from tests.python.support import EXAMPLES, POSIX, example_meta, wait_until_group_gone

SLUGS = sorted(path.parent.name for path in EXAMPLES.glob("*/example.json"))
# Less work than the files' own constants, so that every variant runs in a moment.
SMALL = {"ITEMS": 6, "TASKS": 2, "SIZE": 200_000, "TASK_SIZE": 1000, "INCREMENTS": 200, "DEPOSITS": 20}


def variants() -> list[tuple[str, str]]:
    return [(slug, entry["file"]) for slug in SLUGS for entry in example_meta(slug)["scripts"]
            if entry["role"] == "variant"]


class PlainRunTest(unittest.TestCase):
    def test_every_variant_runs_clean_under_dev_mode_with_warnings_as_errors(self) -> None:
        for slug, file in variants():
            with self.subTest(file=f"{slug}/{file}"):
                module = file[:-3]
                code = (f"import {module} as m\n"
                        f"for name, value in {SMALL!r}.items():\n"
                        "    if hasattr(m, name): setattr(m, name, value)\n"
                        "m.main()\n")
                result = subprocess.run([sys.executable, "-X", "dev", "-W", "error", "-c", code],
                                        cwd=EXAMPLES / slug, capture_output=True, text=True, timeout=120)
                self.assertEqual(result.returncode, 0, result.stderr[-2000:])
                self.assertNotIn("Warning", result.stderr)
                self.assertRegex(result.stdout, r"\d+(\.\d+)? s", "main() prints its own time")

    @unittest.skipUnless(POSIX, "sends SIGINT to a process group")
    def test_ctrl_c_ends_a_plain_run_and_leaves_nothing(self) -> None:
        # More work than the files' own constants, so that the Ctrl-C lands while the work runs.
        for slug, file, more, settle_s in [("io-bound", "threads.py", "ITEMS = 400", 0.3),
                                           ("io-bound", "processes.py", "ITEMS = 400", 1.0),
                                           ("cpu-bound", "processes.py", "TASKS = 40", 1.0),
                                           ("cpu-bound", "threads.py", "TASKS = 12", 0.5),
                                           ("race-conditions", "unsafe_counter.py", "INCREMENTS = 20_000", 0.1)]:
            with self.subTest(file=f"{slug}/{file}"):
                code = f"import {file[:-3]} as m\nm.{more}\nm.main()\n"
                # -X faulthandler: a process that hangs shows where each of its threads is (on SIGABRT).
                process = subprocess.Popen([sys.executable, "-X", "faulthandler", "-c", code], cwd=EXAMPLES / slug,
                                           start_new_session=True, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.PIPE, text=True)
                time.sleep(settle_s)
                os.killpg(process.pid, signal.SIGINT)
                # Idle, each exits within 0.3 s of Ctrl-C; in npm test's side-by-side phase a process pool on
                # 3.13t once took over 15 s to wind down: a hang guard, not a timing. stderr is read while waiting
                # (a full pipe would block the program's last words, the traceback, and look like a hang).
                try:
                    process.communicate(timeout=60)
                except subprocess.TimeoutExpired:
                    os.kill(process.pid, signal.SIGABRT)
                    try:
                        _, stderr = process.communicate(timeout=5)
                    except subprocess.TimeoutExpired:  # a pool's workers still hold the pipe
                        os.killpg(process.pid, signal.SIGKILL)
                        _, stderr = process.communicate()
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    self.fail(f"{file} still running 60 s after Ctrl-C (at {settle_s} s); where its threads were:\n"
                              f"{stderr[-6000:]}")
                self.assertEqual(wait_until_group_gone(process.pid, timeout=5), [], f"{file} left processes")


if __name__ == "__main__":
    unittest.main()
