"""Plumbing for the exercises' check.py: run the learner's function safely, watch it work, report.

The canonical copy of this file is examples/_shared/checker.py. Each exercise folder holds an
identical copy so that the folder runs on its own; after editing the canonical file, run
`python3 examples/sync_shared.py` to refresh the copies.

How a check runs the learner's code
-----------------------------------
run_function() starts a *separate* Python process (`python3 checker.py --child ...`) in its
own session, imports the learner's file there as a module (so its `if __name__ ==
"__main__":` block does not run), calls one function by name, times the call, and writes the
return value to a file. The checker itself never imports the learner's code, so nothing the
learner writes can hang or crash it:

- an infinite loop or a call that blocks: stopped after `timeout_s`, and the verdict says
  where it was (computing, or waiting: for which kind of lock, held since which line);
- a syntax error, a missing function, an exception, `sys.exit()`: reported in one line; the
  first exception raised inside the learner's threads, pool tasks or asyncio tasks is kept,
  with its traceback, for a verdict to show;
- a process started while the file is imported (a pool without the `__main__` guard): reported
  at once;
- a return value of the wrong type: reported, never unpickled;
- threads or processes still running after the function returned: reported, named, ended.
  On Linux the checker is the "child subreaper" of everything it starts, so even a process
  started in a new session is found. The learner's output goes to files, never to a pipe
  that a leftover could hold open;
- Ctrl-C (or SIGTERM) on the checker: everything it started is killed and main() exits
  with 130 within a second.

The child also watches what the exercises need to see, without the learner's help: a local
server counts the requests it receives and how many are in flight at once
(count_requests), the CPU time of each worker process is sampled (Linux), and for the lock
exercises every deposit is recorded with the reads and writes of the balance and the pauses
between them (`watch`).

Public API
----------
run_function(file, function, calls, *, timeout_s, ...) -> Run
Report                 collects [ok]/[FAIL]/[busy]/[skip] lines and the first failure's hint
main(check, task)      the command line of every check.py: `python3 check.py [FILE]`
cpu_count()            CPUs this process may use (os.process_cpu_count() on 3.13+)
hung_server()          context manager: a server on 127.0.0.1 that reads requests, never answers
count_requests(server) count what a latency_server.LatencyServer receives
fetch(url, timeout)    GET one URL with urllib (the checker's own reference client)
check_downloads, check_deposits, check_same, speed_verdict, seconds, describe
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import base64
import contextlib
import functools
import inspect
import json
import linecache
import math
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import urllib.request
import weakref
from collections.abc import Callable, Coroutine, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

HERE = Path(__file__).resolve().parent
POSIX = os.name == "posix"
LINUX = sys.platform.startswith("linux") and Path("/proc/self/stat").exists()
SHUTDOWN_GRACE_S = 3.0  # how long the program may take to exit after the function returned
LEFTOVER_GRACE_S = 2.0  # how long processes it started may take to go away after it exited
OUTPUT_TAIL = 2000  # characters of the learner's stdout/stderr kept to show on a failure
OUTPUT_CAP = 1_000_000  # bytes of output kept on disk; beyond, the oldest part is dropped
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") and POSIX else 100
PR_SET_CHILD_SUBREAPER = 36


def seconds(value: float) -> str:
    """A duration for a verdict line: '30 s', '8.3 s', '0.25 s'."""
    if value >= 10:
        return f"{value:.0f} s"
    if value >= 1:
        return f"{round(value, 1):g} s"
    return f"{value:.2f} s"


def describe(value: Any) -> str:
    """A short description of a returned value for a verdict line: 'an int (3)'."""
    if isinstance(value, Opaque):
        return f"{_article(value.type_name)} {value.type_name} ({value.text})"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    name = type(value).__name__
    return f"{_article(name)} {name} ({repr(value)[:60]})"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


# --------------------------------------------------------------------------------------------
# Processes: find everything the learner's code started, name it, end it
# --------------------------------------------------------------------------------------------

_SUBREAPER: bool | None = None


def become_subreaper() -> bool:
    """Linux: adopt every orphan the checked code leaves behind (PR_SET_CHILD_SUBREAPER), so a
    process that double-forks or starts a new session still has the checker as an ancestor.
    False elsewhere: there the check finds the learner's process group only."""
    global _SUBREAPER
    if _SUBREAPER is None:
        _SUBREAPER = False
        if LINUX:
            with contextlib.suppress(OSError, AttributeError, TypeError):
                import ctypes

                libc = ctypes.CDLL(None, use_errno=True)
                _SUBREAPER = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    return bool(_SUBREAPER)


@dataclass
class Proc:
    pid: int
    ppid: int
    state: str
    session: int
    cpu_s: float


def _processes() -> dict[int, Proc]:
    """Every process in /proc (Linux)."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="utf-8", errors="replace") as stat:
                text = stat.read()
            fields = text[text.rindex(")") + 2 :].split()  # "pid (comm) state ppid pgrp session"
            table[int(entry.name)] = Proc(int(entry.name), int(fields[1]), fields[0], int(fields[3]),
                                          (int(fields[11]) + int(fields[12])) / CLOCK_TICKS)
        except (OSError, ValueError, IndexError):
            continue
    return table


def _descendants(table: dict[int, Proc], root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for proc in table.values():
        children.setdefault(proc.ppid, []).append(proc.pid)
    found, todo = [], [root]
    while todo:
        for pid in children.get(todo.pop(), []):
            found.append(pid)
            todo.append(pid)
    return found


def _started_by(child: int, table: dict[int, Proc] | None = None) -> list[int]:
    """Live processes (not zombies) that the checked program `child` started, at any depth,
    even those that left its session or lost their parent (Linux)."""
    table = _processes() if table is None else table
    pids = set(_descendants(table, child))
    pids |= {p.pid for p in table.values() if p.session == child}
    if _SUBREAPER:  # orphans come to us; the checker starts nothing else while a check runs
        pids |= set(_descendants(table, os.getpid()))
    pids.discard(child)
    return sorted(pid for pid in pids if pid in table and table[pid].state not in "ZX")


def process_name(pid: int, program: bytes = b"") -> str:
    """'`python3 -c import time; time.sleep(60)` (pid 123)' from /proc, or 'pid 123';
    a process forked from the checked `program` (its command line) is called so."""
    raw = _cmdline(pid)
    if program and raw == program:
        return f"a forked copy of your program (pid {pid})"
    words = [word.decode("utf-8", "replace") for word in raw.split(b"\0") if word]
    if not words:
        return f"pid {pid}"
    words = [Path(word).name if "/" in word and " " not in word else word for word in words]
    text = " ".join(words)
    return f"`{text if len(text) <= 60 else text[:57] + '...'}` (pid {pid})"


def _reap(child: int) -> None:
    """Collect the exit status of orphans that came to us (never the Popen child's: it is
    Popen's to wait for)."""
    if not (LINUX and _SUBREAPER):
        return
    for proc in _processes().values():
        if proc.ppid == os.getpid() and proc.pid != child and proc.state in "ZX":
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(proc.pid, os.WNOHANG)


def _end_everything(process: subprocess.Popen[Any]) -> list[str]:
    """Kill the child and every process it started; the names of those still running besides
    the child (Linux: all of them; elsewhere: its process group, unnamed)."""
    names: dict[int, str] = {}
    program = _cmdline(process.pid) if LINUX else b""
    if LINUX:  # named before anything is killed: a dying process loses its command line
        for pid in _started_by(process.pid):
            command = _cmdline(pid)  # empty: dying already; "--pace": the check's reference
            if command and b"--pace" not in command:
                names[pid] = process_name(pid, program)
    if POSIX:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    elif process.poll() is None:  # Windows: kill the tree
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True,
                       check=False)
    with contextlib.suppress(OSError):
        process.kill()
    if LINUX:
        for _ in range(50):  # until nothing is left: a process may fork while we kill
            pids = _started_by(process.pid)
            if not pids:
                break
            for pid in pids:
                command = _cmdline(pid)
                if command and b"--pace" not in command:
                    names.setdefault(pid, process_name(pid, program))
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.01)
            _reap(process.pid)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
    _reap(process.pid)
    return list(names.values())


def _group_alive(pgid: int) -> bool:
    """Is any process left in process group `pgid` (non-Linux POSIX fallback)?"""
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


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
    observed: list[dict[str, Any]] = field(default_factory=list)  # per call, what `watch` saw
    workers_cpu_s: dict[int, float] | None = None  # per process it started: CPU seconds (Linux)
    pace_cpu: list[tuple[float, float]] = field(default_factory=list)  # `alongside`: (when, CPU s)
    inner_error: list[str] = field(default_factory=list)  # first traceback inside threads/tasks
    problem: str | None = None  # one line: what went wrong
    timed_out: bool = False  # the call did not return within the time allowed
    stuck: dict[str, Any] = field(default_factory=dict)  # on a timeout: what the child was doing
    hint: str | None = None  # what to do about it
    shutdown_problem: str | None = None  # returned, but did not exit cleanly
    leftovers: list[str] = field(default_factory=list)  # processes the check had to end
    watch_problem: str | None = None  # what `watch` could not find in the file
    output: str = ""  # the tail of what the learner's code printed

    @property
    def ok(self) -> bool:
        return self.problem is None

    def pace_share(self, start: float, end: float) -> float | None:
        """The share of one CPU the `alongside` program got from `start` to `end`
        (time.monotonic()), from the samples taken (Linux); None when too few."""
        inside = [(t, cpu) for t, cpu in self.pace_cpu if start - 0.1 <= t <= end + 0.1]
        if len(inside) < 2 or inside[-1][0] - inside[0][0] < 0.1:
            return None
        (t0, c0), (t1, c1) = inside[0], inside[-1]
        return (c1 - c0) / (t1 - t0)


def _tail(path: Path, dropped: bytes = b"") -> str:
    with contextlib.suppress(OSError):
        with open(path, "rb") as file:
            file.seek(0, os.SEEK_END)
            size = file.tell()
            file.seek(max(0, size - 4 * OUTPUT_TAIL))
            dropped += file.read()
    return dropped[-4 * OUTPUT_TAIL :].decode("utf-8", "replace")[-OUTPUT_TAIL:]


class _Output:
    """The learner's stdout or stderr: a file opened for appending, so nothing ever blocks on a
    pipe, kept under OUTPUT_CAP bytes (a program may print without end)."""

    def __init__(self, path: Path) -> None:
        self.path, self.dropped = path, b""
        self.file = open(path, "ab")  # noqa: SIM115: closed once the child has it

    def cap(self) -> None:
        with contextlib.suppress(OSError):
            if self.path.stat().st_size > OUTPUT_CAP:
                self.dropped = _tail(self.path).encode("utf-8")
                os.truncate(self.path, 0)  # the child appends: its next write lands at 0

    def text(self) -> str:
        return _tail(self.path, self.dropped)


def run_function(
    file: Path,
    function: str,
    calls: Sequence[Sequence[Any]],
    *,
    timeout_s: float,
    is_async: bool = False,
    alongside: Sequence[str] = (),
    watch: dict[str, Any] | None = None,
    sample_workers: bool = False,
) -> Run:
    """Call `function(*args)` from `file` once per entry of `calls`, in a child process.

    Arguments travel as JSON. `is_async` means the function must be `async def`: each call
    runs in its own event loop. Never raises for anything the learner's code does; see Run.

    `alongside`: arguments of a Python program that the child starts just before the calls and
    kills after them, in the same session (so the scheduler treats it like the learner's own
    processes). It must print one line per unit of work done, holding time.monotonic():
    Run.ticks holds those times, Run.windows when each call ran.

    `watch`: what to record inside the child (see _Watch): Run.observed gets one summary per
    call. `sample_workers` (Linux): sample the CPU time of every process the call starts
    (Run.workers_cpu_s), whether or not the call waited for it.
    """
    file = Path(file).resolve()
    run = Run()
    become_subreaper()
    with tempfile.TemporaryDirectory(prefix="check-") as tmp:
        paths = {name: str(Path(tmp) / name) for name in
                 ("spec", "result", "imported", "dump", "state")}
        spec = {"file": str(file), "function": function, "calls": [list(c) for c in calls],
                "is_async": is_async, "alongside": [str(arg) for arg in alongside],
                "watch": watch or {}, "paths": paths}
        Path(paths["spec"]).write_text(json.dumps(spec), encoding="utf-8")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1")
        env.pop("PYTHONPATH", None)
        options: dict[str, Any] = {"start_new_session": True} if POSIX else {
            "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined]
        out, err = _Output(Path(tmp) / "stdout"), _Output(Path(tmp) / "stderr")
        with out.file, err.file:
            process = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--child", paths["spec"]],
                cwd=file.parent, stdin=subprocess.DEVNULL, stdout=out.file, stderr=err.file,
                env=env, **options)
        result = Path(paths["result"])
        workers: dict[int, float] = {}
        ignored: set[int] = set()
        try:
            started = time.monotonic()
            next_sample = started
            while not result.exists() and process.poll() is None:
                now = time.monotonic()
                if now > started + timeout_s:
                    run.timed_out = True
                    _describe_hang(run, process, paths, function, file, timeout_s)
                    return run
                if sample_workers and LINUX and now >= next_sample:
                    _sample(process.pid, workers, ignored, run.pace_cpu)
                    next_sample = now + 0.1
                elif sample_workers and LINUX:  # the reference alone: one file, cheap to read
                    _sample_pace(ignored, run.pace_cpu)
                out.cap()
                err.cap()
                time.sleep(0.02)
            if sample_workers and LINUX:
                _sample(process.pid, workers, ignored, run.pace_cpu)
                run.workers_cpu_s = workers
            if result.exists():
                try:
                    process.wait(timeout=SHUTDOWN_GRACE_S)
                except subprocess.TimeoutExpired:
                    state = _ask_state(paths)
                    where = _still_running(state)
                    run.shutdown_problem = (
                        f"{function}() returned, but the program was still running "
                        f"{seconds(SHUTDOWN_GRACE_S)} later: "
                        + (where or "a thread or process it started never finished"))
            else:  # the process ended without writing a result
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=1)
            if run.shutdown_problem is None:
                left = _leftovers_after_exit(process)
                if left:
                    count = len(left)
                    run.shutdown_problem = (
                        f"the program exited but left {count} process{'es' if count > 1 else ''}"
                        f" running: {', '.join(left[:3])}{' and more' if count > 3 else ''}; "
                        "the check ended them")
            _read_result(run, result, process.returncode, function, file)
        finally:
            ended = _end_everything(process)
            if not (run.shutdown_problem and "check ended" in run.shutdown_problem):
                run.leftovers = ended  # not named yet: a verdict may name them
            run.output = (out.text() + err.text())[-OUTPUT_TAIL:]
    return run


def _sample(child: int, workers: dict[int, float], ignored: set[int],
            pace: list[tuple[float, float]]) -> None:
    """Note the CPU time of every process `child` started (the most seen for each). The check's
    own reference is ignored, and so is a process whose command line is gone (it is dying):
    it may be that reference, killed a moment ago."""
    table = _processes()
    now = time.monotonic()
    for pid in _started_by(child, table):
        if pid in ignored:
            if _cmdline(pid):
                pace.append((now, table[pid].cpu_s))
            continue
        command = _cmdline(pid)
        if b"--pace" in command:
            ignored.add(pid)
            workers.pop(pid, None)
            pace.append((now, table[pid].cpu_s))
        elif command:
            workers[pid] = max(workers.get(pid, 0.0), table[pid].cpu_s)
        elif pid in workers:
            workers[pid] = max(workers[pid], table[pid].cpu_s)


def _sample_pace(ignored: set[int], pace: list[tuple[float, float]]) -> None:
    for pid in ignored:
        with contextlib.suppress(OSError, ValueError, IndexError):
            text = Path(f"/proc/{pid}/stat").read_text()
            fields = text[text.rindex(")") + 2 :].split()
            if fields[0] not in "ZX":
                pace.append((time.monotonic(), (int(fields[11]) + int(fields[12])) / CLOCK_TICKS))


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _running_share(child: int, samples: int = 10) -> float:
    """The share of `samples` moments (over 0.2 s) when a thread of the checked program or of
    its processes was running or ready to run (Linux)."""
    running = 0
    for _ in range(samples):
        pids = [child, *_started_by(child)]
        for pid in pids:
            if b"--pace" in _cmdline(pid):
                continue
            with contextlib.suppress(OSError):
                states = []
                for task in os.scandir(f"/proc/{pid}/task"):
                    with contextlib.suppress(OSError, ValueError):
                        text = Path(task.path, "stat").read_text()
                        states.append(text[text.rindex(")") + 2])
                if "R" in states:
                    running += 1
                    break
        time.sleep(0.02)
    return running / samples


def _leftovers_after_exit(process: subprocess.Popen[Any]) -> list[str]:
    """Processes still running LEFTOVER_GRACE_S after the program exited, named."""
    gone_by = time.monotonic() + LEFTOVER_GRACE_S
    while True:
        if LINUX:
            pids = _started_by(process.pid)
            if not pids:
                return []
        elif POSIX:
            if not _group_alive(process.pid):
                return []
            pids = []
        else:
            return []
        if time.monotonic() > gone_by:
            program = _cmdline(process.pid)
            return [process_name(pid, program) for pid in pids] or [
                "processes in its process group"]
        time.sleep(0.05)


def _ask_state(paths: dict[str, str], wait_s: float = 5.0) -> dict[str, Any]:
    """Ask the child's watchdog what every thread and task is doing; {} if it cannot answer
    (e.g. a thread holds the GIL in a C loop). It answers within 0.1 s on an idle machine; the
    wait is long because on a loaded one (a busy loop next to a dozen processes on 2 cores, on
    3.13t) it once took over 1 s, and the learner lost the line their loop was on."""
    with contextlib.suppress(OSError):
        Path(paths["dump"]).touch()
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            return json.loads(Path(paths["state"]).read_text(encoding="utf-8"))
        time.sleep(0.02)
    return {}


def _still_running(state: dict[str, Any]) -> str:
    threads = [t for t in state.get("threads", []) if not t["main"] and not t["daemon"]]
    if not threads:
        return ""
    where = threads[0]["where"]
    count = len(threads)
    return (f"{count} thread{'s' if count > 1 else ''} still running"
            + (f", one at {where}" if where else ""))


def _describe_hang(run: Run, process: subprocess.Popen[Any], paths: dict[str, str],
                   function: str, file: Path, timeout_s: float) -> None:
    """Say what the child was doing when the time ran out: computing, or waiting (on what)."""
    state = _ask_state(paths)
    if LINUX:  # a thread that computes is running or waiting for a CPU ("R"), however busy
        busy = _running_share(process.pid) >= 0.5  # the machine is; more reliable than CPU time
    else:
        cpu, elapsed = state.get("cpu_s"), state.get("elapsed_s") or timeout_s
        busy = cpu is not None and cpu > 0.5 * elapsed
    run.stuck = dict(state, busy=busy)
    limit = seconds(timeout_s)
    held = state.get("held", [])
    places = [t["where"] for t in state.get("threads", []) if t["where"]]
    places += [t["where"] for t in state.get("tasks", []) if t["where"]]
    where = f" at {places[0]}" if places else ""
    if not Path(paths["imported"]).exists():
        run.problem = (f"importing {file.name} did not finish within {limit}: it was "
                       f"{'computing' if busy else 'waiting'}{where}")
        run.hint = ("Code at the top level of a file runs when the file is imported: keep it to "
                    "definitions, and run the program under `if __name__ == \"__main__\":`.")
    elif busy:
        run.problem = (f"{function}() did not return within {limit}: it was computing all the "
                       f"time{where} (a loop that never ends?)")
        run.hint = ("A loop runs without end: check its condition, and that something inside "
                    "it changes what the condition tests.")
    elif held:
        lock = held[0]
        self_wait = " and the thread that holds it waits for it again" if lock.get("self_wait") else ""
        run.problem = (f"{function}() did not return within {limit}: {_article(lock['kind'])} "
                       f"{lock['kind']} acquired at {lock['where']} was never released{self_wait}")
        run.hint = ("Hold a lock with `with lock:` (`async with lock:` for an asyncio.Lock): "
                    "the block releases it on every way out, even on an exception or a return.")
    else:
        run.problem = f"{function}() did not return within {limit}: it was waiting{where}"
        run.hint = ("Something waits forever: a request without a timeout, a lock that is never "
                    "released, a thread or task that is never finished, or a blocking call "
                    "inside async code.")


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
    run.inner_error = result.get("inner_error") or []
    if "error" in result:
        run.problem, run.hint = result["error"], result.get("hint")
        return
    run.values, run.seconds, run.cpu_s = result["values"], result["seconds"], result["cpu_s"]
    run.children_cpu_s = result.get("children_cpu_s")
    run.windows = [tuple(window) for window in result["windows"]]
    run.ticks = result["ticks"]
    run.observed = result.get("observed", [])
    run.watch_problem = result.get("watch_problem")


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


def _site(filename: str, lineno: int) -> str:
    code = linecache.getline(filename, lineno).strip()
    return f"line {lineno}" + (f" (`{code}`)" if code else "")


def _where(error: BaseException, file: str) -> str:
    """' (exercise.py, line 12: `code`)' for the deepest frame in the learner's file, or ''."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == file]
    if not frames:
        return ""
    frame = frames[-1]
    code = f": `{frame.line.strip()}`" if frame.line else ""
    return f" ({Path(file).name}, line {frame.lineno}{code})"


def _learner_frame(frame: Any, file: str) -> str:
    """The innermost frame of the learner's file in a stack, as 'line N (`code`)'; '' if none."""
    while frame is not None:
        if frame.f_code.co_filename == file:
            return _site(file, frame.f_lineno)
        frame = frame.f_back
    return ""


def _top_level_site(frame: Any, file: str) -> str:
    """The line at the top level of the learner's file that this stack runs from."""
    site = ""
    while frame is not None:
        if frame.f_code.co_filename == file:
            site = _site(file, frame.f_lineno)
        frame = frame.f_back
    return site


def _caller_line(file: str) -> int:
    """The line of the learner's code that called the checker's wrapper, or 0 when the caller
    is not the learner's code (e.g. a lock taken inside the standard library)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename in (__file__, asyncio.locks.__file__):
        frame = frame.f_back
    return frame.f_lineno if frame is not None and frame.f_code.co_filename == file else 0


def _coroutine_site(coro: Any, file: str) -> str:
    """Where a suspended coroutine waits: its deepest frame in the learner's file."""
    site = ""
    for _ in range(50):
        if coro is None:
            break
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is not None and frame.f_code.co_filename == file:
            site = _site(file, frame.f_lineno)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return site


def _format_error(error: BaseException, file: str, origin: str) -> list[str]:
    """The traceback of an error raised inside a thread or task, trimmed to the learner's
    frames and the error itself (at most 12 lines)."""
    lines = [f"first error inside your {origin}:"]
    keep = False
    for chunk in traceback.format_exception(type(error), error, error.__traceback__):
        for line in chunk.rstrip("\n").splitlines():
            if line.lstrip().startswith('File "'):
                keep = f'"{file}"' in line
                if keep:
                    lines.append(line.strip().replace(file, Path(file).name))
            elif line.startswith("  ") or not line.strip() or line.strip() == '"""':
                if keep and line.strip() and not set(line.strip()) <= set("^~ "):
                    lines.append("  " + line.strip())
            elif not line.startswith("Traceback") and "above exception" not in line:
                lines.append(line.strip())
    return lines[:1] + lines[1:][-11:]


class _Watch:
    """Everything the child records beside the calls: the first error inside the learner's
    threads and tasks, the locks it holds, and (for the lock exercises) every deposit."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.file = spec["file"]
        self.options = spec["watch"]
        self.inner_error: list[str] = []
        self.locks: weakref.WeakSet[Any] = weakref.WeakSet()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.call_started = (time.monotonic(), time.process_time())
        self.deposits: list[tuple[Any, int, int, str, int]] = []  # who, start, end, steps, account
        self.steps: dict[Any, list[tuple[str, int]]] = {}  # task -> (step, account) in a deposit
        self.tasks = self.options.get("pause") == "asyncio.sleep"  # depositors are tasks
        self.local = threading.local()  # a thread's steps in its deposit, and its deposits
        self.thread_deposits: list[list[tuple[Any, int, int, str, int]]] = []
        self.generation = 0  # one per call: a thread kept from an earlier call starts anew
        self.register = threading.Lock()
        self.lock_acquire_code: Any = None
        self.accounts: dict[int, Any] = {}  # id -> account (kept alive: ids stay unique)
        self.state_name = ""
        self.guard_imports = True

    # -- errors inside threads and tasks
    def error(self, error: BaseException | None, origin: str) -> None:
        if error is None or self.inner_error or isinstance(error, (SystemExit, GeneratorExit)):
            return
        if isinstance(error, (asyncio.CancelledError, KeyboardInterrupt)):
            return
        with contextlib.suppress(Exception):
            self.inner_error = _format_error(error, self.file, origin)

    def install_error_hooks(self) -> None:
        original_hook = threading.excepthook

        def hook(args: Any) -> None:
            self.error(args.exc_value, "threads")
            original_hook(args)

        threading.excepthook = hook
        original_set = Future.set_exception

        def set_exception(future: Future[Any], exception: BaseException | None) -> None:
            self.error(exception, "pool's tasks")
            original_set(future, exception)

        Future.set_exception = set_exception  # type: ignore[method-assign]

    def task_factory(self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> Any:
        task = asyncio.Task(coro, loop=loop, **kwargs)
        if not getattr(self, "_main_task_made", False):
            self._main_task_made = True  # the call itself: its error is the call's
        else:
            task.add_done_callback(
                lambda t: None if t.cancelled() else self.error(t.exception(), "tasks"))
        return task

    # -- a process started while the file is imported
    def guard_process_start(self) -> None:
        import multiprocessing.process

        original = multiprocessing.process.BaseProcess.start
        watch = self

        def start(process: Any) -> None:
            if watch.guard_imports:
                raise _StartedAtImport(_top_level_site(sys._getframe(1), watch.file))
            original(process)

        multiprocessing.process.BaseProcess.start = start  # type: ignore[method-assign]

    # -- locks: which kind is held, and since which line
    def install_lock_watch(self) -> None:
        watch = self
        import _thread

        allocate_lock = _thread.allocate_lock

        class WatchedLock:
            kind = "threading.Lock"

            def __init__(self) -> None:
                self._lock = allocate_lock()
                self.line, self.owner = 0, 0  # kept cheap: deposits take it thousands of times
                watch.locks.add(self)

            def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
                got = self._lock.acquire(blocking, timeout)
                if got:
                    self.line, self.owner = _caller_line(watch.file), threading.get_ident()
                return got

            __enter__ = acquire

            def release(self) -> None:
                self.line = 0
                self._lock.release()

            def __exit__(self, *exc: object) -> None:
                self.release()

            def locked(self) -> bool:
                return self._lock.locked()

            def _at_fork_reinit(self) -> None:
                self._lock._at_fork_reinit()  # type: ignore[attr-defined]
                self.line, self.owner = 0, 0

        class WatchedAsyncLock(asyncio.Lock):
            kind = "asyncio.Lock"

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.line, self.owner = 0, 0
                watch.locks.add(self)

            async def acquire(self) -> Any:
                got = await super().acquire()
                self.line = _caller_line(watch.file)
                return got

            def release(self) -> None:
                self.line = 0
                super().release()

        self.lock_acquire_code = WatchedLock.acquire.__code__
        threading.Lock = WatchedLock  # type: ignore[misc, assignment]
        asyncio.Lock = asyncio.locks.Lock = WatchedAsyncLock  # type: ignore[misc]

    def held_locks(self) -> list[dict[str, Any]]:
        """The watched locks held now, taken in the learner's code; `self_wait` when the thread
        that holds a threading.Lock is itself waiting to acquire it again."""
        frames = sys._current_frames()
        held = []
        for lock in list(self.locks):
            if lock.locked() and lock.line:
                frame, self_wait = frames.get(lock.owner), False
                while frame is not None and lock.owner:
                    if frame.f_code is self.lock_acquire_code and frame.f_locals.get("self") is lock:
                        self_wait = True
                    frame = frame.f_back
                held.append({"kind": lock.kind, "where": _site(self.file, lock.line),
                             "self_wait": self_wait})
        return held

    # -- deposits: each call of Class.method, with the reads and writes of the state in it.
    # Threads record in thread-local lists (nothing shared to contend for without the GIL);
    # tasks, which share one thread, in a dict by task.
    def who(self) -> Any:
        if self.tasks:
            with contextlib.suppress(RuntimeError):
                task = asyncio.current_task()
                if task is not None:
                    return task
        return threading.current_thread()

    def current_steps(self) -> list[tuple[str, int]] | None:
        if self.tasks:
            with contextlib.suppress(RuntimeError):
                task = asyncio.current_task()
                if task is not None:
                    return self.steps.get(task)
        return getattr(self.local, "steps", None)

    def step(self, step: str, account: Any = None) -> None:
        steps = self.current_steps()
        if steps is not None:
            steps.append((step, id(account)))

    def record(self, deposit: tuple[Any, int, int, str, int]) -> None:
        if self.tasks:
            self.deposits.append(deposit)
            return
        mine = getattr(self.local, "deposits", None)
        if mine is None or mine[0] != self.generation:  # first deposit of this thread this call
            mine = self.local.deposits = (self.generation, [])
            with self.register:
                self.thread_deposits.append(mine[1])
        mine[1].append(deposit)

    def install_pause_watch(self) -> None:
        pause = self.options.get("pause")
        if pause == "time.sleep":
            real_sleep = time.sleep

            @functools.wraps(real_sleep)
            def sleep(secs: float) -> None:
                self.step("pause")
                real_sleep(secs)

            time.sleep = sleep  # type: ignore[assignment]
        elif pause == "asyncio.sleep":
            real_async_sleep = asyncio.sleep

            @functools.wraps(real_async_sleep)
            async def async_sleep(delay: float, result: Any = None) -> Any:
                self.step("pause")
                return await real_async_sleep(delay, result)

            asyncio.sleep = asyncio.tasks.sleep = async_sleep  # type: ignore[assignment]

    def install_deposit_watch(self, module: Any) -> str | None:
        """Wrap Class.method and Class.state; a problem (one line) if the file has no such class."""
        names = self.options
        cls = getattr(module, names["class"], None)
        method = getattr(cls, names["method"], None) if inspect.isclass(cls) else None
        if method is None:
            return (f"{Path(self.file).name} has no class {names['class']} with a "
                    f"{names['method']}() method: the check watches {names['class']}."
                    f"{names['method']}() and {names['class']}.{names['state']}")
        self.state_name = state = names["state"]
        original: Any = cls.__dict__.get(state)
        watch = self

        class Watched:
            def __get__(self, obj: Any, owner: Any = None) -> Any:
                if obj is None:
                    return original
                watch.step("read", obj)
                return Watched.value(obj)

            def __set__(self, obj: Any, value: Any) -> None:
                watch.accounts.setdefault(id(obj), obj)
                watch.step("write", obj)
                if hasattr(original, "__set__"):
                    original.__set__(obj, value)
                else:
                    obj.__dict__[state] = value

            @staticmethod
            def value(obj: Any) -> Any:
                if hasattr(original, "__get__") and hasattr(original, "__set__"):
                    return original.__get__(obj, type(obj))
                if state in obj.__dict__:
                    return obj.__dict__[state]
                if original is not None:
                    return original
                raise AttributeError(state)

        self.read_state = Watched.value
        setattr(cls, state, Watched())

        def begin() -> Any:
            if self.current_steps() is not None:  # a deposit inside a deposit: the outer one's
                return None
            who = self.who()
            if self.tasks and who is not threading.current_thread():
                self.steps[who] = []
            else:
                self.local.steps = []
            return who, time.perf_counter_ns()

        def end(token: Any, account: Any) -> None:
            if token is None:
                return
            who, started = token
            steps = self.current_steps() or []
            if self.tasks and who is not threading.current_thread():
                self.steps.pop(who, None)
            else:
                self.local.steps = None
            mine = "".join({"read": "r", "write": "w", "pause": "p"}[s] for s, a in steps
                           if s == "pause" or a == id(account))
            self.record((who, started, time.perf_counter_ns(), mine, id(account)))

        async def deposit_async(account: Any, *args: Any, **kwargs: Any) -> Any:
            token = begin()
            try:
                return await method(account, *args, **kwargs)
            finally:
                end(token, account)

        def deposit(account: Any, *args: Any, **kwargs: Any) -> Any:
            token = begin()
            try:
                return method(account, *args, **kwargs)
            finally:
                end(token, account)

        wrapper = deposit_async if inspect.iscoroutinefunction(method) else deposit
        setattr(cls, names["method"], functools.wraps(method)(wrapper))
        return None

    def deposit_summary(self) -> dict[str, Any]:
        """What the deposits of one call looked like; resets for the next call."""
        with self.register:
            deposits = self.deposits + [d for mine in self.thread_deposits for d in mine]
            self.deposits, self.thread_deposits, self.generation = [], [], self.generation + 1
        accounts, self.accounts = self.accounts, {}
        per_who: dict[Any, list[tuple[int, int]]] = {}
        per_account: dict[int, int] = {}
        for who, start, end, _, account in deposits:
            per_who.setdefault(who, []).append((start, end))
            per_account[account] = per_account.get(account, 0) + 1
        spans = sorted((min(s for s, _ in v), max(e for _, e in v)) for v in per_who.values())
        events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
        overlap = active = 0
        for _, change in events:
            active += change
            overlap = max(overlap, active)
        bad = [steps for *_, steps, _ in deposits if not _read_pause_write(steps)]
        used = [a for key, a in accounts.items() if key in per_account]
        balances = []
        for account in used:
            try:
                balances.append(self.read_state(account))
            except Exception as error:  # noqa: BLE001
                balances.append(f"unreadable: {error}")
        return {"deposits": len(deposits), "per_depositor": sorted(len(v) for v in per_who.values()),
                "overlap": overlap, "accounts": len(used), "balances": balances,
                "bad_pauses": len(bad), "example": _steps_words(bad[0]) if bad else ""}

    # -- the watchdog: answers the parent's "what are you doing?"
    def start_watchdog(self, paths: dict[str, str]) -> None:
        def loop() -> None:
            dump = Path(paths["dump"])
            while True:
                if dump.exists():
                    with contextlib.suppress(Exception):
                        state = self.state()
                        partial = Path(paths["state"] + ".partial")
                        partial.write_text(json.dumps(state), encoding="utf-8")
                        partial.replace(paths["state"])
                    with contextlib.suppress(OSError):
                        dump.unlink()
                time.sleep(0.05)

        threading.Thread(target=loop, name="check-watchdog", daemon=True).start()

    def state(self) -> dict[str, Any]:
        frames = sys._current_frames()
        main = threading.main_thread()
        threads = [{"name": t.name, "daemon": t.daemon, "main": t is main,
                    "where": _learner_frame(frames.get(t.ident or 0), self.file)}
                   for t in threading.enumerate() if t.name != "check-watchdog"]
        tasks = []
        loop = self.loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                for task in list(asyncio.all_tasks(loop)):
                    tasks.append({"where": _coroutine_site(task.get_coro(), self.file)})
        started, started_cpu = self.call_started
        return {"threads": threads, "tasks": tasks, "held": self.held_locks(),
                "cpu_s": time.process_time() - started_cpu,
                "elapsed_s": time.monotonic() - started}


def _read_pause_write(steps: str) -> bool:
    """Did a deposit read the state, then pause, then write it, in that order?"""
    read = steps.find("r")
    pause = steps.find("p", read + 1) if read >= 0 else -1
    return pause >= 0 and steps.find("w", pause + 1) >= 0


def _steps_words(steps: str) -> str:
    words = {"r": "read", "w": "write", "p": "pause"}
    return ", ".join(words[s] for s in steps) or "nothing"


class _StartedAtImport(BaseException):
    """A process was started while the learner's file was being imported."""


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


def _import(file: str, watch: _Watch) -> Any:
    """Import the learner's file as a module, with processes forbidden while it runs."""
    module_name = Path(file).stem
    if not module_name.isidentifier():
        raise ImportError(f"{Path(file).name} is not a valid module name")
    ast.parse(Path(file).read_bytes(), filename=file)  # a syntax error gets a clear line number
    import importlib

    watch.guard_imports = True
    try:
        module = importlib.import_module(module_name)
    finally:
        watch.guard_imports = False
    if Path(getattr(module, "__file__", "") or "").resolve() != Path(file).resolve():
        raise ImportError(f"`import {module_name}` found another module, "
                          f"{getattr(module, '__file__', 'built in')}: rename your file")
    return module


def _child(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    file, name, paths = spec["file"], spec["function"], spec["paths"]
    result: dict[str, Any] = {}
    watch = _Watch(spec)

    def fail(message: str, hint: str) -> None:
        result.update(error=message, hint=hint)

    sys.path.insert(0, str(Path(file).parent))
    sys.argv = [file]
    watch.start_watchdog(paths)
    watch.install_error_hooks()
    watch.guard_process_start()
    if spec["watch"].get("locks"):
        watch.install_lock_watch()
    if spec["watch"].get("pause"):
        watch.install_pause_watch()
    try:
        module = _import(file, watch)
    except SyntaxError as error:
        fail(f"{Path(file).name} has a syntax error on line {error.lineno}: {error.msg}",
             "Fix the line it names; `python3 " + Path(file).name + "` shows the same error.")
    except _StartedAtImport as error:
        fail(f"importing {Path(file).name} started a process, at {error.args[0] or 'the top level'}"
             f", before the check called {name}()",
             "Worker processes import your file too, so the program must not run on import: "
             "put the code that runs it under `if __name__ == \"__main__\":` (the guard is "
             "missing, or the pool is created at the top level of the file).")
    except SystemExit as error:
        fail(f"{Path(file).name} called sys.exit({error.code!r}) while being imported",
             "Put the code that runs the program under `if __name__ == \"__main__\":`.")
    except BaseException as error:  # noqa: BLE001: anything the learner's import does
        fail(f"importing {Path(file).name} raised {type(error).__name__}: {error}"
             f"{_where(error, file)}",
             "Code at the top level of the file runs on import: keep it to definitions, and "
             "run the program under `if __name__ == \"__main__\":`.")
    else:
        Path(paths["imported"]).touch()
        _call(module, spec, watch, result, fail)
    if watch.inner_error:
        result["inner_error"] = watch.inner_error
    try:
        text = json.dumps(result, default=_encode)
    except (TypeError, ValueError) as error:  # e.g. circular structures
        text = json.dumps({"error": f"{name}() returned something that cannot be checked: {error}",
                           "hint": "Return plain values, as the task says."})
    partial = Path(paths["result"] + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(paths["result"])  # the parent sees a complete file or none
    return 0


def _call(module: Any, spec: dict[str, Any], watch: _Watch, result: dict[str, Any],
          fail: Callable[[str, str], None]) -> None:
    file, name = spec["file"], spec["function"]
    function = getattr(module, name, None)
    defined = sorted(n for n, v in vars(module).items()
                     if inspect.isfunction(v) and v.__module__ == module.__name__)
    if not callable(function):
        fail(f"{Path(file).name} has no function named {name}()"
             f" (it defines: {', '.join(defined) or 'no functions'})",
             f"The check calls {name}(): keep that name and its parameters.")
        return
    if spec["is_async"] and not inspect.iscoroutinefunction(function):
        fail(f"{name}() is not a coroutine function",
             f"Define it with `async def {name}(...)`: the check runs it with asyncio.run().")
        return
    if not spec["is_async"] and inspect.iscoroutinefunction(function):
        fail(f"{name}() is `async def`, but this exercise calls it as a plain function",
             "Keep it a plain `def`.")
        return
    watching = bool(spec["watch"].get("class"))
    if watching:
        problem = watch.install_deposit_watch(module)
        if problem:  # the calls still run: their own errors come first
            result["watch_problem"] = problem
            watching = False
    values, durations, cpu, windows, ticks, observed = [], [], [], [], [], []
    pace = _start_alongside(spec["alongside"], ticks)
    try:
        for args in spec["calls"]:
            windows.append([time.monotonic(), 0.0])
            started, started_cpu = time.perf_counter(), time.process_time()
            watch.call_started = (time.monotonic(), started_cpu)
            if spec["is_async"]:
                watch._main_task_made = False  # type: ignore[attr-defined]
                with asyncio.Runner() as runner:
                    watch.loop = runner.get_loop()
                    watch.loop.set_task_factory(watch.task_factory)  # type: ignore[arg-type]
                    value = runner.run(cast(Coroutine[Any, Any, Any], function(*args)))
            else:
                value = function(*args)
            durations.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            windows[-1][1] = time.monotonic()
            values.append(value)
            if watching:
                observed.append(watch.deposit_summary())
        times = os.times()  # before the `alongside` program is waited for: not counted
        result.update(values=values, seconds=durations, cpu_s=cpu, windows=windows,
                      ticks=list(ticks), observed=observed,
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


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


class Report:
    """The verdict, line by line: `[ok]`, `[FAIL]`, `[busy]` or `[skip]` and plain words."""

    def __init__(self) -> None:
        self.failures: list[tuple[str, str]] = []
        self.unmeasured: list[str] = []

    def ok(self, what: str) -> None:
        print(f"  [ok]   {what}", flush=True)

    def fail(self, what: str, hint: str) -> None:
        print(f"  [FAIL] {what}", flush=True)
        self.failures.append((what, hint))

    def busy(self, what: str) -> None:
        """A check that could not measure (the machine was busy): never a pass."""
        print(f"  [busy] {what}", flush=True)
        self.unmeasured.append(what)

    def skip(self, what: str) -> None:
        print(f"  [skip] {what}", flush=True)

    def note(self, what: str) -> None:
        print(f"         {what}", flush=True)

    def fail_run(self, run: Run, what: str, hint: str) -> None:
        """A failure whose cause may be an error inside the learner's threads or tasks: show
        its traceback first, and make fixing it the hint."""
        if run.inner_error:
            self.fail(what, "An error was raised inside your threads or tasks (its traceback is "
                            "above): fix it first; the results were wrong because of it.")
            for line in run.inner_error:
                self.note(f"| {line[:150]}")
        else:
            self.fail(what, hint)

    def require_run(self, run: Run, what: str) -> bool:
        """Report a run that did not return; True when it did."""
        if run.ok:
            return True
        self.fail(f"{what}: {run.problem}", run.hint or "")
        if run.leftovers:
            count = len(run.leftovers)
            self.note(f"the check ended {count} process{'es' if count > 1 else ''} your code "
                      f"had started: {', '.join(run.leftovers[:3])}{' and more' if count > 3 else ''}")
        if run.inner_error and not run.timed_out:
            for line in run.inner_error:
                self.note(f"| {line[:150]}")
        output = run.output.strip()
        if output:
            lines = output.splitlines()[-6:]
            self.note("its last output:")
            for line in lines:
                self.note(f"| {line[:150]}")
        return False

    def shutdown(self, run: Run, hint: str | None = None) -> None:
        if run.shutdown_problem:
            ended = f" (the check ended {', '.join(run.leftovers[:3])})" if run.leftovers else ""
            self.fail(f"clean shutdown: {run.shutdown_problem}{ended}", hint or (
                "Everything your function starts must be finished when it returns: leave "
                "the pool's `with` block (it waits for the workers), or join the threads, "
                "and give every wait a timeout."))
        else:
            self.ok("clean shutdown: the program exited and left nothing running")

    def finish(self) -> int:
        print()
        if self.failures:
            count = len(self.failures)
            print(f"Not yet: {count} check{'s' if count > 1 else ''} failed.")
            print(f"Hint: {self.failures[0][1]}")
            print("More hints, from a nudge to the answer, are in HINTS.md.")
            return 1
        if self.unmeasured:
            print("Could not check speed: run again on a quieter machine "
                  "(close other programs first). Everything else passed.")
            return 3
        print("All checks passed. Well done!")
        return 0


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(check: Callable[[Path, Report], None], task: str, argv: list[str] | None = None) -> int:
    """The command line of a check.py: `python3 check.py [FILE]` (FILE defaults to exercise.py).

    `check(file, report)` runs the checks and fills the report. Ctrl-C (or SIGTERM) stops
    everything (130). Exit codes: 0 passed, 1 failed, 3 could not measure speed.
    """
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return _child(sys.argv[2])
    # Ctrl-C must stop the check however it was started: a shell starts background commands
    # with SIGINT ignored, and Python then installs no KeyboardInterrupt handler of its own.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if POSIX:
        signal.signal(signal.SIGTERM, _interrupt)
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
    if not become_subreaper():
        print("  (on this system the check finds only the processes that stay in your "
              "program's process group)", flush=True)
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


class Requests:
    """What a server received: each request's path and when its handling began and ended."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events: list[tuple[str, float, float]] = []
        self.slower: dict[str, float] = {}  # path -> seconds added before the answer

    def begin(self, path: str) -> int:
        with self.lock:
            self.events.append((path, time.monotonic(), math.inf))
            return len(self.events) - 1

    def end(self, index: int) -> None:
        with self.lock:
            path, start, _ = self.events[index]
            self.events[index] = (path, start, time.monotonic())

    def count(self, urls: Sequence[str]) -> dict[str, int]:
        """How many requests each URL got (by path)."""
        wanted = dict.fromkeys(map(_path, urls), 0)
        with self.lock:
            for path, _, _ in self.events:
                if path in wanted:
                    wanted[path] += 1
        return wanted

    def unanswered(self, urls: Sequence[str], by: float, latency_s: float) -> int:
        """How many of `urls` had no request begun `latency_s` before `by` (time.monotonic(),
        system-wide): no answer to them can have come back by then."""
        wanted = dict.fromkeys(map(_path, urls), False)
        with self.lock:
            for path, start, _ in self.events:
                if path in wanted and start + latency_s <= by:
                    wanted[path] = True
        return sum(1 for answered in wanted.values() if not answered)

    def most_at_once(self, urls: Sequence[str]) -> int:
        """The most requests for `urls` that were being handled at the same moment. A request
        counts as done 10 ms before its handler returns: a client that has its answer may send
        the next request before the handler's last line has run."""
        wanted = set(map(_path, urls))
        with self.lock:
            done = [(s, max(s, e - 0.01)) for p, s, e in self.events if p in wanted]
            edges = sorted([(s, 1) for s, _ in done] + [(e, -1) for _, e in done],
                           key=lambda edge: (edge[0], edge[1]))
        most = active = 0
        for _, change in edges:
            active += change
            most = max(most, active)
        return most


def _path(url: str) -> str:
    return urllib.parse.urlsplit(url).path


def count_requests(server: Any) -> Requests:
    """Count the GET requests a latency_server.LatencyServer receives from now on, by
    subclassing the handler it was built with (its answers stay the same; those for the
    paths in Requests.slower come later)."""
    requests = Requests()
    base = server.RequestHandlerClass

    class Counting(base):  # type: ignore[misc, valid-type]
        def do_GET(self) -> None:
            path = _path(self.path)
            index = requests.begin(path)
            try:
                if path in requests.slower:  # an answer that comes later than the others
                    time.sleep(requests.slower[path])
                super().do_GET()
            finally:
                requests.end(index)

    server.RequestHandlerClass = Counting
    return requests


class HungServer:
    """A server on 127.0.0.1 that accepts connections, reads each request, and never answers."""

    def __init__(self, listener: socket.socket) -> None:
        self.listener = listener
        self.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        self.requests = Requests()
        self.stopping = threading.Event()
        self.connections: list[socket.socket] = []

    def serve(self) -> None:
        self.listener.settimeout(0.05)
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection: socket.socket) -> None:
        data = b""
        with contextlib.suppress(OSError):
            connection.settimeout(5)
            while b"\r\n" not in data and len(data) < 8192:
                chunk = connection.recv(1024)
                if not chunk:
                    break
                data += chunk
        words = data.split(b"\r\n", 1)[0].split()
        if len(words) >= 2:
            self.requests.begin(_path(words[1].decode("ascii", "replace")))


@contextlib.contextmanager
def hung_server() -> Iterator[HungServer]:
    """A server that reads requests and never answers (until the block ends)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    server = HungServer(listener)
    thread = threading.Thread(target=server.serve, name="hung-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        thread.join(timeout=1)
        listener.close()
        for connection in server.connections:
            connection.close()


def fetch(url: str, timeout: float = 10) -> bytes:
    """GET one URL and return the body (the checker's reference client)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def random_items(count: int) -> list[int]:
    """`count` different item numbers, new on every run: a precomputed answer cannot match."""
    return random.sample(range(1000, 10_000_000), count)


def check_same(report: Report, got: Any, expected: list[Any], what: str, hint: str,
               reference: str = "as the sequential version", run: Run | None = None) -> bool:
    """Compare a returned list with the reference, and say plainly how it differs."""
    fail = report.fail if run is None else functools.partial(report.fail_run, run)
    if not isinstance(got, list):
        fail(f"correct result: expected a list of {len(expected)} {what}, got {describe(got)}",
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
    fail(f"correct result: {problem}", hint)
    return False


def speed_verdict(report: Report, *, elapsed_s: float, sequential_s: float, ideal_s: float,
                  share: float, ideal_words: str, hint: str, final: bool, measurable: bool = True,
                  busy_words: str = "", baseline_words: str = "one after another",
                  too_fast: float = 1.5, too_fast_hint: str = "",
                  too_fast_busy: float = math.inf) -> bool | None:
    """Judge a time against the ideal bound measured in the same run.

    speedup = sequential_s / elapsed_s must reach `share` of the ideal speedup
    sequential_s / ideal_s, and stay under `too_fast` times it (above, the work was not done;
    while not `measurable`, only above `too_fast_busy` times it: what a busy machine can explain).
    Returns True or False, or None when worth measuring again (only when not `final`). A final
    shortfall while `measurable` is False (the machine was busy) is a [busy] line, never a pass.
    """
    speedup, ideal = sequential_s / elapsed_s, sequential_s / ideal_s
    needed = share * ideal
    words = (f"{speedup:.1f}x faster than {baseline_words} ({seconds(elapsed_s)} vs "
             f"{seconds(sequential_s)}); the ideal {ideal_words} is {ideal:.1f}x, and "
             f"{share:.0%} of it is {needed:.1f}x")
    if speedup > too_fast * ideal:
        if not final:
            report.note(f"faster than possible ({speedup:.1f}x): measuring again")
            return None
        if not measurable and speedup <= too_fast_busy * ideal:  # a starved reference
            report.busy(f"fast enough: could not check speed: {words}, but {busy_words}; run "
                        "again on a quieter machine")
            return None
        report.fail(f"faster than possible: did it do the work? {words}",
                    too_fast_hint or "Do the work the task describes, every time: the check "
                    "gives new inputs on every run.")
        return False
    if speedup >= needed:
        report.ok(f"fast enough: {words}")
        return True
    if not final and speedup > 1.1:  # some speedup, so not the starting point: measure again
        report.note(f"short ({speedup:.1f}x of the {needed:.1f}x needed): measuring again, "
                    "in case the machine was busy")
        return None
    if not measurable:
        report.busy(f"fast enough: could not check speed: {words}, but {busy_words}; run "
                    "again on a quieter machine")
        return None
    report.fail(f"fast enough: {words}", hint)
    return False


def check_downloads(file: Path, report: Report, *, serve: Callable[..., Any], items: int,
                    workers: int, latency_ms: float, share: float, is_async: bool,
                    slow_hint: str, limit_hint: str) -> None:
    """The I/O exercises' check: download_all(urls) against a local latency server.

    `serve` is latency_server.serve (passed in, so that this module needs nothing else). The
    URLs are new on every run, and the server counts the requests it gets and how many are in
    flight at once: every URL must be requested, never more than `workers` at once. The
    sequential time is `items` x one request's time, measured here; the ideal bound is the time
    of the check's own pool of `workers` threads, measured in a child process just before the
    learner's code (never less than the rounds `workers` need x one request). Measured twice
    when the first try is close but short.
    """
    rounds_s = -(-items // workers) * latency_ms / 1000
    for attempt in (1, 2):
        with serve(latency_ms=latency_ms) as server:
            requests = count_requests(server)
            picks = random_items(2 * items + 7)
            url = [f"{server.url}/item/{item}" for item in picks]
            warm, urls, ref_urls, singles_urls = url[:2], url[2:items + 2], url[items + 2:-5], url[-5:]
            # The first answer comes later than the others, so that results gathered in
            # the order they arrive are out of order on every run.
            extra_s = latency_ms / 2000
            requests.slower = {_path(urls[0]): extra_s, _path(ref_urls[0]): extra_s}
            singles = []
            for one in singles_urls[:3]:  # one request, timed here: the unit of the sequential time
                started = time.perf_counter()
                fetch(one)
                singles.append(time.perf_counter() - started)
            sequential_s = items * sorted(singles)[1] + extra_s
            # The ideal bound, measured now, under the machine's current load: the check's own
            # pool of `workers` threads, run and timed exactly like the learner's code.
            # Two calls each: a small one first, so that one-time costs (imports, and on Python
            # 3.12+ urllib's first opener, which loads the TLS certificates) are not timed.
            reference = run_function(Path(__file__), "reference_download_all",
                                     [[singles_urls[3:], workers], [ref_urls, workers]],
                                     timeout_s=2 * sequential_s + 2)
            run = run_function(file, "download_all", [[warm], [urls]], is_async=is_async,
                               timeout_s=2 * sequential_s + 2)
            counts = requests.count(urls)
            at_once = requests.most_at_once(urls)
            with ThreadPoolExecutor(max_workers=workers) as pool:  # the expected bodies
                expected = list(pool.map(fetch, urls))
                expected_ref = list(pool.map(fetch, ref_urls))
        if not reference.ok or reference.values[1] != expected_ref:
            report.fail(f"reference run: {reference.problem or 'wrong result'}",
                        "The check itself went wrong: run it again, or download the exercise again.")
            return
        floor_s = rounds_s + extra_s  # the first answer's extra wait adds to the last round
        ideal_s = max(reference.seconds[1], floor_s)
        if not report.require_run(run, "runs"):
            return
        missing = sum(1 for n in counts.values() if n == 0)
        if attempt == 1:
            report.ok(f"runs: download_all() returned in {seconds(run.seconds[1])} "
                      f"(after a first call with 2 URLs, not timed)")
            good = check_same(report, run.values[1], expected, "bodies",
                              "Return one body (bytes) per URL, in the order of `urls`.", run=run)
            if missing:
                report.fail(f"does the work: the server got no request for {missing} of the "
                            f"{items} URLs", "Download every URL: the check's URLs are new on "
                            "every run, and its server counts the requests it gets.")
            else:
                report.ok(f"does the work: the server got a request for each of the {items} "
                          "URLs (new on every run)")
            if at_once > workers:
                report.fail(f"at most {workers} requests at once: the server had {at_once} in "
                            f"flight at the same time", limit_hint)
            else:
                report.ok(f"at most {workers} requests at once: the server had at most "
                          f"{at_once} in flight")
            if not good or missing or at_once > workers:
                report.shutdown(run)
                return
        elif run.values[1] != expected:
            report.fail("correct result: the second measurement returned a different result",
                        "Return one body (bytes) per URL, in the order of `urls`, every time.")
        elapsed = run.seconds[1]
        # However slow the machine, no body can be back before its request has waited out the
        # latency: a call that returned earlier returned bodies it did not download.
        early = requests.unanswered(urls, run.windows[1][1], 0.9 * latency_ms / 1000)
        if early:
            report.fail(f"faster than possible: did it do the work? download_all() returned "
                        f"before the server could have answered {early} of the {items} requests",
                        "Return the bodies the requests brought back, after they came back.")
            report.shutdown(run)
            return
        if elapsed < 0.9 * rounds_s:
            report.fail(f"faster than possible: did it do the work? {items} requests with at "
                        f"most {workers} at once take at least {seconds(rounds_s)}, and "
                        f"download_all() returned after {seconds(elapsed)}",
                        "Return the bodies the requests brought back, after they came back.")
            report.shutdown(run)
            return
        few = at_once < workers / 2  # too few at once: slow whatever the load
        verdict = speed_verdict(
            report, elapsed_s=elapsed, sequential_s=sequential_s, ideal_s=ideal_s,
            share=share, ideal_words=f"(the check's own {workers} threads)",
            hint=slow_hint + (f" (The server never had more than {at_once} of your requests "
                              "in flight at once.)" if few else ""),
            final=attempt == 2 or few, too_fast=math.inf,
            measurable=few or reference.seconds[1] < 1.3 * floor_s,
            busy_words=(f"the check's own threads took {seconds(reference.seconds[1])} where "
                        f"an idle machine takes {seconds(floor_s)}"))
        if verdict is not None or attempt == 2:
            report.shutdown(run)
            return


def reference_download_all(urls: list[str], workers: int) -> list[bytes]:
    """The check's own download_all(), timed like the learner's: `workers` threads at once."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetch, urls))


def deposit_watch(pause: str) -> dict[str, Any]:
    """The `watch` of the lock exercises: every Account.deposit(), the reads and writes of
    Account.balance in it, and `pause` ("time.sleep" or "asyncio.sleep") wherever it is called."""
    return {"class": "Account", "method": "deposit", "state": "balance", "pause": pause,
            "locks": True}


def check_deposits(report: Report, run: Run, counts: Sequence[tuple[int, int]], *,
                   who: str, pause: str, lock_hint: str) -> None:
    """The lock exercises' verdicts, one line each, over every call: the deposits were made
    (by `threads` depositors, `deposits` each), overlapped in time, paused between the read and
    the write every time, and the shared account ended with every deposit."""
    odd = [value for value in run.values if not isinstance(value, int) or isinstance(value, bool)]
    if odd:
        report.fail_run(run, f"no lost deposits: expected the final balance (an int), got "
                             f"{describe(odd[0])}", "Return the account's balance, an int.")
        return
    if run.watch_problem:
        report.fail(run.watch_problem, "Keep the class Account, its deposit() method and its "
                                       "balance attribute, as in the exercise.")
        return
    rows = list(zip(counts, run.values, run.observed))
    # A pool may run two customers one after the other on one thread: fewer depositors than
    # asked is fine (the overlap check below sees none at all), more is not.
    made = [(c, o) for c, _, o in rows if o["deposits"] != c[0] * c[1]
            or len(o["per_depositor"]) > c[0]]
    if made:
        (threads, deposits), seen = made[0]
        per = seen["per_depositor"]
        got = (f"{len(per)} {who}{'s' if len(per) != 1 else ''} made "
               f"{', '.join(map(str, per)) or 'no'} deposit{'s' if sum(per) != 1 else ''}"
               if per else "Account.deposit() was never called")
        report.fail_run(run, f"the deposits were made: run_deposits({threads}, {deposits}) "
                             f"should make {threads} {who}s deposit {deposits} times each; {got}",
                        f"Start exactly `{'threads' if who == 'thread' else 'customers'}` "
                        f"{who}s, each calling account.deposit(1) `deposits` times: the check "
                        "counts the calls, with new counts on every run.")
        return
    report.ok(f"the deposits were made: {len(rows)} runs with new counts each time "
              f"({', '.join(f'{t}x{d}' for (t, d), _, _ in rows)}), by no more {who}s than asked")
    bad = sum(o["bad_pauses"] for _, _, o in rows)
    total = sum(o["deposits"] for _, _, o in rows)
    if bad:
        example = next(o["example"] for _, _, o in rows if o["example"])
        report.fail(f"the pause runs between the read and the write: in {bad:,} of {total:,} "
                    f"deposits it did not (one did: {example})",
                    f"Keep `{pause}(0)` between the read of self.balance and the write, in "
                    "every deposit: it stands for any work between them. Make the update "
                    "safe with the lock instead.")
    else:
        report.ok(f"the pause runs between the read and the write: in all {total:,} deposits")
    lonely = [o for _, _, o in rows if o["overlap"] < 2]
    if lonely:
        report.fail(f"the deposits overlapped in time: in {len(lonely)} of {len(rows)} runs, "
                    f"each {who} finished its deposits before the next one started",
                    f"Start all the {who}s first, then wait for them all: one after another, "
                    "there is no race to fix, and no lock is tested.")
    else:
        report.ok(f"the deposits overlapped in time: up to "
                  f"{max(o['overlap'] for _, _, o in rows)} {who}s depositing at once")
    wrong = []
    for (threads, deposits), value, seen in rows:
        expected = threads * deposits
        balances = seen["balances"]
        if seen["accounts"] != 1:
            wrong.append(f"the deposits went to {seen['accounts']} accounts, not one shared account")
        elif balances[0] != expected:
            wrong.append(f"the account ended with {_number(balances[0])}, expected {expected:,}")
        elif value != balances[0]:
            wrong.append(f"run_deposits() returned {describe(value) if not isinstance(value, int) or isinstance(value, bool) else f'{value:,}'}, "
                         f"but the account's balance is {balances[0]:,}")
    if wrong:
        report.fail_run(run, f"no lost deposits: {len(wrong)} of {len(rows)} runs ended wrong "
                             f"({wrong[0]})",
                        lock_hint if "ended with" in wrong[0] else
                        "Create one Account, let every depositor use it, and return its balance.")
    else:
        report.ok(f"no lost deposits: in all {len(rows)} runs the shared account, read by the "
                  "check, held every deposit, and run_deposits() returned its balance")


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else describe(value)


if __name__ == "__main__":
    sys.exit(main(lambda file, report: None, "(no exercise: run check.py instead)"))
