"""The example files read like teaching code: short files, short functions,
short lines, and the functions the lessons show by name still exist."""

from __future__ import annotations

import ast
import re
import unittest

from tests.python.support import EXAMPLES, example_meta

MAX_VARIANT_LINES = 45  # a variant file, docstring included
MAX_FUNCTION_LINES = 25  # the function a lesson is about
MAX_LINE = 79  # no code block needs to scroll sideways
NOT_ON_A_PAGE = {"_shared/checker.py", "_shared/harness.py", "_shared/link.py", "sync_shared.py"}
EXERCISE_PLUMBING = {"check.py", "checker.py", "latency_server.py"}  # in an exercise folder
LESSONS = EXAMPLES.parent / "src" / "content" / "docs" / "lessons"
# What a variant must not hold: the harness observes it from outside.
INSTRUMENTS = ("recorder", "harness", "TaskRecorder", "Job(", "run.args", "ignore_ctrl_c", "runner")


def lesson_names() -> dict[str, set[str]]:
    """The names lessons show with <ExampleCode example=... file=... show=...>, per file: read from
    the lessons themselves, so a new lesson needs no entry here."""
    names: dict[str, set[str]] = {}
    for page in sorted(LESSONS.glob("*.mdx")):
        for block in re.findall(r"<ExampleCode(.*?)/>", page.read_text(encoding="utf-8"), re.S):
            example = re.search(r"example=[\"']([^\"']+)", block)
            file = re.search(r"\bfile=[\"']([^\"']+)", block)
            show = re.search(r"show=(?:[\"']([^\"']+)[\"']|\{\[(.*?)\]\})", block, re.S)
            if not (example and file and show):
                continue
            shown = [show.group(1)] if show.group(1) else re.findall(r"[\"']([^\"']+)[\"']", show.group(2))
            names.setdefault(f"{example.group(1)}/{file.group(1)}", set()).update(shown)
    return names


SLUGS = sorted(path.parent.name for path in EXAMPLES.glob("*/example.json"))


def definitions(path: str) -> dict[str, ast.AST]:
    tree = ast.parse((EXAMPLES / path).read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


class ShapeTest(unittest.TestCase):
    def test_variant_files_are_short(self) -> None:
        for slug in SLUGS:
            for entry in example_meta(slug)["scripts"]:
                if entry["role"] != "variant":
                    continue
                with self.subTest(file=f"{slug}/{entry['file']}"):
                    lines = (EXAMPLES / slug / entry["file"]).read_text(encoding="utf-8").splitlines()
                    self.assertLessEqual(len(lines), MAX_VARIANT_LINES)

    def test_no_line_is_longer_than_79_characters(self) -> None:
        for path in sorted(EXAMPLES.rglob("*.py")):
            # Lessons show the example folders' code and each exercise's exercise.py and solution.py.
            # The exercise plumbing (check.py, checker.py and the copied latency_server.py in an exercise
            # folder) and the maintainers' sync tool are never shown on a page, so they keep the
            # repository's wider lines.
            plumbing = "exercises" in path.parts and path.name in EXERCISE_PLUMBING
            if plumbing or path.relative_to(EXAMPLES).as_posix() in NOT_ON_A_PAGE:
                continue
            with self.subTest(file=str(path.relative_to(EXAMPLES))):
                long = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                        if len(line) > MAX_LINE]
                self.assertEqual(long, [], f"lines over {MAX_LINE} characters")

    def test_lesson_names_exist_and_are_short(self) -> None:
        names_by_file = lesson_names()
        self.assertGreater(len(names_by_file), 10, "no <ExampleCode show=...> found in the lessons")
        for path, names in names_by_file.items():
            found = definitions(path)
            for name in sorted(names):
                with self.subTest(file=path, name=name):
                    self.assertIn(name, found)
                    node = found[name]
                    if not isinstance(node, ast.ClassDef):
                        length = (node.end_lineno or node.lineno) - node.lineno + 1
                        self.assertLessEqual(length, MAX_FUNCTION_LINES)


    def test_variants_hold_no_instruments(self) -> None:
        """Plain teaching code: no recorder, no registration, no runner; main() runs it."""
        for slug in SLUGS:
            for entry in example_meta(slug)["scripts"]:
                if entry["role"] != "variant":
                    continue
                with self.subTest(file=f"{slug}/{entry['file']}"):
                    text = (EXAMPLES / slug / entry["file"]).read_text(encoding="utf-8")
                    self.assertEqual([word for word in INSTRUMENTS if word in text], [])
                    self.assertIn("def main() -> None:", text)
                    self.assertIn("time.perf_counter()", text)
                    self.assertIn('if __name__ == "__main__":\n    main()', text)


if __name__ == "__main__":
    unittest.main()
