"""Tests of examples/race-conditions: the unlocked versions lose updates on every run, the locked
versions never do, and the scripts behave like every other example (reports, bad arguments,
folder copied alone)."""

from __future__ import annotations

import tempfile
import unittest
from pathlib import Path
from typing import Any

from tests.python.support import (
    EXAMPLES,
    copy_example_alone,
    example_meta,
    parse_report,
    run_script,
    schema,
    schema_errors,
    script_meta,
)

SLUG = "race-conditions"
FOLDER = EXAMPLES / SLUG
RUNS = 10  # "reliably" means every one of these runs, not most of them


def run_report(script: str, args: list[str], cwd: Path | None = None) -> dict[str, Any]:
    """Run a script with --json, check the exit code and the schema, return the report."""
    folder = cwd or FOLDER
    result = run_script(folder / script, args, timeout=60, cwd=folder)
    if result.returncode != 0:
        raise AssertionError(f"{script} {args} exited {result.returncode}\nstderr:\n{result.stderr}")
    report = parse_report(result.stdout)
    errors = schema_errors(report, schema("timing-report.schema.json"))
    if errors:
        raise AssertionError(f"{script} report does not match the schema:\n" + "\n".join(errors[:10]))
    return report


def quick_report(script: str) -> dict[str, Any]:
    return run_report(script, [*script_meta(SLUG, script)["quickArgs"], "--json"])


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
        for script, words in [("unsafe_counter.py", "were lost"), ("locked_counter.py", "0 updates lost"),
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


class BadArgumentsTest(unittest.TestCase):
    CASES = [
        ("unsafe_counter.py", ["--threads", "0"], "--threads"),
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
                    report = run_report(entry["file"], [*entry["quickArgs"], "--json"], cwd=folder)
                    self.assertEqual(report["status"], "ok")


if __name__ == "__main__":
    unittest.main()
