"""The "Add a lesson" guide of README.md holds: a scratch lesson with a two-version example and an
exercise, written as the guide says (eight hand-written files) in a copy of examples/, needs nothing else.
sync_shared.py generates the rest, the harness runs both versions, and the checks that every example and every
exercise must pass, pass: the exercise's starter fails as its example.json declares and its solution passes,
with no edit under tests/. The copy is removed at the end: nothing of the scratch lesson stays in the
repository."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

from tests.python.support import EXAMPLES, parse_report, schema, schema_errors
from tests.python.test_exercises import assert_well_formed, declared_exercises, exercise_folders, key, starter_fails

VERSION = textwrap.dedent('''\
    """Scratch: {what}.

    A made-up version for the guide's test: one item, all items, main().
    """

    import time
    {imports}
    ITEMS = 6
    WORKERS = 3


    def handle(item: int) -> int:
        time.sleep(0.01)
        return item * 2


    def handle_all(items: int) -> list[int]:
    {body}


    def main() -> None:
        start = time.perf_counter()
        handle_all(ITEMS)
        print(f"{{ITEMS}} items in {{time.perf_counter() - start:.2f}} s")


    if __name__ == "__main__":
        main()
''')
EXERCISE = {
    "exercise.py": '''\
        """Exercise: double every item.

        double_all() returns nothing yet. TODO: make it return each item doubled.

        Run it:    python3 exercise.py
        Check it:  python3 check.py
        """


        def double_all(items: list[int]) -> list[int]:
            return []  # TODO


        if __name__ == "__main__":
            print(double_all([1, 2, 3]))
        ''',
    "solution.py": '''\
        """One answer: each item doubled."""


        def double_all(items: list[int]) -> list[int]:
            return [item * 2 for item in items]
        ''',
    "check.py": '''\
        """Check this exercise: `python3 check.py` checks exercise.py, `python3 check.py FILE` checks FILE."""

        import sys
        from pathlib import Path

        from checker import Report, main, run_function


        def check(file: Path, report: Report) -> None:
            run = run_function(file, "double_all", [[[1, 2, 3]]], timeout_s=10)
            if not report.require_run(run, "runs"):
                return
            if run.values == [[2, 4, 6]]:
                report.ok("correct result")
            else:
                report.fail(f"correct result: got {run.values[0]!r}", "Return each item doubled.")
            report.shutdown(run)


        if __name__ == "__main__":
            sys.exit(main(check, "double every item"))
        ''',
    "HINTS.md": "# Hints\n\n## Hint 1\n\nA list.\n\n## Hint 2\n\nA comprehension.\n\n## Hint 3: the answer\n\n"
                "`return [item * 2 for item in items]`\n",
}
HAND_WRITTEN = [
    "lessons/scratch-pipelines.mdx",
    "scratch-pipelines/one_by_one.py",
    "scratch-pipelines/pooled.py",
    "scratch-pipelines/example.json",
    "scratch-pipelines/exercises/pool/exercise.py",
    "scratch-pipelines/exercises/pool/solution.py",
    "scratch-pipelines/exercises/pool/check.py",
    "scratch-pipelines/exercises/pool/HINTS.md",
]


def entry(file: str, variant: str, options: list[str], **more: object) -> dict[str, object]:
    return {"file": file, "variant": variant, "label": variant, "description": f"The {variant} version.",
            "role": "variant", "call": "handle_all(ITEMS)", "wrap": ["handle"], "options": options,
            **more, "quickArgs": ["--items", "4"], "measureArgs": [], "pyodide": {"status": "runs"}}


class AddALessonTest(unittest.TestCase):
    def test_eight_hand_written_files_make_a_lesson(self) -> None:
        self.assertIn("## Add a lesson", (EXAMPLES.parent / "README.md").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="add-a-lesson-") as tmp:
            root = Path(tmp)
            examples = root / "examples"
            shutil.copytree(EXAMPLES, examples, ignore=shutil.ignore_patterns("__pycache__"))
            before = {path.relative_to(root) for path in root.rglob("*") if path.is_file()}
            lessons, folder = root / "lessons", examples / "scratch-pipelines"
            (folder / "exercises" / "pool").mkdir(parents=True)
            lessons.mkdir()
            # 1. the lesson page: its frontmatter places it in the course
            (lessons / "scratch-pipelines.mdx").write_text(textwrap.dedent("""\
                ---
                title: Scratch pipelines
                description: A scratch lesson.
                sidebar:
                  order: 99
                ---
                <ExampleCode example="scratch-pipelines" file="pooled.py" show={["handle", "handle_all"]} />
            """), encoding="utf-8")
            # 2, 3. two versions
            (folder / "one_by_one.py").write_text(VERSION.format(
                what="one item after another", imports="",
                body="    return [handle(item) for item in range(items)]"), encoding="utf-8")
            (folder / "pooled.py").write_text(VERSION.format(
                what="a pool of threads", imports="from concurrent.futures import ThreadPoolExecutor\n",
                body="    with ThreadPoolExecutor(max_workers=WORKERS) as pool:\n"
                     "        return list(pool.map(handle, range(items)))"), encoding="utf-8")
            # 4. example.json
            meta = {
                "slug": "scratch-pipelines", "title": "Scratch pipelines", "summary": "A scratch example.", "baseline": "one-by-one",
                "reportCommand": ["compare.py", "all", "--json"],
                "options": {
                    "items": {"constant": "ITEMS", "type": "int", "min": 1, "max": 100, "help": "how many items"},
                    "workers": {"constant": "WORKERS", "type": "int", "min": 1, "max": 8, "atMost": "items",
                                "help": "threads at once"}},
                "claims": [{"kind": "speedup", "variant": "pooled", "op": ">", "value": 1,
                            "because": "the pool overlaps the waits"}],
                "exercises": {"pool": {"starterFails": ["[FAIL] correct result"]}},
                "scripts": [
                    entry("one_by_one.py", "one-by-one", ["items"], fixed={"workers": 1}),
                    entry("pooled.py", "pooled", ["items", "workers"], derived=["mean_in_flight"]),
                    {"file": "compare.py", "variant": "compare", "label": "Both", "description": "Both versions.",
                     "role": "compare", "compares": ["one-by-one", "pooled"], "options": ["items", "workers"],
                     "quickArgs": ["--items", "4"], "measureArgs": [], "pyodide": {"status": "runs"}},
                ],
            }
            (folder / "example.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
            # 5-8. an exercise
            pool = folder / "exercises" / "pool"
            for name, text in EXERCISE.items():
                (pool / name).write_text(textwrap.dedent(text), encoding="utf-8")

            # Then generate: the copies, the links and the READMEs.
            sync = subprocess.run([sys.executable, str(examples / "sync_shared.py")],
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(sync.returncode, 0, sync.stderr)
            after = {path.relative_to(root) for path in root.rglob("*") if path.is_file()}
            written = sorted(str(path.relative_to("examples") if path.parts[0] == "examples" else path)
                             for path in after - before)
            generated = {"scratch-pipelines/compare.py", "scratch-pipelines/README.md",
                         "scratch-pipelines/exercises/pool/checker.py"}
            self.assertEqual(sorted(set(written) - generated), sorted(HAND_WRITTEN))
            self.assertLessEqual(len(HAND_WRITTEN), 8)
            changed = [line for line in sync.stdout.splitlines() if "scratch-pipelines" not in line]
            self.assertEqual(changed, ["updated: examples/README.md"], "only the generated table changes")
            readme = (folder / "README.md").read_text(encoding="utf-8")
            self.assertIn("exercises/pool/", readme)
            self.assertIn("| `scratch-pipelines/` |", (examples / "README.md").read_text(encoding="utf-8"))

            # The example works, through the harness found in ../_shared, as in a clone.
            for name in ("one-by-one", "pooled", "compare"):
                with self.subTest(run=name):
                    run = subprocess.run([sys.executable, "compare.py", name, "--items", "4", "--json"],
                                         cwd=folder, capture_output=True, text=True, timeout=60)
                    self.assertEqual(run.returncode, 0, run.stderr)
                    report = parse_report(run.stdout)
                    self.assertEqual(schema_errors(report, schema("timing-report.schema.json")), [])
            self.assertEqual(schema_errors(meta, schema("example.schema.json")), [])
            plain = subprocess.run([sys.executable, "-X", "dev", "-W", "error", "pooled.py"],
                                   cwd=folder, capture_output=True, text=True, timeout=60)
            self.assertEqual(plain.returncode, 0, plain.stderr)
            # The exercise passes test_exercises.py's checks as they are: declared in example.json, well
            # formed, its starter fails for the declared reason and its solution passes (run as in a clone).
            self.assertIn("scratch-pipelines/pool", map(key, exercise_folders(examples)))
            self.assertEqual(declared_exercises(examples), sorted(map(key, exercise_folders(examples))))
            assert_well_formed(self, pool)
            for file, code, expected in [("exercise.py", 1, starter_fails(examples)["scratch-pipelines/pool"]),
                                         ("solution.py", 0, ["All checks passed."])]:
                with self.subTest(check=file):
                    run = subprocess.run([sys.executable, "check.py", file], cwd=pool,
                                         capture_output=True, text=True, timeout=60)
                    self.assertEqual(run.returncode, code, run.stdout + run.stderr)
                    for line in expected:
                        self.assertIn(line, run.stdout)
            # The names the lesson shows exist in the file it names.
            shown = re.findall(r'"(\w+)"', re.search(r"show=\{\[(.*?)\]\}",
                               (lessons / "scratch-pipelines.mdx").read_text(encoding="utf-8")).group(1))
            source = (folder / "pooled.py").read_text(encoding="utf-8")
            for name in shown:
                self.assertIn(f"def {name}(", source)
        self.assertFalse((EXAMPLES / "scratch-pipelines").exists(), "the scratch lesson stays out of the repository")


if __name__ == "__main__":
    unittest.main()
