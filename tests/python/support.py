"""Helpers shared by the Python tests: run example scripts safely, parse and validate their reports.

Standard library only. Every script runs in its own process group (its own session), so a test
can interrupt or kill the script together with any process it started, and no test can hang:
each run has a timeout, after which the whole group is killed and the test fails.

Main helpers
------------
REPO, EXAMPLES, SHARED                   paths
example_meta(slug), script_meta(slug, file)
                                         parsed examples/<slug>/example.json (or one script entry)
load_module(path, name)                  import a file as a module without touching sys.path
report_problems(report, slug, entry)     schema errors + checks against example.json
run_script(script, args, timeout, cwd)   run to completion -> Result(returncode, stdout, stderr, seconds)
parse_report(stdout)                     the single JSON object on stdout (fails on anything else)
schema(name), schema_errors(instance, schema)
                                         load a schema from examples/; validate (subset of 2020-12)
copy_example_alone(slug, parent)         copy one example folder into an empty directory
RunningScript(script, args, cwd)         start a script; .wait_for_stderr(), .interrupt(), .wait()
group_members(pgid)                      live (non-zombie) processes still in a process group
occupied_port()                          context manager: a port on 127.0.0.1 that is taken
ExampleTestCase                          base class: one example folder copied alone into a temporary
                                         directory; .run_script(file, args), .quick_report(file),
                                         assertRatioHolds, assertFailsCleanly, assertCtrlCStopsCleanly
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SHARED = EXAMPLES / "_shared"
POSIX = os.name == "posix"


# --------------------------------------------------------------------------------------------
# Example metadata
# --------------------------------------------------------------------------------------------


def load_json(path: Path) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def example_meta(slug: str) -> dict[str, Any]:
    """The parsed examples/<slug>/example.json."""
    return load_json(EXAMPLES / slug / "example.json")


def script_meta(slug: str, file: str) -> dict[str, Any]:
    """The entry of example.json "scripts" for one file (or "<variant>.py", e.g. sweep.py)."""
    entries = example_meta(slug)["scripts"]
    for entry in entries:
        if entry["file"] == file and entry["role"] != "sweep":
            return entry
    for entry in entries:
        if f"{entry['variant']}.py" == file:
            return entry
    raise KeyError(f"{file} is not listed in examples/{slug}/example.json")


def copy_example_alone(slug: str, parent: Path) -> Path:
    """Copy examples/<slug> into parent/<slug>, as a learner's unzipped download holds it: the
    folder, plus the shared modules the build puts in (harness.py; in an exercise folder, the
    module itself where the repository keeps a link to examples/_shared/)."""
    destination = Path(parent) / slug
    shutil.copytree(EXAMPLES / slug, destination, ignore=shutil.ignore_patterns("__pycache__"))
    make_standalone(destination)
    return destination


def make_standalone(folder: Path) -> None:
    """Put into a copied example folder what a download adds to it (see src/lib/shared-files.ts)."""
    link = (SHARED / "link.py").read_bytes()
    if (folder / "example.json").is_file():
        shutil.copyfile(SHARED / "harness.py", folder / "harness.py")
    for path in folder.rglob("*.py"):
        if path.read_bytes() == link:
            shutil.copyfile(SHARED / path.name, path)


def load_module(path: Path, name: str) -> ModuleType:
    """Import the file at `path` as a module called `name` (without touching sys.path)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report_problems(report: dict[str, Any], slug: str, entry: dict[str, Any]) -> list[str]:
    """Everything wrong with a script's --json report: schema errors, plus checks a schema
    cannot express (names match example.json; each task starts before it ends, within the run)."""
    problems = schema_errors(report, schema("timing-report.schema.json"))
    for key, expected in (("example", slug), ("script", entry["file"]), ("variant", entry["variant"])):
        if report.get(key) != expected:
            problems.append(f"{key} is {report.get(key)!r}, example.json says {expected!r}")
    if report.get("status") == "ok" and not problems:
        for task in report["tasks"]:
            if not task["start_s"] <= task["end_s"] <= report["elapsed_s"] + 0.01:
                problems.append(f"task {task} is not within 0..elapsed_s={report['elapsed_s']}")
        ids = [task["id"] for task in report["tasks"]]
        if len(ids) != len(set(ids)):
            problems.append("task ids are not unique")
    return problems


# --------------------------------------------------------------------------------------------
# Running scripts
# --------------------------------------------------------------------------------------------


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def _command(script: Path, args: Sequence[str]) -> list[str]:
    """`python3 script args`; a variant of an example runs through its folder's compare.py, the
    harness that times it from outside: `python3 compare.py <variant> args`."""
    folder = script.parent
    if script.name != "compare.py" and (folder / "example.json").is_file():
        for entry in load_json(folder / "example.json")["scripts"]:
            if script.name in (entry["file"], f"{entry['variant']}.py") and (
                entry["role"] != "sweep" or script.name == "sweep.py"
            ):
                return [sys.executable, str(folder / "compare.py"), entry["variant"], *args]
    return [sys.executable, str(script), *args]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"  # stderr lines arrive as they are printed
    env.pop("PYTHONWARNINGS", None)
    return env


def _kill_group(process: subprocess.Popen[str]) -> None:
    if POSIX:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:
        process.kill()


def run_script(
    script: Path, args: Sequence[str] = (), *, timeout: float = 60, cwd: Path | None = None
) -> Result:
    """Run `python3 script args...` to completion in its own process group.

    If it is still running after `timeout` seconds, the whole group is killed and
    AssertionError is raised with what the script printed so far.
    """
    script = Path(script)
    started = time.perf_counter()
    process = subprocess.Popen(
        _command(script, args),
        cwd=cwd or script.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(),
        start_new_session=POSIX,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        stdout, stderr = process.communicate()
        raise AssertionError(
            f"{script.name} {' '.join(args)} still running after {timeout} s; killed.\n"
            f"stdout:\n{stdout}\nstderr:\n{stderr}"
        ) from None
    finally:
        if process.poll() is None:
            _kill_group(process)
            process.wait()
    return Result(process.returncode, stdout, stderr, time.perf_counter() - started)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def parse_report(stdout: str) -> dict[str, Any]:
    """Parse stdout that must hold exactly one JSON object and nothing else (NaN is rejected)."""
    text = stdout.strip()
    decoder = json.JSONDecoder(parse_constant=_reject_constant)
    value, end = decoder.raw_decode(text)
    if end != len(text):
        raise AssertionError(f"stdout holds more than one JSON value; extra text: {text[end:][:200]!r}")
    if not isinstance(value, dict):
        raise AssertionError(f"stdout holds a JSON {type(value).__name__}, not an object")
    return value


def run_report(folder: Path, script: str, args: Sequence[str]) -> dict[str, Any]:
    """Run `script` of `folder` with `args` (--json among them), check the exit code and the
    schema, return the report."""
    result = run_script(folder / script, list(args), timeout=60, cwd=folder)
    if result.returncode != 0:
        raise AssertionError(f"{script} {args} exited {result.returncode}\nstderr:\n{result.stderr}")
    report = parse_report(result.stdout)
    errors = schema_errors(report, schema("timing-report.schema.json"))
    if errors:
        raise AssertionError(f"{script} report does not match the schema:\n" + "\n".join(errors[:10]))
    return report


def usable_cpus() -> int:
    """CPUs this process may run on (respects affinity where Python can see it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class RunningScript:
    """A script started in the background in its own process group, for Ctrl-C tests."""

    def __init__(self, script: Path, args: Sequence[str] = (), *, cwd: Path | None = None) -> None:
        script = Path(script)
        self.name = script.name
        self.process = subprocess.Popen(
            _command(script, args),
            cwd=cwd or script.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # faulthandler: a script that hangs shows where each of its threads is (SIGABRT, in wait()).
            env={**_environment(), "PYTHONFAULTHANDLER": "1"},
            start_new_session=POSIX,
        )
        self.pgid = self.process.pid  # start_new_session makes the script the group leader
        self._stderr: list[str] = []
        self._got_line = threading.Event()
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._stderr.append(line)
            self._got_line.set()

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    def wait_for_stderr(self, timeout: float = 15) -> str:
        """Wait for the first line on stderr (scripts announce their work there); return it."""
        if not self._got_line.wait(timeout):
            self.kill()
            raise AssertionError(f"{self.name} printed nothing on stderr within {timeout} s")
        return self._stderr[0]

    def interrupt(self) -> None:
        """Send SIGINT to the whole group, as pressing Ctrl-C in a terminal does."""
        os.killpg(self.pgid, signal.SIGINT)

    def wait(self, timeout: float) -> int:
        """Wait for the script to exit; on timeout kill the group and raise AssertionError."""
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            if POSIX:  # the stacks of the hung script's threads, into its stderr
                os.kill(self.process.pid, signal.SIGABRT)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(5)
                self._reader.join(timeout=5)
            self.kill()
            raise AssertionError(
                f"{self.name} did not exit within {timeout} s; killed.\nstderr:\n{self.stderr}"
            ) from None
        self._reader.join(timeout=5)
        return self.process.returncode

    def kill(self) -> None:
        _kill_group(self.process)
        self.process.wait()

    def close(self) -> None:
        """Make sure nothing is left running (use with addCleanup)."""
        if self.process.poll() is None:
            self.kill()
        if POSIX:
            try:
                os.killpg(self.pgid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def group_members(pgid: int) -> list[int]:
    """PIDs of live processes in process group `pgid` (zombies waiting to be reaped don't count)."""
    proc = Path("/proc")
    if not proc.is_dir():  # macOS and others: ask the kernel whether anyone is left
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return []
        return [pgid]
    members = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process ended while we looked
        # /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces.
        fields = stat[stat.rindex(")") + 2 :].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state not in ("Z", "X"):
            members.append(int(entry.name))
    return members


def wait_until_group_gone(pgid: int, timeout: float = 5) -> list[int]:
    """Wait until no live process remains in the group; return the PIDs still there at the end."""
    deadline = time.monotonic() + timeout
    while True:
        members = group_members(pgid)
        if not members or time.monotonic() > deadline:
            return members
        time.sleep(0.05)


@contextmanager
def occupied_port() -> Iterator[int]:
    """A port on 127.0.0.1 held by a listening socket for the duration of the block."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


# --------------------------------------------------------------------------------------------
# A small JSON Schema validator (the subset of draft 2020-12 the examples' schemas use)
# --------------------------------------------------------------------------------------------


def schema(name: str) -> dict[str, Any]:
    """Load examples/<name>, e.g. schema("timing-report.schema.json")."""
    return load_json(EXAMPLES / name)


_ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}
_KEYWORDS = {
    "type", "enum", "const", "required", "properties", "additionalProperties", "items",
    "minItems", "maxItems", "uniqueItems", "minimum", "minLength", "pattern", "anyOf", "oneOf", "$ref",
}
_TYPES = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON sees it: true is not 1, unlike in Python."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b


def _resolve(ref: str, root: dict[str, Any]) -> dict[str, Any]:
    if ref == "#":
        return root
    match = re.fullmatch(r"#/\$defs/([^/]+)", ref)
    if match is None:
        raise ValueError(f"unsupported $ref {ref!r} (only '#' and '#/$defs/<name>')")
    return root["$defs"][match.group(1)]


def schema_errors(instance: Any, schema: dict[str, Any], *, root: dict[str, Any] | None = None,
                  path: str = "$") -> list[str]:
    """Return a list of errors (empty when `instance` is valid). Unknown keywords raise ValueError,
    so the schema cannot silently rely on a feature this validator does not check."""
    root = schema if root is None else root
    unknown = set(schema) - _KEYWORDS - _ANNOTATIONS
    if unknown:
        raise ValueError(f"schema at {path} uses unsupported keywords: {sorted(unknown)}")
    errors: list[str] = []

    def check(sub: Any, subschema: dict[str, Any], subpath: str) -> list[str]:
        return schema_errors(sub, subschema, root=root, path=subpath)

    if "$ref" in schema:
        errors += check(instance, _resolve(schema["$ref"], root), path)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[name](instance) for name in types):
            return errors + [f"{path}: expected {' or '.join(types)}, got {json.dumps(instance)[:80]}"]
    if "const" in schema and not _json_equal(instance, schema["const"]):
        errors.append(f"{path}: expected {json.dumps(schema['const'])}, got {json.dumps(instance)[:80]}")
    if "enum" in schema and not any(_json_equal(instance, option) for option in schema["enum"]):
        errors.append(f"{path}: {json.dumps(instance)[:80]} is not one of {json.dumps(schema['enum'])}")
    if _TYPES["number"](instance) and "minimum" in schema and instance < schema["minimum"]:
        errors.append(f"{path}: {instance} is less than {schema['minimum']}")
    if isinstance(instance, str):
        if len(instance) < schema.get("minLength", 0):
            errors.append(f"{path}: shorter than {schema['minLength']} characters")
        if "pattern" in schema and re.search(schema["pattern"], instance) is None:
            errors.append(f"{path}: {instance!r} does not match {schema['pattern']!r}")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(instance) > schema["maxItems"]:
            errors.append(f"{path}: more than {schema['maxItems']} items")
        if schema.get("uniqueItems"):
            seen = [json.dumps(item, sort_keys=True) for item in instance]
            if len(seen) != len(set(seen)):
                errors.append(f"{path}: items are not unique")
        if "items" in schema:
            for index, item in enumerate(instance):
                errors += check(item, schema["items"], f"{path}[{index}]")
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            if key not in instance:
                errors.append(f"{path}: missing required property {key!r}")
        properties = schema.get("properties", {})
        for key, value in instance.items():
            if key in properties:
                errors += check(value, properties[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected property {key!r}")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += check(value, schema["additionalProperties"], f"{path}.{key}")
    if "anyOf" in schema:
        branches = [check(instance, branch, path) for branch in schema["anyOf"]]
        if all(branches):
            errors.append(f"{path}: matches none of anyOf: " + " | ".join(b[0] for b in branches))
    if "oneOf" in schema:
        branches = [check(instance, branch, path) for branch in schema["oneOf"]]
        passing = sum(1 for branch in branches if not branch)
        if passing != 1:
            detail = " | ".join(b[0] for b in branches if b) if passing == 0 else f"{passing} branches match"
            errors.append(f"{path}: must match exactly one of oneOf ({detail})")
    return errors


# --------------------------------------------------------------------------------------------
# A base class for the tests of one example folder
# --------------------------------------------------------------------------------------------


class ExampleTestCase(unittest.TestCase):
    """Tests of one example, run from a copy of its folder alone in an empty temporary directory,
    as a learner who downloaded only that folder would run it. Set `slug` in the subclass."""

    slug = ""
    quick_timeout = 60.0  # seconds; a quick run takes a few

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls._tmp = tempfile.TemporaryDirectory(prefix=f"example-{cls.slug}-")
        cls.folder = copy_example_alone(cls.slug, Path(cls._tmp.name))
        cls.meta = example_meta(cls.slug)
        cls._quick_reports: dict[str, dict[str, Any]] = {}

    @classmethod
    def tearDownClass(cls) -> None:
        cls._tmp.cleanup()
        super().tearDownClass()

    def entry(self, file: str) -> dict[str, Any]:
        return script_meta(self.slug, file)

    def run_script(self, file: str, args: Sequence[str] = (), timeout: float | None = None) -> Result:
        """Run `python3 <file> args` in the copied folder."""
        return run_script(self.folder / file, args, timeout=timeout or self.quick_timeout)

    def quick_report(self, file: str) -> dict[str, Any]:
        """Run the script with its quickArgs and --json (once per class); check and return the report."""
        if file not in self._quick_reports:
            entry = self.entry(file)
            result = self.run_script(file, [*entry["quickArgs"], "--json"])
            self.assertEqual(result.returncode, 0, f"{file} failed:\n{result.stderr}")
            report = parse_report(result.stdout)
            self.assertEqual(report_problems(report, self.slug, entry), [], f"{file}: invalid report")
            self._quick_reports[file] = report
        return self._quick_reports[file]

    def assertRatioHolds(
        self,
        file: str,
        holds: Callable[[dict[str, Any]], bool],
        describe: Callable[[dict[str, Any]], str],
        attempts: int = 3,
    ) -> dict[str, Any]:
        """Check a timing ratio on the quick run of `file`, measuring again (up to `attempts` runs
        in all) if it does not hold. A busy machine can only make concurrent versions look slower,
        never faster, so a ratio seen once is real; a true regression fails every attempt."""
        seen = []
        busy = 0
        report = self.quick_report(file)
        for attempt in range(attempts):
            if attempt:
                result = self.run_script(file, [*self.entry(file)["quickArgs"], "--json"])
                self.assertEqual(result.returncode, 0, result.stderr)
                report = parse_report(result.stdout)
            if holds(report):
                return report
            seen.append(describe(report))
            busy += bool(report.get("contention", {}).get("busy"))
        if busy == attempts:  # the harness saw other programs take the CPUs in every run
            self.skipTest(f"{file}: the machine was busy in all {attempts} runs: " + "; ".join(seen))
        self.fail(f"{file}: the ratio did not hold in {attempts} runs: " + "; ".join(seen))

    def assertFailsCleanly(self, result: Result, returncode: int, message: str) -> None:
        """Exit code as expected, the message on stderr, no traceback, nothing on stdout."""
        self.assertEqual(result.returncode, returncode, f"stderr:\n{result.stderr}")
        self.assertIn(message, result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(result.stdout, "")

    def assertCtrlCStopsCleanly(self, file: str, args: Sequence[str], settle_s: float = 0.5) -> None:
        """Start the script, wait until it is working, press Ctrl-C: it must exit with 130 (its
        answer to the Ctrl-C), print no traceback, and leave no process of its group behind."""
        script = RunningScript(self.folder / file, args)
        self.addCleanup(script.close)
        script.wait_for_stderr()
        time.sleep(settle_s)
        self.assertIsNone(script.process.poll(), f"{file} finished before Ctrl-C; give it more work")
        script.interrupt()
        returncode = script.wait(timeout=60)  # a hang guard, not a timing (a loaded machine is slow to wind down)
        self.assertEqual(returncode, 130, f"stderr:\n{script.stderr}")
        self.assertNotIn("Traceback", script.stderr)
        self.assertEqual(wait_until_group_gone(script.pgid), [], f"{file} left processes behind")
