"""The exercises: each checker fails the untouched exercise.py for the reason its task states,
passes solution.py, and gives a clear verdict, in bounded time and with nothing left running,
on the mistakes a learner makes (syntax error, wrong name, crash, garbage, hang, leftovers,
Ctrl-C), and on the answers in tests/python/answers/<example>/<exercise>/ (optional, per
exercise): wrong_*.py and right_*.py, each with a docstring naming its kind (KINDS) and the
verdict it must get. What the untouched exercise.py must get is declared in the example's own
example.json ("exercises": {"<name>": {"starterFails": [...]}}), so a new exercise needs no
edit here.

Every run works on a copy of one exercise folder alone in a temporary directory, as a learner
has it after unzipping. Speed thresholds are ratios to a bound measured in the same run (see
each check.py); nothing here compares absolute seconds except the upper bounds that prove the
checker never hangs.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import textwrap
import time
import types
import unittest
from pathlib import Path

from tests.python.support import (
    EXAMPLES,
    POSIX,
    SHARED,
    RunningScript,
    make_standalone,
    run_script,
    wait_until_group_gone,
)

ANSWERS = Path(__file__).resolve().parent / "answers"

# The kinds of answers issue 20 found checkers fooled by; each has answers of its own.
KINDS = {
    "work": "results without the work (hard-coded, precomputed, built without requests)",
    "limits": "more concurrency than the task allows, or none",
    "race-window": "the race window moved (pause before the read, dead or unawaited pause)",
    "escape": "processes that escape the program (new session, double fork)",
    "noise": "noise decides (completion order, faster than possible)",
    "right": "right answers written differently",
    "messages": "messages from the cause (tracebacks in threads, lock kinds, guard, loops)",
}
FILES = ("exercise.py", "check.py", "solution.py", "HINTS.md", "checker.py")


def exercise_folders(examples: Path = EXAMPLES) -> list[Path]:
    """Every exercise folder: exercises/<name>/ with a check.py, in any example."""
    return sorted(path.parent for path in examples.glob("*/exercises/*/check.py"))


def key(folder: Path) -> str:
    return f"{folder.parent.parent.name}/{folder.name}"


def starter_fails(examples: Path = EXAMPLES) -> dict[str, list[str]]:
    """For each exercise ("<example>/<name>"), the [FAIL] lines the untouched exercise.py must get:
    the reason its task states, from its example.json ("exercises"); [] where none is declared."""
    fails = {}
    for folder in exercise_folders(examples):
        declared = json.loads((folder.parent.parent / "example.json").read_text(encoding="utf-8"))
        entry = declared.get("exercises", {}).get(folder.name, {})
        fails[key(folder)] = entry.get("starterFails", [])
    return fails


def declared_exercises(examples: Path = EXAMPLES) -> list[str]:
    """Every exercise that an example.json declares, as "<example>/<name>"."""
    return sorted(f"{path.parent.name}/{name}" for path in examples.glob("*/example.json")
                  for name in json.loads(path.read_text(encoding="utf-8")).get("exercises", {}))


def assert_well_formed(case: unittest.TestCase, folder: Path) -> None:
    """An exercise folder has its files, a docstring that states the task, and hints in order."""
    for name in FILES:
        case.assertTrue((folder / name).is_file(), f"{key(folder)} has no {name}")
    docstring = (folder / "exercise.py").read_text(encoding="utf-8")
    case.assertTrue(docstring.startswith('"""Exercise: '), key(folder))
    case.assertIn("TODO", docstring, key(folder))
    case.assertIn("python3 check.py", docstring, key(folder))
    hints = (folder / "HINTS.md").read_text(encoding="utf-8")
    case.assertGreaterEqual(hints.count("\n## Hint "), 3, key(folder))
    case.assertIn("the answer", hints.rsplit("\n## Hint ", 1)[1], key(folder))


EXERCISES = exercise_folders()
STARTER_FAILS = starter_fails()


class ExerciseCase(unittest.TestCase):
    """Copies exercise folders alone into a temporary directory."""

    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="exercise-test-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def copy(self, name: str, under: str = "") -> Path:
        source = next(folder for folder in EXERCISES if key(folder) == name)
        destination = self.tmp / under / source.name
        shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))
        make_standalone(destination)  # as a download holds it: the shared modules in place of links
        return destination

    def check(self, folder: Path, *args: str, timeout: float = 60):
        return run_script(folder / "check.py", args, timeout=timeout, cwd=folder)

    def assertVerdict(self, result, returncode: int, *lines: str) -> None:
        output = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        self.assertEqual(result.returncode, returncode, output)
        for line in lines:
            self.assertIn(line, result.stdout, output)
        self.assertNotIn("Traceback", result.stdout + result.stderr, output)
        if returncode == 1:
            self.assertIn("\nHint: ", result.stdout, output)
        verdicts = [line for line in result.stdout.splitlines() if line.startswith("  [")]
        self.assertEqual([line for line in verdicts if re.search(r"\d\.\d{3,} ?(s|x)\b", line)], [],
                         "round the numbers in a verdict")
        self.assertNotRegex(result.stdout, r"\ba [aeiou]", "grammar: 'an' before a vowel")

    def assertNothingLeftBehind(self, folder: Path, name: str) -> None:
        source = EXAMPLES / name.split("/")[0] / "exercises" / folder.name
        self.assertEqual(sorted(p.name for p in folder.iterdir()),
                         sorted(p.name for p in source.iterdir() if p.name != "__pycache__"),
                         "the check left files behind in the folder")


class EveryExerciseTest(ExerciseCase):
    def test_every_exercise_is_listed(self) -> None:
        self.assertGreaterEqual(len(EXERCISES), 5)
        # each folder declared in its example.json, with the failure its starter must get; nothing else
        self.assertEqual(declared_exercises(), sorted(map(key, EXERCISES)))
        for name, fails in STARTER_FAILS.items():
            self.assertTrue(fails, f"{name}: no starterFails in its example.json")
        for folder in EXERCISES:
            assert_well_formed(self, folder)

    def test_starter_fails_for_the_reason_its_task_states(self) -> None:
        for name, fails in STARTER_FAILS.items():
            with self.subTest(exercise=name):
                folder = self.copy(name)
                self.assertVerdict(self.check(folder), 1, "Checking exercise.py", *fails)
                self.assertNothingLeftBehind(folder, name)


class SolutionTest(ExerciseCase):
    """Every solution passes, its speed verdict included: npm test runs this class alone
    (scripts/lib/pythons.ts TIMED_TESTS), since a speed verdict depends on the CPUs it gets."""

    def test_solution_passes(self) -> None:
        for name in STARTER_FAILS:
            with self.subTest(exercise=name):
                folder = self.copy(name)
                result = self.check(folder, "solution.py")
                skip_if_busy(self, result)
                self.assertVerdict(result, 0, "All checks passed.")
                self.assertNothingLeftBehind(folder, name)


def skip_if_busy(case: unittest.TestCase, result) -> None:
    """A check that could not measure speed exits 3 and says so: never a pass, and for a test
    a skip that says why (the machine was too busy to judge a speed)."""
    if result.returncode == 3:
        case.assertIn("Could not check speed", result.stdout, result.stdout)
        case.skipTest("the machine was too busy to judge the speed:\n"
                      + "\n".join(l for l in result.stdout.splitlines() if "[busy]" in l))


def answers(timed: bool) -> list[tuple[str, Path, dict[str, list[str]]]]:
    """(exercise, file, fields of its docstring) for every answer, timed ones or the others."""
    found = []
    for path in sorted(ANSWERS.glob("*/*/*.py")):
        fields = answer_fields(path)
        if (fields.get("Timed") == ["yes"]) == timed:
            found.append((f"{path.parent.parent.name}/{path.parent.name}", path, fields))
    return found


def answer_fields(path: Path) -> dict[str, list[str]]:
    """`Name: value` lines of an answer's docstring (Kind, Exit, Expect, Timed)."""
    fields: dict[str, list[str]] = {}
    docstring = path.read_text(encoding="utf-8").split('"""')[1]
    for line in docstring.splitlines():
        match = re.fullmatch(r"(Kind|Exit|Expect|Timed): (.*)", line.strip())
        if match:
            fields.setdefault(match[1], []).append(match[2].replace('\\"', '"'))
    return fields


class AnswerCase(ExerciseCase):
    def run_answers(self, timed: bool) -> None:
        for name, path, fields in answers(timed):
            with self.subTest(exercise=name, answer=path.name):
                folder = self.copy(name, under=path.stem)
                shutil.copy(path, folder / path.name)
                started = time.monotonic()
                result = self.check(folder, path.name, timeout=90)
                took = time.monotonic() - started
                exit_code = int(fields["Exit"][0])
                if timed:
                    skip_if_busy(self, result)
                self.assertVerdict(result, exit_code, *fields.get("Expect", []))
                marker = path.with_suffix(".pid").name
                if (folder / marker).exists():  # an answer that started a process to escape
                    escaped = int((folder / marker).read_text())
                    self.assertFalse(_alive(escaped), f"{path.name}: its process {escaped} survived")
                if fields["Kind"] == ["escape"]:
                    self.assertLess(took, 20, "a leftover must not hold the check up")


class AnswersTest(AnswerCase):
    """Wrong answers fail with their reason, right answers pass: the answers whose verdict
    does not depend on how much CPU the check gets."""

    def test_every_kind_has_answers(self) -> None:
        every = answers(True) + answers(False)
        for kind in KINDS:
            with self.subTest(kind=kind):
                self.assertTrue([p for _, p, f in every if f["Kind"] == [kind]], kind)
        for _, path, fields in every:
            self.assertIn(fields.get("Kind", ["?"])[0], KINDS, path)
            self.assertTrue(path.name.startswith(("wrong_", "right_")), path)
            self.assertEqual(fields["Exit"], ["0"] if path.name.startswith("right_") else ["1"], path)
            self.assertTrue(fields.get("Expect"), path)
        # Answers are optional per exercise (its exercise.py is a wrong answer, its solution.py a
        # right one); those here belong to an exercise that exists.
        exercises = {name for name, _, _ in every}
        self.assertLessEqual(exercises, set(STARTER_FAILS), "answers for an exercise that does not exist")

    @unittest.skipUnless(sys.platform.startswith("linux"), "escapes are caught on Linux only")
    def test_answers(self) -> None:
        self.run_answers(timed=False)


class TimedAnswersTest(AnswerCase):
    """The answers whose verdict is a speed (npm test runs this class with the timed tests,
    scripts/lib/pythons.ts TIMED_TESTS); a busy machine makes them skip, never pass."""

    def test_answers(self) -> None:
        self.run_answers(timed=True)


class WrongSolutionsTest(ExerciseCase):
    """Plausible wrong answers get the verdict and hint they deserve: verdicts no busy machine
    can change (a failure elsewhere fails however busy; timeouts are waits), so they run side by side."""

    def write(self, folder: Path, source: str, name: str = "attempt.py") -> str:
        (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")
        return name

    def test_removing_the_pause_is_not_a_fix(self) -> None:
        folder = self.copy("race-conditions/threads-lock")
        source = (folder / "exercise.py").read_text(encoding="utf-8").replace(
            "        time.sleep(0)  # 2. pause: another thread may run now\n", "")
        result = self.check(folder, self.write(folder, source))
        self.assertVerdict(result, 1, "[FAIL] the pause runs between the read and the write",
                           "(one did: read, write)")

    def test_a_new_lock_per_call_protects_nothing(self) -> None:
        folder = self.copy("race-conditions/threads-lock")
        source = (folder / "exercise.py").read_text(encoding="utf-8").replace(
            "        balance = self.balance  # 1. read\n"
            "        time.sleep(0)  # 2. pause: another thread may run now\n"
            "        self.balance = balance + amount  # 3. write back what was read + amount\n",
            "        with threading.Lock():\n"
            "            balance = self.balance\n"
            "            time.sleep(0)\n"
            "            self.balance = balance + amount\n")
        result = self.check(folder, self.write(folder, source))
        self.assertVerdict(result, 1, "[FAIL] no lost deposits", "in __init__, not in deposit()")

    def test_a_threading_lock_in_asyncio_code_hangs_and_is_stopped(self) -> None:
        folder = self.copy("race-conditions/asyncio-lock")
        source = (folder / "solution.py").read_text(encoding="utf-8")
        source = source.replace("asyncio.Lock()", "threading.Lock()").replace(
            "async with self.lock:", "with self.lock:").replace(
            "import asyncio\n", "import asyncio\nimport threading\n", 1)
        started = time.monotonic()
        result = self.check(folder, self.write(folder, source), timeout=30)
        self.assertVerdict(result, 1, "did not return within", "Use an asyncio.Lock")
        self.assertLess(time.monotonic() - started, 20)

    def test_waiting_with_a_timeout_leaves_a_thread_behind(self) -> None:
        folder = self.copy("overhead/timeouts")
        result = self.check(folder, self.write(folder, """\
            import urllib.request
            from concurrent.futures import ThreadPoolExecutor, wait

            def fetch(url):
                with urllib.request.urlopen(url) as response:  # no timeout
                    return response.read()

            def download_all(urls, timeout):
                pool = ThreadPoolExecutor(max_workers=len(urls))
                futures = [pool.submit(fetch, url) for url in urls]
                wait(futures, timeout=timeout)
                pool.shutdown(wait=False)
                return [f.result() if f.done() else None for f in futures]
            """))
        self.assertVerdict(result, 1, "[ok]   correct result", "[FAIL] clean shutdown",
                           "only stops your wait")

    def test_sequential_timeouts_are_too_slow(self) -> None:
        folder = self.copy("overhead/timeouts")
        source = (folder / "solution.py").read_text(encoding="utf-8")
        source = source.replace("        return list(pool.map(fetch, urls, [timeout] * len(urls)))",
                                "        return [fetch(url, timeout) for url in urls]")
        result = self.check(folder, self.write(folder, source))
        self.assertVerdict(result, 1, "[FAIL] in time", "all wait at once")

    def test_asyncio_exercise_with_a_plain_function(self) -> None:
        folder = self.copy("io-bound/asyncio")
        result = self.check(folder, self.write(folder, "def download_all(urls):\n    return []\n"))
        self.assertVerdict(result, 1, "is not a coroutine function", "async def download_all")

    def test_forgotten_await_returns_coroutines(self) -> None:
        folder = self.copy("io-bound/asyncio")
        source = (folder / "exercise.py").read_text(encoding="utf-8").replace(
            "    return [await fetch(url) for url in urls]",
            "    return [fetch(url) for url in urls]")
        result = self.check(folder, self.write(folder, source))
        self.assertVerdict(result, 1, "[FAIL] correct result: item 0 is a coroutine")


class ProcessesWrongSolutionTest(ExerciseCase):
    """A wrong answer to the processes exercise, judged while the checker times CPU work (run alone)."""

    write = WrongSolutionsTest.write

    def test_threads_processes_for_cpu_work(self) -> None:
        folder = self.copy("cpu-bound/processes")
        source = (folder / "exercise.py").read_text(encoding="utf-8").replace(
            "    return [count_primes(bounds) for bounds in ranges]",
            "    from concurrent.futures import ThreadPoolExecutor\n"
            "    with ThreadPoolExecutor() as pool:\n"
            "        return list(pool.map(count_primes, ranges))")
        result = self.check(folder, self.write(folder, source))
        # The speed check may pass or fail here: on a busy machine the scheduler can favour a
        # process whose threads keep waking up. The work still ran in one process: that fails.
        self.assertVerdict(result, 1, "[FAIL] ran in worker processes: processes started by count_all() "
                           "used 0.00 s")


class VerdictTest(unittest.TestCase):
    """The verdict logic alone: a speed that cannot be measured is never a pass."""

    def setUp(self) -> None:
        # registered first: its dataclasses look their module up in sys.modules
        self.checker = sys.modules.setdefault("checker_under_test", types.ModuleType("checker_under_test"))
        if not hasattr(self.checker, "Report"):
            self.checker.__file__ = str(SHARED / "checker.py")
            code = compile((SHARED / "checker.py").read_text(encoding="utf-8"),
                           self.checker.__file__, "exec")
            exec(code, self.checker.__dict__)
        self.report = self.checker.Report()

    def verdict(self, speedup: float, **options) -> tuple[object, int, str]:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            verdict = self.checker.speed_verdict(
                self.report, elapsed_s=10 / speedup, sequential_s=10, ideal_s=5, share=0.75,
                ideal_words="on 2 CPUs", hint="go faster", **options)
            code = self.report.finish()
        return verdict, code, output.getvalue()

    def test_a_busy_machine_says_it_could_not_check(self) -> None:
        verdict, code, text = self.verdict(1.2, final=True, measurable=False,
                                           busy_words="the machine was busy")
        self.assertIsNone(verdict)
        self.assertEqual(code, 3)
        self.assertIn("[busy] fast enough: could not check speed", text)
        self.assertIn("Could not check speed: run again on a quieter machine", text)
        self.assertNotIn("All checks passed", text)

    def test_a_failure_elsewhere_still_fails_on_a_busy_machine(self) -> None:
        self.report.fail("correct result: wrong", "fix it")
        _, code, text = self.verdict(1.2, final=True, measurable=False, busy_words="busy")
        self.assertEqual(code, 1)
        self.assertIn("Hint: fix it", text)

    def test_a_slow_answer_on_a_quiet_machine_fails(self) -> None:
        verdict, code, text = self.verdict(1.2, final=True)
        self.assertIs(verdict, False)
        self.assertEqual(code, 1)
        self.assertIn("[FAIL] fast enough: 1.2x", text)

    def test_faster_than_possible_fails_with_its_own_message(self) -> None:
        verdict, code, text = self.verdict(6.7, final=True)
        self.assertIs(verdict, False)
        self.assertIn("[FAIL] faster than possible: did it do the work? 6.7x", text)
        verdict, _, text = self.verdict(6.7, final=False)
        self.assertIsNone(verdict, "measured again before failing")

    def test_numbers_and_words(self) -> None:
        self.assertEqual(self.checker.seconds(8.31197), "8.3 s")
        self.assertEqual(self.checker.seconds(30.0), "30 s")
        self.assertEqual(self.checker.seconds(0.253), "0.25 s")
        self.assertEqual(self.checker.describe(3), "an int (3)")
        self.assertEqual(self.checker.describe(2.5), "a float (2.5)")


class BadInputTest(ExerciseCase):
    """Whatever the learner's file does, the checker answers in bounded time, exits 1 with a
    clear message, prints no traceback, and leaves nothing running."""

    # The asyncio lock exercise: its check is quick and stops a call after 5 s.
    EXERCISE = "race-conditions/asyncio-lock"

    def verdict(self, source: str, *lines: str, within: float = 15) -> str:
        folder = self.copy(self.EXERCISE)
        (folder / "attempt.py").write_text(textwrap.dedent(source), encoding="utf-8")
        started = time.monotonic()
        result = self.check(folder, "attempt.py", timeout=within + 10)
        self.assertLess(time.monotonic() - started, within)
        self.assertVerdict(result, 1, *lines)
        return result.stdout

    def test_syntax_error(self) -> None:
        self.verdict("async def run_deposits(customers, deposits)\n    return 0\n",
                     "attempt.py has a syntax error on line 1")

    def test_wrong_function_name(self) -> None:
        self.verdict("async def run_deposit(customers, deposits):\n    return 0\n",
                     "attempt.py has no function named run_deposits() (it defines: run_deposit)")

    def test_crash(self) -> None:
        self.verdict("async def run_deposits(customers, deposits):\n    return 1 / 0\n",
                     "run_deposits() raised ZeroDivisionError: division by zero "
                     "(attempt.py, line 2: `return 1 / 0`)")

    def test_crash_on_import(self) -> None:
        self.verdict("import no_such_module_here\n",
                     "importing attempt.py raised ModuleNotFoundError")

    def test_exit_on_import(self) -> None:
        self.verdict("import sys\nsys.exit(3)\n", "attempt.py called sys.exit(3) while being imported")

    def test_hard_exit(self) -> None:
        self.verdict("import os\nasync def run_deposits(c, d):\n    os._exit(0)\n",
                     "attempt.py stopped (exit code 0) before run_deposits() returned")

    def test_garbage_output_and_result(self) -> None:
        stdout = self.verdict(
            "import sys\n"
            "async def run_deposits(customers, deposits):\n"
            "    print('{not json' * 10000)\n"
            "    sys.stderr.write('\\x00\\xff garbage\\n' * 1000)\n"
            "    return object()\n",
            "got an object")
        self.assertLess(len(stdout), 3000, "the learner's output must not flood the verdict")

    def test_infinite_loop(self) -> None:
        self.verdict("async def run_deposits(customers, deposits):\n    while True:\n        pass\n",
                     "run_deposits() did not return within 5 s")

    def test_blocking_call_with_endless_output(self) -> None:
        stdout = self.verdict(
            "import time\n"
            "async def run_deposits(customers, deposits):\n"
            "    while True:\n"
            "        print('still here ' * 20, flush=True)\n"
            "        time.sleep(0.001)\n",
            "run_deposits() did not return within 5 s", "its last output:", "| still here")
        self.assertLess(len(stdout), 3000)

    def test_leftover_process_is_reported_and_killed(self) -> None:
        marker = self.tmp / "grandchild.pid"
        self.verdict(f"""\
            import subprocess, sys
            async def run_deposits(customers, deposits):
                child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
                open({str(marker)!r}, "w").write(str(child.pid))
                return customers * deposits
            """, "[FAIL] clean shutdown: the program exited but left 5 processes running",
              " -c import time; time.sleep(60)` (pid ", "the check ended them")  # python3 or python3.13t
        self.assertFalse(_alive(int(marker.read_text())), "the leftover process is still running")

    def test_thread_left_running_is_reported(self) -> None:
        self.verdict("""\
            import threading, time
            async def run_deposits(customers, deposits):
                threading.Thread(target=time.sleep, args=(60,)).start()
                return customers * deposits
            """, "[FAIL] clean shutdown", "was still running 3 s later")

    def test_missing_file_and_wrong_suffix(self) -> None:
        folder = self.copy(self.EXERCISE)
        result = self.check(folder, "nope.py")
        self.assertEqual(result.returncode, 1)
        self.assertIn("nope.py: no such file", result.stderr)
        result = self.check(folder, "HINTS.md")
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not a .py file", result.stderr)

    @unittest.skipUnless(POSIX, "Ctrl-C is simulated with SIGINT to a process group")
    def test_ctrl_c_stops_the_check_and_the_learners_code(self) -> None:
        folder = self.copy("race-conditions/threads-lock")  # its check waits 10 s for a call
        marker = self.tmp / "learner.pid"
        (folder / "attempt.py").write_text(textwrap.dedent(f"""\
            import os, time
            def run_deposits(threads, deposits):
                with open({str(marker) + ".tmp"!r}, "w") as file:
                    file.write(str(os.getpid()))
                os.replace({str(marker) + ".tmp"!r}, {str(marker)!r})  # whole, or not there
                time.sleep(60)
            """), encoding="utf-8")
        check = RunningScript(folder / "check.py", ["attempt.py"], cwd=folder)
        self.addCleanup(check.close)
        deadline = time.monotonic() + 15
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(marker.exists(), "the learner's code never started")
        learner = int(marker.read_text())
        check.interrupt()  # the terminal sends SIGINT to the checker's group only
        # A hang guard, not a timing: left alone the check gives up on the sleeping call by itself, with exit code 1;
        # 130 is its answer to the Ctrl-C.
        self.assertEqual(check.wait(timeout=60), 130, check.stderr)
        self.assertEqual(check.stderr.strip().splitlines(),
                         ["Interrupted: the check stopped, and stopped everything it had started."])
        self.assertEqual(wait_until_group_gone(check.pgid), [])
        deadline = time.monotonic() + 5
        while _alive(learner) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertFalse(_alive(learner), "the learner's process survived Ctrl-C")


def _alive(pid: int) -> bool:
    """Is `pid` a live process (not a zombie waiting to be reaped)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return Path("/proc").is_dir() is False  # no /proc: os.kill said it exists
    return state not in ("Z", "X")


if __name__ == "__main__":
    unittest.main()
