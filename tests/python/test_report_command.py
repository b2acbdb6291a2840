"""Every example, whatever it is: its reportCommand (`python3 compare.py all --json`, here with --quick) runs
every entry of its example.json from a copy of the folder alone, and each report is valid and names its entry.
A new example needs no test file of its own to be run this way."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from tests.python.support import EXAMPLES, copy_example_alone, example_meta, parse_report, report_problems

SLUGS = sorted(path.parent.name for path in EXAMPLES.glob("*/example.json"))


class ReportCommandTest(unittest.TestCase):
    def test_every_example_reports_every_entry(self) -> None:
        for slug in SLUGS:
            with self.subTest(example=slug), tempfile.TemporaryDirectory() as parent:
                meta = example_meta(slug)
                folder = copy_example_alone(slug, Path(parent))
                command = [sys.executable, *meta["reportCommand"], "--quick"]
                result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600)
                self.assertEqual(result.returncode, 0, result.stderr[-2000:])
                whole = parse_report(result.stdout)
                self.assertEqual(whole["example"], slug)
                self.assertEqual([r["variant"] for r in whole["reports"]], [e["variant"] for e in meta["scripts"]])
                for entry, report in zip(meta["scripts"], whole["reports"]):
                    self.assertEqual(report_problems(report, slug, entry), [], entry["variant"])


if __name__ == "__main__":
    unittest.main()
