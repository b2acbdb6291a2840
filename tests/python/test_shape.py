"""The example files read like teaching code: short files, short functions,
short lines, and the functions the lessons show by name still exist."""

from __future__ import annotations

import ast
import unittest

from tests.python.support import EXAMPLES, example_meta

MAX_VARIANT_LINES = 70  # a variant file, docstring included
MAX_FUNCTION_LINES = 25  # the function a lesson is about
MAX_LINE = 79  # no code block needs to scroll sideways
NOT_ON_A_PAGE = {"_shared/checker.py", "sync_shared.py"}
EXERCISE_PLUMBING = {"check.py", "checker.py", "latency_server.py"}  # in an exercise folder

# The names lessons show with <ExampleCode show="NAME">, per file. Renaming one breaks a lesson.
LESSON_NAMES = {
    "io-bound/sequential.py": ["fetch", "download_all"],
    "io-bound/threads.py": ["fetch", "download_one", "download_all"],
    "io-bound/threads_reuse.py": ["fetch", "download_one", "download_all"],
    "io-bound/async_io.py": ["fetch", "download_one", "download_all"],
    "io-bound/processes.py": ["fetch", "download_one", "download_all"],
    "io-bound/simulated_asyncio.py": ["pretend_download", "pretend_download_all"],
    "cpu-bound/sequential.py": ["sum_of_squares", "chunks", "compute_all"],
    "cpu-bound/threads.py": ["compute_one", "compute_all"],
    "cpu-bound/asyncio_version.py": ["compute_one", "compute_all"],
    "cpu-bound/processes.py": ["timed_sum_of_squares", "compute_all"],
    "overhead/loop.py": ["small_task", "run_all"],
    "overhead/thread_pool.py": ["timed_task", "run_all"],
    "overhead/process_pool.py": ["timed_small_task", "run_all"],
    "race-conditions/unsafe_counter.py": ["Counter", "add_many", "run_threads"],
    "race-conditions/locked_counter.py": ["Counter", "add_many", "run_threads"],
    "race-conditions/plain_counter.py": ["Counter", "add_many", "run_threads"],
    "race-conditions/async_race.py": ["Account", "deposit", "customer", "serve"],
    "race-conditions/async_locked.py": ["Account", "deposit", "customer", "serve"],
    "latency/wall_vs_cpu.py": ["fetch", "request_all"],
    "latency/simulated_wait.py": ["wait_all"],
}
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
        for path, names in LESSON_NAMES.items():
            found = definitions(path)
            for name in names:
                with self.subTest(file=path, name=name):
                    self.assertIn(name, found)
                    node = found[name]
                    if not isinstance(node, ast.ClassDef):
                        length = (node.end_lineno or node.lineno) - node.lineno + 1
                        self.assertLessEqual(length, MAX_FUNCTION_LINES)


if __name__ == "__main__":
    unittest.main()
