"""Tests of examples/race-conditions: the unlocked versions lose updates on every run, the locked
versions never do, a plain `+=` loses updates only without the GIL, and the scripts behave like
every other example (reports, bad arguments, folder copied alone)."""

from __future__ import annotations

import sys
import tempfile
import unittest
from pathlib import Path
from typing import Any

from tests.python.support import (
    EXAMPLES,
    copy_example_alone,
    example_meta,
    run_report,
    run_script,
    script_meta,
    usable_cpus,
)

SLUG = "race-conditions"
FOLDER = EXAMPLES / SLUG
RUNS = 10  # "reliably" means every one of these runs, not most of them
GIL_ENABLED = getattr(sys, "_is_gil_enabled", lambda: True)()
PLAIN_ATTEMPTS = 5  # without the GIL, a busy machine can run the threads one after another




def quick_report(script: str) -> dict[str, Any]:
    return run_report(FOLDER, script, [*script_meta(SLUG, script)["quickArgs"], "--json"])


class QuickRunsTest(unittest.TestCase):
    def test_every_script_reports_with_quick_args(self) -> None:
        for entry in example_meta(SLUG)["scripts"]:
            with self.subTest(script=entry["file"]):
                report = quick_report(entry["file"])
                self.assertEqual(report["example"], SLUG)
                self.assertEqual(report["script"], entry["file"])
                self.assertEqual(report["variant"], entry["variant"])
                self.assertEqual(report["status"], "ok")
                metrics = report["metrics"]
                self.assertEqual(metrics["expected"] - metrics["actual"], metrics["lost_updates"])
                self.assertGreater(len(report["tasks"]), 1)

    def test_table_output_states_the_outcome(self) -> None:
        for script, words in [("plain_counter.py", "updates were lost"),
                              ("unsafe_counter.py", "were lost"), ("locked_counter.py", "0 updates lost"),
                              ("async_race.py", "were lost"), ("async_locked.py", "0 deposits lost")]:
            with self.subTest(script=script):
                result = run_script(FOLDER / script, script_meta(SLUG, script)["quickArgs"], timeout=60)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn(words, result.stdout)


class LostUpdatesTest(unittest.TestCase):
    """The demonstrations must be reliable, not lucky: 10 runs out of 10."""

    def lost_updates(self, script: str) -> list[int]:
        return [quick_report(script)["metrics"]["lost_updates"] for _ in range(RUNS)]

    def test_unsafe_counter_loses_updates_on_every_run(self) -> None:
        lost = self.lost_updates("unsafe_counter.py")
        self.assertTrue(all(count > 0 for count in lost), f"lost updates per run: {lost}")

    def test_locked_counter_never_loses_updates(self) -> None:
        self.assertEqual(self.lost_updates("locked_counter.py"), [0] * RUNS)

    def test_async_race_loses_the_same_deposits_on_every_run(self) -> None:
        lost = self.lost_updates("async_race.py")
        self.assertGreater(lost[0], 0)
        self.assertEqual(lost, [lost[0]] * RUNS, "asyncio's scheduling is deterministic here")

    def test_async_locked_never_loses_deposits(self) -> None:
        self.assertEqual(self.lost_updates("async_locked.py"), [0] * RUNS)


class PlainCounterTest(unittest.TestCase):
    """A plain `counter.value += 1`: exact with the GIL in practice, lossy without it."""

    def test_report_adds_up_on_every_interpreter(self) -> None:
        metrics = quick_report("plain_counter.py")["metrics"]
        args = script_meta(SLUG, "plain_counter.py")["quickArgs"]
        threads, increments = int(args[args.index("--threads") + 1]), int(args[args.index("--increments") + 1])
        self.assertEqual(metrics["expected"], threads * increments)
        self.assertEqual(metrics["expected"], metrics["actual"] + metrics["lost_updates"])
        self.assertGreaterEqual(metrics["lost_updates"], 0)
        self.assertLessEqual(metrics["lost_updates"], metrics["expected"])

    def test_loses_updates_without_the_gil(self) -> None:
        if GIL_ENABLED:
            self.skipTest(f"the GIL is enabled on Python {sys.version.split()[0]}: a plain += happens not to "
                          "lose updates (run the suite on a free-threaded build: npm run pythons)")
        if usable_cpus() < 2:
            self.skipTest("only 1 CPU available: the threads cannot run at the same moment")
        lost: list[int] = []
        for _ in range(PLAIN_ATTEMPTS):
            lost.append(quick_report("plain_counter.py")["metrics"]["lost_updates"])
            if lost[-1] > 0:
                return
        self.fail(f"a plain += from several threads lost no updates with the GIL off in {PLAIN_ATTEMPTS} runs: {lost}")


class BadArgumentsTest(unittest.TestCase):
    CASES = [
        ("unsafe_counter.py", ["--threads", "0"], "--threads"),
        ("plain_counter.py", ["--increments", "-5"], "--increments"),
        ("locked_counter.py", ["--increments", "many"], "--increments"),
        ("async_race.py", ["--customers", "-1"], "--customers"),
        ("async_locked.py", ["--deposits", "0"], "--deposits"),
        ("async_locked.py", ["--no-such-option"], "--no-such-option"),
    ]

    def test_bad_arguments_exit_2(self) -> None:
        for script, args, option in self.CASES:
            with self.subTest(script=script, args=args):
                result = run_script(FOLDER / script, args, timeout=30)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(option, result.stderr)
                self.assertEqual(result.stdout, "")


class FolderAloneTest(unittest.TestCase):
    def test_runs_from_a_copy_of_the_folder_alone(self) -> None:
        with tempfile.TemporaryDirectory() as parent:
            folder = copy_example_alone(SLUG, Path(parent))
            for entry in example_meta(SLUG)["scripts"]:
                with self.subTest(script=entry["file"]):
                    report = run_report(folder, entry["file"], [*entry["quickArgs"], "--json"])
                    self.assertEqual(report["status"], "ok")


if __name__ == "__main__":
    unittest.main()
