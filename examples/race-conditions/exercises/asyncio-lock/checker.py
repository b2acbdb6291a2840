"""Plumbing for the exercises' check.py: run the learner's function safely, time it, report.

The canonical copy of this file is examples/_shared/checker.py. Each exercise folder holds an
identical copy so that the folder runs on its own; after editing the canonical file, run
`python3 examples/sync_shared.py` to refresh the copies.

How a check runs the learner's code
-----------------------------------
run_function() starts a *separate* Python process (`python3 checker.py --child ...`) in its
own process group, imports the learner's file there as a module (so its `if __name__ ==
"__main__":` block does not run), calls one function by name, times the call, and writes the
return value to a file. The checker itself never imports the learner's code, so nothing the
learner writes can hang or crash it:

- an infinite loop or a call that blocks: the process group is killed after `timeout_s`;
- a syntax error, a missing function, an exception, `sys.exit()`: reported in one line;
- a return value of the wrong type: reported, never unpickled;
- threads or processes still running after the function returned: reported as an unclean
  shutdown, then killed (on POSIX with the whole process group, so nothing is left behind);
- Ctrl-C on the checker: the child's group is killed and main() exits with 130.

Public API
----------
run_function(file, function, calls, *, timeout_s, is_async=False) -> Run
Report                 collects [ok]/[FAIL]/[skip] lines and the first failure's hint
main(check, task)      the command line of every check.py: `python3 check.py [FILE]`
cpu_count()            CPUs this process may use (os.process_cpu_count() on 3.13+)
hung_server()          context manager: a URL on 127.0.0.1 that accepts and never answers
fetch(url, timeout)    GET one URL with urllib (the checker's own reference client)
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import base64
import contextlib
import inspect
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable, Coroutine, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

HERE = Path(__file__).resolve().parent
POSIX = os.name == "posix"
SHUTDOWN_GRACE_S = 3.0  # how long the program may take to exit after the function returned
LEFTOVER_GRACE_S = 2.0  # how long processes it started may take to go away after it exited
OUTPUT_TAIL = 2000  # characters of the learner's stdout/stderr kept to show on a failure


# --------------------------------------------------------------------------------------------
# Running the learner's function in a child process
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    """What happened when the learner's function ran. `problem` is None when every call returned."""

    values: list[Any] = field(default_factory=list)  # one return value per call (decoded JSON)
    seconds: list[float] = field(default_factory=list)  # wall time of each call, in the child
    cpu_s: list[float] = field(default_factory=list)  # CPU time of the child itself, per call
    children_cpu_s: float | None = None  # CPU time of child processes the calls waited for (POSIX)
    windows: list[tuple[float, float]] = field(default_factory=list)  # time.monotonic() of each call
    ticks: list[float] = field(default_factory=list)  # time.monotonic() of each line `alongside` printed
    problem: str | None = None  # one line: what went wrong
    timed_out: bool = False  # the call did not return within the time allowed
    hint: str | None = None  # what to do about it
    shutdown_problem: str | None = None  # returned, but did not exit cleanly
    output: str = ""  # the tail of what the learner's code printed

    @property
    def ok(self) -> bool:
        return self.problem is None


class _Tail:
    """Read a pipe to the end in a thread, keeping only its last characters (a learner's
    program may print without end; a full pipe must never block it)."""

    def __init__(self, stream: Any) -> None:
        self.text = ""
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        with contextlib.suppress(OSError, ValueError):
            for chunk in iter(lambda: stream.read(4096), b""):
                self.text = (self.text + chunk.decode("utf-8", "replace"))[-OUTPUT_TAIL:]

    def join(self) -> str:
        self._thread.join(timeout=1)
        return self.text


def _group_alive(pgid: int) -> bool:
    """Is any live (non-zombie) process left in process group `pgid`?"""
    proc = Path("/proc")
    if proc.is_dir():
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()  # "pid (comm) state ppid pgrp ..."
            if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
                return True
        return False
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _kill_everything(process: subprocess.Popen[Any]) -> None:
    """Kill the child and every process it started."""
    if POSIX:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    elif process.poll() is None:  # Windows: kill the tree
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def run_function(
    file: Path,
    function: str,
    calls: Sequence[Sequence[Any]],
    *,
    timeout_s: float,
    is_async: bool = False,
    alongside: Sequence[str] = (),
) -> Run:
    """Call `function(*args)` from `file` once per entry of `calls`, in a child process.

    Arguments travel as JSON. `is_async` means the function must be `async def`: each call
    runs in its own asyncio.run(). Never raises for anything the learner's code does; see Run.

    `alongside`: arguments of a Python program that the child starts just before the calls and
    kills after them, in the same process group and session (so the scheduler treats it like
    the learner's own processes). It must print one line per unit of work done, holding
    time.monotonic(): Run.ticks holds those times, Run.windows when each call ran. A check can then compare
    the learner's speed with a reference measured at the same time, under the same load.
    """
    file = Path(file).resolve()
    run = Run()
    with tempfile.TemporaryDirectory(prefix="check-") as tmp:
        spec_path, result_path = Path(tmp) / "spec.json", Path(tmp) / "result.json"
        spec = {"file": str(file), "function": function, "calls": [list(c) for c in calls],
                "is_async": is_async, "result": str(result_path),
                "alongside": [str(arg) for arg in alongside]}
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1")
        env.pop("PYTHONPATH", None)
        options: dict[str, Any] = {"start_new_session": True} if POSIX else {
            "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined]
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child", str(spec_path)],
            cwd=file.parent, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=env, **options,
        )
        out, err = _Tail(process.stdout), _Tail(process.stderr)
        try:
            deadline = time.monotonic() + timeout_s
            while not result_path.exists() and process.poll() is None:
                if time.monotonic() > deadline:
                    run.timed_out = True
                    run.problem = (f"{function}() did not return within {timeout_s:g} s, "
                                   "so the check stopped it")
                    run.hint = ("Something waits forever or loops without end: a request without "
                                "a timeout, a lock that is never released, a blocking call "
                                "inside async code, or a loop that never stops.")
                    return run
                time.sleep(0.02)
            if result_path.exists():
                try:
                    process.wait(timeout=SHUTDOWN_GRACE_S)
                except subprocess.TimeoutExpired:
                    run.shutdown_problem = (
                        f"{function}() returned, but the program was still running "
                        f"{SHUTDOWN_GRACE_S:g} s later: a thread or process it started never "
                        "finished")
            else:  # the process ended without writing a result
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=1)
            if POSIX and run.shutdown_problem is None:
                gone_by = time.monotonic() + LEFTOVER_GRACE_S
                while _group_alive(process.pid) and time.monotonic() < gone_by:
                    time.sleep(0.05)
                if _group_alive(process.pid):
                    run.shutdown_problem = ("the program exited but left processes running "
                                            "behind it (the check killed them)")
            _read_result(run, result_path, process.returncode, function, file)
        finally:
            _kill_everything(process)
            run.output = (out.join() + err.join())[-OUTPUT_TAIL:]
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
    return run


def _read_result(run: Run, path: Path, returncode: int | None, function: str, file: Path) -> None:
    if not path.exists():
        run.problem = (f"{file.name} stopped (exit code {returncode}) before {function}() "
                       "returned")
        run.hint = ("Something in your file ended the whole program: sys.exit(), os._exit(), "
                    "or a crash of the interpreter. Run it alone with `python3 "
                    f"{file.name}` to see.")
        return
    try:
        result = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
    except (OSError, ValueError):
        run.problem, run.hint = "the result could not be read back", "Run the check again."
        return
    if "error" in result:
        run.problem, run.hint = result["error"], result.get("hint")
        return
    run.values, run.seconds, run.cpu_s = result["values"], result["seconds"], result["cpu_s"]
    run.children_cpu_s = result.get("children_cpu_s")
    run.windows = [tuple(window) for window in result["windows"]]
    run.ticks = result["ticks"]


# --- the child side ---------------------------------------------------------------------------


class Opaque:
    """A returned object that is not plain data: only its type and repr travel back."""

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name, self.text = type_name, text

    def __repr__(self) -> str:
        return self.text


def _encode(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray)):
        return {"__bytes__": base64.b64encode(bytes(value)).decode("ascii")}
    return {"__opaque__": type(value).__name__, "repr": repr(value)[:80]}


def _decode(obj: dict[str, Any]) -> Any:
    if "__bytes__" in obj:
        return base64.b64decode(obj["__bytes__"])
    if "__opaque__" in obj:
        return Opaque(obj["__opaque__"], obj["repr"])
    return obj


def _where(error: BaseException, file: str) -> str:
    """' (exercise.py, line 12: `code`)' for the deepest frame in the learner's file, or ''."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == file]
    if not frames:
        return ""
    frame = frames[-1]
    code = f": `{frame.line.strip()}`" if frame.line else ""
    return f" ({Path(file).name}, line {frame.lineno}{code})"


def _start_alongside(args: list[str], ticks: list[float]) -> subprocess.Popen[str] | None:
    """Start the `alongside` program, wait for its first line, then note the time of each line."""
    if not args:
        return None
    pace = subprocess.Popen([sys.executable, *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, text=True)
    assert pace.stdout is not None
    stdout = pace.stdout
    stdout.readline()  # warmed up

    def note() -> None:
        for line in iter(stdout.readline, ""):
            try:  # the program's own time.monotonic() (one clock for every process)...
                ticks.append(float(line))
            except ValueError:  # ...or when its line arrived
                ticks.append(time.monotonic())

    threading.Thread(target=note, daemon=True).start()
    return pace


def _child(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    file, name = spec["file"], spec["function"]
    result: dict[str, Any] = {}

    def fail(message: str, hint: str) -> None:
        result.update(error=message, hint=hint)

    module_name = Path(file).stem
    sys.path.insert(0, str(Path(file).parent))
    sys.argv = [file]
    try:
        if not module_name.isidentifier():
            raise ImportError(f"{Path(file).name} is not a valid module name")
        source = Path(file).read_bytes()
        ast.parse(source, filename=file)  # a syntax error gets a clear line number
        import importlib

        module = importlib.import_module(module_name)
        if Path(getattr(module, "__file__", "") or "").resolve() != Path(file).resolve():
            raise ImportError(f"`import {module_name}` found another module, "
                              f"{getattr(module, '__file__', 'built in')}: rename your file")
    except SyntaxError as error:
        fail(f"{Path(file).name} has a syntax error on line {error.lineno}: {error.msg}",
             "Fix the line it names; `python3 " + Path(file).name + "` shows the same error.")
    except SystemExit as error:
        fail(f"{Path(file).name} called sys.exit({error.code!r}) while being imported",
             "Put the code that runs the program under `if __name__ == \"__main__\":`.")
    except BaseException as error:  # noqa: BLE001: anything the learner's import does
        fail(f"importing {Path(file).name} raised {type(error).__name__}: {error}"
             f"{_where(error, file)}",
             "Code at the top level of the file runs on import: keep it to definitions, and "
             "run the program under `if __name__ == \"__main__\":`.")
    else:
        function = getattr(module, name, None)
        defined = sorted(n for n, v in vars(module).items()
                         if inspect.isfunction(v) and v.__module__ == module_name)
        if not callable(function):
            fail(f"{Path(file).name} has no function named {name}()"
                 f" (it defines: {', '.join(defined) or 'no functions'})",
                 f"The check calls {name}(): keep that name and its parameters.")
        elif spec["is_async"] and not inspect.iscoroutinefunction(function):
            fail(f"{name}() is not a coroutine function",
                 f"Define it with `async def {name}(...)`: the check runs it with asyncio.run().")
        elif not spec["is_async"] and inspect.iscoroutinefunction(function):
            fail(f"{name}() is `async def`, but this exercise calls it as a plain function",
                 "Keep it a plain `def`.")
        else:
            values, seconds, cpu, windows, ticks = [], [], [], [], []
            pace = _start_alongside(spec["alongside"], ticks)
            try:
                for args in spec["calls"]:
                    windows.append([time.monotonic(), 0.0])
                    started, started_cpu = time.perf_counter(), time.process_time()
                    if spec["is_async"]:
                        value = asyncio.run(cast(Coroutine[Any, Any, Any], function(*args)))
                    else:
                        value = function(*args)
                    seconds.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
                    windows[-1][1] = time.monotonic()
                    values.append(value)
                times = os.times()  # before the `alongside` program is waited for: not counted
                result.update(values=values, seconds=seconds, cpu_s=cpu, windows=windows,
                              ticks=list(ticks),
                              children_cpu_s=times.children_user + times.children_system
                              if POSIX else None)
            except SystemExit as error:
                fail(f"{name}() called sys.exit({error.code!r})", "Return the results instead.")
            except BaseException as error:  # noqa: BLE001
                fail(f"{name}() raised {type(error).__name__}: {error}{_where(error, file)}",
                     "Read the error and the line it names; run your file alone with "
                     f"`python3 {Path(file).name}` to see the whole traceback.")
            finally:
                if pace is not None:
                    pace.kill()
                    pace.wait()
    try:
        text = json.dumps(result, default=_encode)
    except (TypeError, ValueError) as error:  # e.g. circular structures
        text = json.dumps({"error": f"{name}() returned something that cannot be checked: {error}",
                           "hint": "Return plain values, as the task says."})
    partial = Path(spec["result"] + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(spec["result"])  # the parent sees a complete file or none
    return 0


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


class Report:
    """The verdict, line by line: `[ok]`, `[FAIL]` or `[skip]` and plain words."""

    def __init__(self) -> None:
        self.failures: list[tuple[str, str]] = []

    def ok(self, what: str) -> None:
        print(f"  [ok]   {what}", flush=True)

    def fail(self, what: str, hint: str) -> None:
        print(f"  [FAIL] {what}", flush=True)
        self.failures.append((what, hint))

    def skip(self, what: str) -> None:
        print(f"  [skip] {what}", flush=True)

    def note(self, what: str) -> None:
        print(f"         {what}", flush=True)

    def require_run(self, run: Run, what: str) -> bool:
        """Report a run that did not return; True when it did."""
        if run.ok:
            return True
        self.fail(f"{what}: {run.problem}", run.hint or "")
        output = run.output.strip()
        if output:
            lines = output.splitlines()[-6:]
            self.note("its last output:")
            for line in lines:
                self.note(f"| {line[:150]}")
        return False

    def shutdown(self, run: Run) -> None:
        if run.shutdown_problem:
            self.fail(f"clean shutdown: {run.shutdown_problem}",
                      "Everything your function starts must be finished when it returns: leave "
                      "the pool's `with` block (it waits for the workers), or join the threads, "
                      "and give every wait a timeout.")
        else:
            self.ok("clean shutdown: the program exited and left nothing running")

    def finish(self) -> int:
        print()
        if not self.failures:
            print("All checks passed. Well done!")
            return 0
        count = len(self.failures)
        print(f"Not yet: {count} check{'s' if count > 1 else ''} failed.")
        print(f"Hint: {self.failures[0][1]}")
        print("More hints, from a nudge to the answer, are in HINTS.md.")
        return 1


def main(check: Callable[[Path, Report], None], task: str, argv: list[str] | None = None) -> int:
    """The command line of a check.py: `python3 check.py [FILE]` (FILE defaults to exercise.py).

    `check(file, report)` runs the checks and fills the report. Ctrl-C stops everything (130).
    """
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return _child(sys.argv[2])
    # Ctrl-C must stop the check however it was started: a shell starts background commands
    # with SIGINT ignored, and Python then installs no KeyboardInterrupt handler of its own.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = argparse.ArgumentParser(description=f"Check your solution: {task}")
    parser.add_argument("file", nargs="?", default="exercise.py",
                        help="the file to check (default: %(default)s, in the current folder)")
    args = parser.parse_args(argv)
    file = Path(args.file)
    if not file.is_absolute() and not file.exists() and (Path(sys.argv[0]).parent / file).exists():
        file = Path(sys.argv[0]).parent / file  # `python3 exercises/x/check.py` from elsewhere
    if not file.is_file():
        print(f"error: {args.file}: no such file", file=sys.stderr)
        return 1
    if file.suffix != ".py":
        print(f"error: {args.file} is not a .py file", file=sys.stderr)
        return 1
    print(f"Checking {file.name}: {task}", flush=True)
    report = Report()
    try:
        check(file, report)
    except KeyboardInterrupt:
        print("\nInterrupted: the check stopped, and stopped everything it had started.",
              file=sys.stderr)
        return 130
    return report.finish()


# --------------------------------------------------------------------------------------------
# Helpers for the checks
# --------------------------------------------------------------------------------------------


def cpu_count() -> int:
    """CPUs this process may use: os.process_cpu_count() (3.13+), else the affinity or count."""
    process_cpu_count = getattr(os, "process_cpu_count", None)  # 3.13+
    if process_cpu_count is not None:
        return process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@contextlib.contextmanager
def hung_server() -> Iterator[str]:
    """A base URL on 127.0.0.1 that accepts connections and never answers (until the block ends)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)  # the kernel completes the handshakes; nobody ever reads a request
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def fetch(url: str, timeout: float = 10) -> bytes:
    """GET one URL and return the body (the checker's reference client)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def check_same(report: Report, got: Any, expected: list[Any], what: str, hint: str,
               reference: str = "as the sequential version") -> bool:
    """Compare a returned list with the reference, and say plainly how it differs."""
    if not isinstance(got, list):
        report.fail(f"correct result: expected a list of {len(expected)} {what}, got {describe(got)}",
                    "Return a list (for example `list(pool.map(...))`), not an iterator, a "
                    "generator or futures.")
        return False
    if got == expected:
        report.ok(f"correct result: the same {len(expected)} {what} {reference}, in order")
        return True
    if len(got) != len(expected):
        problem = f"got {len(got)} {what}, expected {len(expected)}"
    elif sorted(map(repr, got)) == sorted(map(repr, expected)):
        problem = "the right values, but in a different order"
        hint = ("Return the results in the order of the inputs: pool.map() and asyncio.gather() "
                "keep it; as_completed() does not.")
    else:
        index = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
        problem = f"item {index} is {describe(got[index])}, expected {describe(expected[index])}"
    report.fail(f"correct result: {problem}", hint)
    return False


def speed_verdict(report: Report, *, elapsed_s: float, sequential_s: float, ideal_s: float,
                  share: float, ideal_words: str, hint: str, final: bool,
                  baseline_words: str = "one after another") -> bool | None:
    """Judge a time against the ideal bound measured in the same run.

    speedup = sequential_s / elapsed_s must reach `share` of the ideal speedup
    sequential_s / ideal_s. Returns True or False, or None when it fell short but shows some
    speedup, so that a busy moment may be to blame: worth measuring again (only when not `final`).
    """
    speedup, ideal = sequential_s / elapsed_s, sequential_s / ideal_s
    needed = share * ideal
    words = (f"{speedup:.1f}x faster than {baseline_words} ({elapsed_s:.2f} s vs {sequential_s:.2f} s); "
             f"the ideal {ideal_words} is {ideal:.1f}x, and {share:.0%} of it is {needed:.1f}x")
    if speedup >= needed:
        report.ok(f"fast enough: {words}")
        return True
    if not final and speedup > 1.1:  # some speedup, so not the starting point: measure again
        report.note(f"short ({speedup:.1f}x of the {needed:.1f}x needed): measuring again, "
                    "in case the machine was busy")
        return None
    report.fail(f"fast enough: {words}", hint)
    return False


def check_downloads(file: Path, report: Report, *, serve: Callable[..., Any], items: int,
                    workers: int, latency_ms: float, share: float, is_async: bool,
                    slow_hint: str) -> None:
    """The I/O exercises' check: download_all(urls) against a local latency server.

    `serve` is latency_server.serve (passed in, so that this module needs nothing else). The
    sequential time is `items` x one request's time, measured here; the ideal bound is the time
    of the check's own pool of `workers` threads, measured in a child process just before the
    learner's code (never less than the rounds `workers` need x one request). Measured twice
    when the first try is close but short.
    """
    for attempt in (1, 2):
        with serve(latency_ms=latency_ms) as server:
            urls = [f"{server.url}/item/{item}" for item in range(items)]
            singles = []
            for url in urls[:3]:  # one request, timed here: the unit of the sequential time
                started = time.perf_counter()
                fetch(url)
                singles.append(time.perf_counter() - started)
            sequential_s = items * sorted(singles)[1]
            with ThreadPoolExecutor(max_workers=workers) as pool:  # the reference bodies
                expected = list(pool.map(fetch, urls))
            # The ideal bound, measured now, under the machine's current load: the check's own
            # pool of `workers` threads, run and timed exactly like the learner's code.
            # Two calls each: a small one first, so that one-time costs (imports, and on Python
            # 3.12+ urllib's first opener, which loads the TLS certificates) are not timed.
            reference = run_function(Path(__file__), "reference_download_all",
                                      [[urls[:2], workers], [urls, workers]],
                                      timeout_s=2 * sequential_s + 2)
            run = run_function(file, "download_all", [[urls[:2]], [urls]], is_async=is_async,
                               timeout_s=2 * sequential_s + 2)
        if not reference.ok or reference.values[1] != expected:
            report.fail(f"reference run: {reference.problem or 'wrong result'}",
                        "The check itself went wrong: run it again, or download the exercise again.")
            return
        ideal_s = max(reference.seconds[1], -(-items // workers) * sequential_s / items)
        if not report.require_run(run, "runs"):
            return
        if attempt == 1:
            report.ok(f"runs: download_all() returned in {run.seconds[1]:.2f} s "
                      f"(after a first call with 2 URLs, not timed)")
            if not check_same(report, run.values[1], expected, "bodies",
                              "Return one body (bytes) per URL, in the order of `urls`."):
                report.shutdown(run)
                return
        elif run.values[1] != expected:
            report.fail("correct result: the second measurement returned a different result",
                        "Return one body (bytes) per URL, in the order of `urls`, every time.")
        verdict = speed_verdict(
            report, elapsed_s=run.seconds[1], sequential_s=sequential_s, ideal_s=ideal_s,
            share=share, ideal_words=f"(the check's own {workers} threads)", hint=slow_hint,
            final=attempt == 2)
        if verdict is not None:
            report.shutdown(run)
            return


def reference_download_all(urls: list[str], workers: int) -> list[bytes]:
    """The check's own download_all(), timed like the learner's: `workers` threads at once."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetch, urls))


def check_no_lost_updates(report: Report, run: Run, expected: int, what: str, hint: str) -> bool:
    """Every call must return exactly `expected`: one line for all the repeated runs."""
    got = run.values
    if any(not isinstance(value, int) or isinstance(value, bool) for value in got):
        bad = next(v for v in got if not isinstance(v, int) or isinstance(v, bool))
        report.fail(f"no lost {what}: expected the final balance (an int), got {describe(bad)}",
                    "Return the account's balance, an int.")
        return False
    lost = [expected - value for value in got]
    if all(n == 0 for n in lost):
        report.ok(f"no lost {what}: {len(got)} runs, each ended with exactly {expected:,}")
        return True
    bad_runs = sum(1 for n in lost if n != 0)
    report.fail(f"no lost {what}: {bad_runs} of {len(got)} runs ended wrong "
                f"(expected {expected:,}, got {', '.join(f'{v:,}' for v in got)})", hint)
    return False


def pauses(file: Path, function: str, call: str) -> bool:
    """Does `function` (a def, or a method of a class) in `file` still call `call`(0)?

    The exercises keep a pause between a read and a write so that the race shows on every run;
    removing it hides the race without fixing it. `call` is e.g. "sleep" (time.sleep or
    asyncio.sleep). A file that does not parse returns True: running it reports the error.
    """
    try:
        tree = ast.parse(Path(file).read_bytes())
    except (SyntaxError, ValueError):
        return True
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function:
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and inner.args
                        and isinstance(inner.args[0], ast.Constant) and inner.args[0].value == 0
                        and getattr(inner.func, "attr", getattr(inner.func, "id", None)) == call):
                    return True
    return False


def describe(value: Any) -> str:
    """A short description of a returned value for a verdict line."""
    if isinstance(value, Opaque):
        return f"a {value.type_name} ({value.text})"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return f"a {type(value).__name__} ({repr(value)[:60]})"


if __name__ == "__main__":
    sys.exit(main(lambda file, report: None, "(no exercise: run check.py instead)"))
