"""Time an example's plain variants from outside: the course's harness.

A variant file (threads.py, processes.py...) is plain teaching code: a few
constants, a function for one item, a function for all items and a main()
that prints its own time. It knows nothing of this module. The harness
imports it as a module and measures it without its help:

1. it sets the module's constants from the options (--items 12 sets
   ITEMS = 12), as example.json's "options" map them;
2. it replaces the per-item functions that example.json's "wrap" names by
   recording stand-ins, which note who ran each call and when: the thread,
   the asyncio task, or the worker process (the stand-in is picklable, and
   a worker process that imports the module afresh still records, under
   fork, spawn and forkserver alike);
3. it starts the local server when the example has one, then evaluates the
   variant's "call" (for example "download_all(urls(ITEMS))") between two
   readings of the wall and CPU clocks;
4. it prints the report: a table with a timeline, or one JSON object
   (timing-report.schema.json) with --json.

Everything about an example lives in its folder's example.json; this file
holds nothing specific to one. Each folder's compare.py hands its folder
to main(); `python3 compare.py --help` lists the options.

Observation API (also for the exercises' checks)
------------------------------------------------
observe(module, names, constants=None)  context manager: sets the module's
    constants, replaces each named function by a recording stand-in while
    the block runs (threads, asyncio tasks and worker processes under any
    start method), restores both after it; yields an Observation whose
    .tasks ([{id, worker, start_s, end_s}], by start time) and
    .workers_cpu_s are filled in when the block ends
environment(start_method=None)          the Python and the machine
load_example(folder), find_entry(meta, name)
run_variant(folder, meta, entry, given, server=None)   one report (a dict)
format_report(report)                   the report as text
main(folder, argv=None)                 compare.py's command line
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import inspect
import json
import logging
import os
import platform
import shutil
import signal
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

SCHEMA_VERSION = 1
EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 1, 2, 130, 143
IN_BROWSER = sys.platform in ("emscripten", "wasi")  # Pyodide
WINDOWS_MAX_PROCESSES = 61  # ProcessPoolExecutor's limit on Windows
BUSY_SHARE = 0.25  # others using a quarter of the CPUs: say so
# Under Pyodide, time.process_time() counts time spent sleeping as CPU time,
# so it cannot tell working from waiting: such a run reports no CPU time
# (null) and says why, rather than a number.
CPU_NOT_MEASURABLE = (
    "not measurable here: time.process_time() counts sleeping as CPU time"
    if sys.platform == "emscripten" else None)
TIMELINE_WIDTH, TIMELINE_ROWS = 48, 12


# ---------------------------------------------------------------------------
# Where a run happened
# ---------------------------------------------------------------------------


def environment(start_method: str | None = None) -> dict[str, Any]:
    """Describe the interpreter and the machine, so runs can be compared."""
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)  # 3.13+
    cpus = getattr(os, "process_cpu_count", os.cpu_count)()  # 3.13+
    return {
        "python_version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "gil_enabled": bool(is_gil_enabled() if is_gil_enabled else True),
        "free_threaded_build": bool(
            sysconfig.get_config_var("Py_GIL_DISABLED")),
        "os": platform.system(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": cpus,
        "start_method": start_method,
    }


def cpu_count() -> int:
    """CPUs this process may use."""
    return getattr(os, "process_cpu_count", os.cpu_count)() or 1


def _machine_busy_s() -> float | None:
    """CPU seconds all programs have used since boot (Linux), else None."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()[1:]
    except OSError:
        return None
    ticks = [int(value) for value in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s() -> float:
    """CPU seconds of this process and of its finished children."""
    times = os.times()
    return sum(times[:4])


# ---------------------------------------------------------------------------
# Recording calls from outside
# ---------------------------------------------------------------------------


class Stopped(Exception):
    """Raised by a stand-in after Ctrl-C: queued items end at once."""


_stopping = False  # set on Ctrl-C: stand-ins run nothing more


class Observation:
    """The calls recorded while an observe() block ran.

    Calls in this process are kept in memory; calls in worker processes
    are appended, one JSON line each, to a file per process in a
    temporary folder that the observation reads and removes at the end.
    """

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.folder = tempfile.mkdtemp(prefix="harness-")
        self.pid = os.getpid()
        self.origin = time.perf_counter()
        self.tasks: list[dict[str, Any]] = []
        self.workers_cpu_s = 0.0  # CPU time the calls took in workers

    def add(self, record: dict[str, Any]) -> None:
        with self.lock:  # several threads may finish at once
            self.records.append(record)

    def finish(self, origin: float, end: float) -> None:
        """Read the workers' files; number the tasks by start time."""
        records = list(self.records)
        for path in sorted(Path(self.folder).glob("*.jsonl")):
            with open(path, encoding="utf-8") as lines:
                records += [json.loads(line) for line in lines if line]
        shutil.rmtree(self.folder, ignore_errors=True)
        records.sort(key=lambda record: record["start"])
        self.tasks = [{
            "id": number,
            "worker": record["worker"],
            "start_s": round(min(max(0.0, record["start"] - origin),
                                 end - origin), 6),
            "end_s": round(min(max(0.0, record["end"] - origin),
                               end - origin), 6),
        } for number, record in enumerate(records)]
        self.workers_cpu_s = round(sum(
            record["cpu"] for record in records if record["remote"]), 6)


def _note(observation: Observation | None, folder: str, worker: str,
          start: float, cpu: float) -> None:
    """Keep one call's record: in memory here, in a file in a worker."""
    record = {"worker": worker, "start": start, "end": time.perf_counter(),
              "cpu": time.process_time() - cpu}
    if observation is not None and observation.pid == os.getpid():
        observation.add({**record, "remote": False})
        return
    path = os.path.join(folder, f"{os.getpid()}.jsonl")
    with open(path, "a", encoding="utf-8") as lines:
        lines.write(json.dumps({**record, "remote": True}) + "\n")


def _worker_name() -> str:
    if multiprocessing_child():
        return f"pid {os.getpid()}"
    return threading.current_thread().name


def multiprocessing_child() -> bool:
    """Whether this process was started by multiprocessing."""
    process = sys.modules.get("multiprocessing.process")
    return bool(process and process.parent_process() is not None)


class Recorded:
    """A picklable stand-in for module.name that records each call.

    Pickled (to be sent to a worker process), it travels as the module's
    name, the function's name, the folder for records and the constants
    the harness set; the worker rebuilds it from those, importing the
    module afresh if it must, so spawn and forkserver workers record too.
    """

    def __init__(self, module: str, name: str, function: Callable[..., Any],
                 folder: str, constants: Mapping[str, Any],
                 observation: Observation | None = None) -> None:
        self.module, self.name, self.function = module, name, function
        self.folder, self.constants = folder, dict(constants)
        self.observation = observation
        self.__name__ = self.__qualname__ = name  # as the function's
        self.__doc__ = function.__doc__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if _stopping:
            raise Stopped
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return self.function(*args, **kwargs)
        finally:
            _note(self.observation, self.folder, _worker_name(), start, cpu)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.module, self.name, self.folder,
                           self.constants))


class RecordedCoroutine(Recorded):
    """The stand-in of a coroutine function: records the awaiting task."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._run(*args, **kwargs)

    async def _run(self, *args: Any, **kwargs: Any) -> Any:
        if _stopping:
            raise Stopped
        start, cpu = time.perf_counter(), time.process_time()
        task = asyncio.current_task()
        try:
            return await self.function(*args, **kwargs)
        finally:
            worker = task.get_name() if task else _worker_name()
            _note(self.observation, self.folder, worker, start, cpu)


def _original(module: ModuleType, name: str) -> Callable[..., Any]:
    function = getattr(module, name)
    return function.function if isinstance(function, Recorded) else function


def _rebuild(module_name: str, name: str, folder: str,
             constants: Mapping[str, Any]) -> Recorded:
    """Unpickle a stand-in in a worker process (see Recorded)."""
    module = importlib.import_module(module_name)
    for constant, value in constants.items():
        setattr(module, constant, value)
    return Recorded(module_name, name, _original(module, name), folder,
                    constants)


@contextlib.contextmanager
def observe(module: ModuleType, names: list[str],
            constants: Mapping[str, Any] | None = None
            ) -> Iterator[Observation]:
    """Record every call of module.<name> for each name, during the block.

    constants are set on the module first (and in every worker process
    that rebuilds a stand-in). After the block, .tasks lists the calls
    (id, worker, start_s, end_s from the block's start).
    """
    observation = Observation()
    saved = {name: getattr(module, name) for name in names}
    saved_constants = {name: getattr(module, name)
                       for name in constants or {}}
    for name, value in (constants or {}).items():
        setattr(module, name, value)
    for name, function in saved.items():
        kind = (RecordedCoroutine if inspect.iscoroutinefunction(function)
                else Recorded)
        setattr(module, name, kind(module.__name__, name, function,
                                   observation.folder, constants or {},
                                   observation))
    try:
        yield observation
    finally:
        for name, function in {**saved, **saved_constants}.items():
            setattr(module, name, function)
        observation.finish(observation.origin, time.perf_counter())


# ---------------------------------------------------------------------------
# Ctrl-C: one line, exit 130, no process left behind (SIGTERM: the same, exit 143)
# ---------------------------------------------------------------------------

_held = 0  # how many _ctrl_c_held() blocks are running
_pending = False  # a Ctrl-C arrived during one of them


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back while a process starts; it takes effect after.

    SIGINT is blocked in this thread, so the process started meanwhile is
    born with it blocked and never sees the Ctrl-C meant for the terminal:
    the harness stops it instead (POSIX only).
    """
    global _held, _pending
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
        if _pending and not _held:
            _pending = False
            if threading.current_thread() is threading.main_thread():
                _on_ctrl_c(signal.SIGINT, None)
            else:
                signal.raise_signal(signal.SIGINT)


def _quiet_process_starts() -> None:
    """Start every worker process of this program with Ctrl-C held."""
    from multiprocessing import process

    start = process.BaseProcess.start
    if getattr(start, "quiet", False):
        return

    def quiet_start(self: Any) -> None:
        with _ctrl_c_held():
            start(self)

    quiet_start.quiet = True  # type: ignore[attr-defined]
    process.BaseProcess.start = quiet_start  # type: ignore[method-assign]


_forkserver_started = False


def _start_forkserver() -> None:
    """Start the fork server ignoring Ctrl-C, as its children then do.

    Call it before the program's first line: a Ctrl-C that arrives while
    SIGINT is ignored here is lost.
    """
    global _forkserver_started
    from multiprocessing import forkserver

    if _forkserver_started:
        return
    _forkserver_started = True
    with _ctrl_c_held():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            forkserver.ensure_running()
        finally:
            signal.signal(signal.SIGINT, previous)


def stop_children() -> None:
    """Terminate this program's worker processes and wait for them."""
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=2)


class Deadline:
    """Give up when `seconds` have passed: TimeoutError in the main thread.

    A timer signal (SIGALRM, POSIX) stops the stand-ins and the worker
    processes, as a Ctrl-C does, then raises. Without SIGALRM (Windows,
    Pyodide) there is no deadline: the options' caps bound the work.
    """

    passed: Deadline | None = None  # the one that expired

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.armed = bool(seconds) and hasattr(signal, "setitimer") \
            and threading.current_thread() is threading.main_thread()

    def _expire(self, signum: int, frame: FrameType | None) -> None:
        Deadline.passed = self
        _on_ctrl_c(signal.SIGINT, frame)

    def __enter__(self) -> Deadline:
        if self.armed:
            signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds or 0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _on_ctrl_c(signum: int, frame: FrameType | None) -> None:
    """SIGINT handler: stop the stand-ins and the workers, then raise."""
    global _pending, _stopping
    if _held:  # a process is starting: finish that first
        _pending = True
        return
    _stopping = True
    # a Ctrl-C inside an asyncio task's step would be logged: not news
    logging.getLogger("asyncio").disabled = True
    if "multiprocessing" in sys.modules:
        stop_children()
    if Deadline.passed is not None:
        raise TimeoutError(
            f"gave up after --timeout {Deadline.passed.seconds:g} s "
            "(raise --timeout, or give it less work)")
    raise KeyboardInterrupt


_terminated = False  # the stop came from SIGTERM (`kill`), not a Ctrl-C
_main_pid = 0  # the harness's own process, not a forked worker


def _on_terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM handler: end as a Ctrl-C does, workers included."""
    global _terminated
    if os.getpid() != _main_pid:  # a forked worker inherited this handler
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    _terminated = True
    _on_ctrl_c(signal.SIGINT, frame)


def _quiet_unraisable_when_stopping(unraisable: sys.UnraisableHookArgs) -> None:
    """A Ctrl-C handled where Python cannot raise (a weakref callback, a
    __del__) would be printed as "Exception ignored" and lost: deliver it
    again in a moment, where it can end the run."""
    stop = (KeyboardInterrupt, TimeoutError, Stopped)
    if not (_stopping and isinstance(unraisable.exc_value, stop)):
        sys.__unraisablehook__(unraisable)
    elif isinstance(unraisable.exc_value, (KeyboardInterrupt, TimeoutError)):
        again = threading.Timer(0.01, os.kill, (os.getpid(), signal.SIGINT))
        again.daemon = True
        again.start()


def _ended_early() -> int:
    """After a Ctrl-C, SIGTERM or the deadline: stop the workers, say why,
    and return the exit code."""
    if "multiprocessing" in sys.modules:
        stop_children()
    if Deadline.passed is not None:
        print(f"error: gave up after --timeout {Deadline.passed.seconds:g}"
              " s (raise --timeout, or give it less work)", file=sys.stderr)
        return EXIT_ERROR
    return _stopped_line()


def _stopped_line() -> int:
    """Say how the run was stopped, and return the exit code for it."""
    print("Terminated." if _terminated else "Interrupted.", file=sys.stderr)
    return EXIT_TERMINATED if _terminated else EXIT_INTERRUPTED


def _quiet_when_stopping(args: threading.ExceptHookArgs) -> None:
    if not _stopping:
        threading.__excepthook__(args)


def _after_ctrl_c(error: BaseException) -> bool:
    """True when `error` was raised while a Ctrl-C unwound the program."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, (KeyboardInterrupt, Stopped)):
            return True
        if isinstance(cause, BaseExceptionGroup):
            if any(_after_ctrl_c(inner) for inner in cause.exceptions):
                return True
        cause = cause.__context__
    return _stopping


# ---------------------------------------------------------------------------
# The example: example.json, options, one variant's run
# ---------------------------------------------------------------------------


class UsageError(Exception):
    """A bad option value; the message is one line for the learner."""


def load_example(folder: Path) -> dict[str, Any]:
    """The folder's example.json, parsed."""
    with open(folder / "example.json", encoding="utf-8") as file:
        return json.load(file)


def find_entry(meta: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The example.json entry of a variant name or file name."""
    for entry in meta["scripts"]:
        if name in (entry["variant"], entry["file"], entry["file"][:-3]):
            return entry
    names = ", ".join(entry["variant"] for entry in meta["scripts"])
    raise UsageError(f"no variant {name!r} here; choose one of: {names}")


def _number(spec: Mapping[str, Any], flag: str) -> Callable[[str], Any]:
    """An argparse type that checks the option's range in one line."""
    kind = float if spec["type"] == "float" else int

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            noun = "a number" if kind is float else "a whole number"
            raise argparse.ArgumentTypeError(
                f"expected {noun}, got {text!r}") from None
        if kind is float and not value < float("inf"):
            raise argparse.ArgumentTypeError(f"must be finite, got {text}")
        low, high = spec.get("min"), spec.get("max")
        if spec.get("above") is not None and not value > spec["above"]:
            raise argparse.ArgumentTypeError(
                f"must be a number greater than {spec['above']:g}, got {text}")
        if low is not None and value < low:
            raise argparse.ArgumentTypeError(
                f"must be at least {low:g}, got {text}")
        if high is not None and value > high:
            why = spec.get("maxReason", "more would swamp the machine")
            raise argparse.ArgumentTypeError(
                f"must be at most {high:g}, got {text} ({why})")
        return value

    return parse


def option_defaults(folder: Path, entry: Mapping[str, Any],
                    meta: Mapping[str, Any]) -> dict[str, Any]:
    """Each option's default: the variant's own constant, else example.json."""
    module = import_variant(folder, entry) if entry["role"] == "variant" \
        else None
    defaults = {}
    for name in entry.get("options", []):
        spec = meta["options"][name]
        constant = spec.get("constant")
        if module is not None and constant and hasattr(module, constant):
            defaults[name] = getattr(module, constant)
        else:
            defaults[name] = spec.get("default")
    return defaults


def parser_for(folder: Path, meta: Mapping[str, Any]
               ) -> argparse.ArgumentParser:
    """The command line of compare.py: a variant, then its options."""
    names = ", ".join(entry["variant"] for entry in meta["scripts"])
    parser = argparse.ArgumentParser(
        prog="compare.py",
        description=f"{meta['title']}. Runs one version of the program "
        "(or all of them), timed from outside, and prints how long it "
        "took and when each task ran.")
    parser.add_argument(
        "variant", nargs="?",
        help=f"what to run: {names}, or all (every one with the "
        "arguments of the lessons' figures; a file name works too; "
        f"default: {_default_entry(meta)['variant']})")
    seen: set[str] = set()
    for entry in meta["scripts"]:
        for name in entry.get("options", []):
            if name in seen:
                continue
            seen.add(name)
            spec = meta["options"][name]
            flag = "--" + name.replace("_", "-")
            limit = f"; at most one per {spec['atMost'].rstrip('s')}" \
                if spec.get("atMost") else ""
            if spec["type"] == "ints":
                parser.add_argument(
                    flag, nargs="+", metavar="N",
                    type=_number({**spec, "type": "int"}, flag),
                    help=f"{spec['help']} (default: "
                    f"{' '.join(map(str, spec['default']))})")
            else:
                parser.add_argument(
                    flag, type=_number(spec, flag), metavar=spec.get(
                        "metavar", "N"), default=None,
                    help=f"{spec['help']} (default: the variant's "
                    f"{spec.get('constant', 'own')}{limit})"
                    if spec.get("constant")
                    else f"{spec['help']} (default: {spec.get('default')})")
    if any(entry.get("processes") for entry in meta["scripts"]):
        parser.add_argument(
            "--start-method", choices=_start_methods(),
            help="how worker processes start (default: the variant's own, "
            f"else {_default_start_method()}; worker processes: at most "
            f"{WINDOWS_MAX_PROCESSES} on Windows)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON report on stdout, not a table")
    parser.add_argument("--quick", action="store_true",
                        help="with `all`: the small runs of the tests")
    return parser


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def _default_start_method() -> str:
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=True) or \
        _start_methods()[0]


def import_variant(folder: Path, entry: Mapping[str, Any]) -> ModuleType:
    """Import a variant file as a module (its main() does not run)."""
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return importlib.import_module(entry["file"][:-3])


def resolve(folder: Path, meta: Mapping[str, Any], entry: Mapping[str, Any],
            given: Mapping[str, Any]) -> dict[str, Any]:
    """The option values of one variant: given ones, else its defaults;
    counts capped where example.json says so (atMost)."""
    values = option_defaults(folder, entry, meta)
    for name in values:
        if given.get(name) is not None:
            values[name] = given[name]
    for name, value in values.items():
        limit = meta["options"][name].get("atMost")
        if limit in values and isinstance(value, int):
            values[name] = min(value, values[limit])
        if entry.get("processes") and name == "workers" and os.name == "nt":
            values[name] = min(values[name], WINDOWS_MAX_PROCESSES)
    return values


def parameters(meta: Mapping[str, Any], entry: Mapping[str, Any],
               values: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs of a run, as the report lists them."""
    shown: dict[str, Any] = {}
    for name, value in values.items():
        spec = meta["options"][name]
        if spec.get("report", True):
            key = spec.get("parameter", name)
            shown[key] = (",".join(map(str, value))
                          if isinstance(value, list) else value)
    return {**shown, **entry.get("fixed", {})}


# ---------------------------------------------------------------------------
# Running a variant
# ---------------------------------------------------------------------------


def _metrics(entry: Mapping[str, Any], names: dict[str, Any],
             observation: Observation, elapsed: float, cpu: float | None,
             server: Any, connections: int) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for name, expression in entry.get("metrics", {}).items():
        metrics[name] = eval(expression, names)  # example.json's own text
        names[name] = metrics[name]
    busy = sum(task["end_s"] - task["start_s"] for task in observation.tasks)
    derived = {
        "mean_in_flight": round(busy / elapsed, 3) if elapsed else 0.0,
        "mean_request_ms": round(
            elapsed / max(1, len(observation.tasks)) * 1000, 3),
        "workers_cpu_s": observation.workers_cpu_s,
        "connections": (server.connections - connections
                        if server is not None else 0),
    }
    if cpu is not None:  # None where CPU time is not measurable
        share = cpu / elapsed if elapsed else 0.0
        derived.update(cpu_fraction=round(share, 4),
                       idle_fraction=round(1 - share, 4))
    for name in entry.get("derived", []):
        if name in derived:
            metrics[name] = derived[name]
    return metrics


def _skipped(meta: Mapping[str, Any], entry: Mapping[str, Any],
             params: dict[str, Any], reason: str) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION, "example": meta["slug"],
        "script": entry["file"], "variant": entry["variant"],
        "status": "skipped", "skip_reason": reason,
        "environment": environment(), "parameters": params,
        "elapsed_s": None, "cpu_s": None, "tasks": [],
        "timestamp": _timestamp(),
    }


def _note_text(template: str, metrics: Mapping[str, Any]) -> str:
    """example.json's note, with {metric} fields and {gil}: enabled or
    disabled, {build}: default or free-threaded."""
    env = environment()
    return template.format(
        **metrics, gil="enabled" if env["gil_enabled"] else "disabled",
        build="free-threaded" if env["free_threaded_build"] else "default")


def _timestamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_variant(folder: Path, meta: Mapping[str, Any],
                entry: Mapping[str, Any], given: Mapping[str, Any],
                server: Any = None) -> dict[str, Any]:
    """Run one variant once, observed; return its report."""
    values = resolve(folder, meta, entry, given)
    params = parameters(meta, entry, values)
    pyodide = entry["pyodide"]
    if IN_BROWSER and pyodide["status"] == "skipped":
        return _skipped(meta, entry, params, pyodide["reason"])
    module = import_variant(folder, entry)
    constants = {meta["options"][name]["constant"]: value
                 for name, value in values.items()
                 if meta["options"][name].get("constant")}
    start_method = None
    if entry.get("processes") and not IN_BROWSER:
        start_method = _use_start_method(given.get("start_method"), module)
        if "START_METHOD" in vars(module):
            constants["START_METHOD"] = start_method
    connections = server.connections if server is not None else 0
    names = {"server": server}
    with observe(module, list(entry["wrap"]), constants) as observation:
        names.update(vars(module))
        machine_busy, own = _machine_busy_s(), _own_cpu_s()
        wall, cpu = time.perf_counter(), time.process_time()
        observation.origin = wall
        result = eval(entry["call"], names)  # example.json's own text
        elapsed = time.perf_counter() - wall
        cpu_s = time.process_time() - cpu
        busy_after, own_after = _machine_busy_s(), _own_cpu_s()
        names.update(vars(module), result=result)  # its constants, as set
    measured_cpu = None if CPU_NOT_MEASURABLE else cpu_s
    metrics = _metrics(entry, names, observation, elapsed, measured_cpu,
                       server, connections)
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION, "example": meta["slug"],
        "script": entry["file"], "variant": entry["variant"],
        "status": "ok", "skip_reason": None,
        "environment": environment(start_method), "parameters": params,
        "elapsed_s": round(elapsed, 6),
        "cpu_s": None if measured_cpu is None else round(measured_cpu, 6),
        "tasks": observation.tasks,
    }
    if CPU_NOT_MEASURABLE:
        report["cpu_unmeasured_reason"] = CPU_NOT_MEASURABLE
    if metrics:
        report["metrics"] = metrics
    if entry.get("note"):  # a sentence that reads the metrics
        report["note"] = _note_text(entry["note"], metrics)
    if machine_busy is not None and busy_after is not None and elapsed:
        others = (busy_after - machine_busy) - (own_after - own)
        share = max(0.0, min(1.0, others / (elapsed * cpu_count())))
        report["contention"] = {"others_cpu_share": round(share, 3),
                                "busy": share >= BUSY_SHARE}
    report["timestamp"] = _timestamp()
    return report


def _use_start_method(method: str | None, module: ModuleType) -> str:
    """Make `method` (or the variant's own) the one workers start with."""
    import multiprocessing

    method = str(method or getattr(module, "START_METHOD", None)
                 or _default_start_method())
    multiprocessing.set_start_method(method, force=True)
    _quiet_process_starts()
    if method == "forkserver":
        _start_forkserver()
    return method


def speedup(baseline_s: float | None, elapsed_s: float | None
            ) -> float | None:
    """How many times faster than the baseline; None if either is missing."""
    if not baseline_s or not elapsed_s:
        return None
    return round(baseline_s / elapsed_s, 2)


def run_compare(folder: Path, meta: Mapping[str, Any],
                entry: Mapping[str, Any], given: Mapping[str, Any],
                server: Any) -> dict[str, Any]:
    """Run the variants example.json lists for the entry; compare them."""
    runs, tasks = [], []
    origin = time.perf_counter()
    for number, name in enumerate(entry["compares"]):
        print(f"  {name}...", file=sys.stderr, flush=True)
        start = time.perf_counter() - origin
        runs.append(run_variant(folder, meta, find_entry(meta, name), given,
                                server))
        tasks.append({"id": number, "worker": name,
                      "start_s": round(start, 6),
                      "end_s": round(time.perf_counter() - origin, 6)})
    baseline_s = runs[0]["elapsed_s"]
    rows = []
    for report in runs:
        row = {"variant": report["variant"], "script": report["script"],
               "workers": report["parameters"].get("workers", 1),
               "elapsed_s": report["elapsed_s"], "cpu_s": report["cpu_s"],
               "speedup": speedup(baseline_s, report["elapsed_s"])}
        if "mean_in_flight" in report.get("metrics", {}):
            row["mean_in_flight"] = report["metrics"]["mean_in_flight"]
        rows.append(row)
    return _summary(meta, entry, given, runs, runs, tasks, rows, {},
                    time.perf_counter() - origin)


def run_sweep(folder: Path, meta: Mapping[str, Any],
              entry: Mapping[str, Any], given: Mapping[str, Any],
              server: Any) -> dict[str, Any]:
    """Run the variants at every value of one option; find crossovers."""
    sweep = entry["sweep"]
    sizes = given.get(sweep["over"]) or meta["options"][sweep["over"]][
        "default"]
    rows: list[dict[str, Any]] = []
    every: list[dict[str, Any]] = []
    origin = time.perf_counter()
    for size in sorted(set(sizes)):
        print(f"  {sweep['option']} {size:,}...", file=sys.stderr, flush=True)
        reports = [run_variant(folder, meta, find_entry(meta, name),
                               {**given, sweep["option"]: size}, server)
                   for name in entry["compares"]]
        every += reports
        for report in reports:
            rows.append({
                "variant": report["variant"],
                "label": find_entry(meta, report["variant"])["label"],
                "x": size, "elapsed_s": report["elapsed_s"],
                "speedup": round(reports[0]["elapsed_s"]
                                 / report["elapsed_s"], 3)
                if reports[0]["elapsed_s"] and report["elapsed_s"]
                else None})
    metrics: dict[str, Any] = {}
    for name in entry["compares"][1:]:
        found = crossover(rows, name, sweep["win"])
        if found is not None:
            key = f"{name.replace('-', '_')}_crossover_{sweep['option']}"
            metrics[key] = found
    report = _summary(meta, entry, given, None, every, [], rows, metrics,
                      time.perf_counter() - origin)
    report["metrics"] = metrics
    last, first = (find_entry(meta, name)["label"]
                   for name in (entry["compares"][-1], entry["compares"][0]))
    found = crossover(rows, entry["compares"][-1], sweep["win"])
    what = sweep["option"].replace("_", " ")
    report["note"] = (
        f"Crossover: from a {what} of {found:,} on, the {last} was at least "
        f"{sweep['win']}x as fast as the {first}." if found is not None else
        f"No crossover within this sweep: the {last} was not {sweep['win']}x "
        f"as fast as the {first} at the largest {what}. Try bigger sizes "
        "(or a less busy machine).")
    return report


def crossover(rows: list[dict[str, Any]], variant: str, win: float
              ) -> int | None:
    """Smallest x from which `variant` won by `win` at every larger x too."""
    found = None
    for row in sorted((row for row in rows if row["variant"] == variant),
                      key=lambda row: row["x"], reverse=True):
        if row["speedup"] is None or row["speedup"] < win:
            break
        found = row["x"]
    return found


def _summary(meta: Mapping[str, Any], entry: Mapping[str, Any],
             given: Mapping[str, Any], runs: list[dict[str, Any]] | None,
             reports: list[dict[str, Any]],
             tasks: list[dict[str, Any]], rows: list[dict[str, Any]],
             metrics: dict[str, Any], elapsed: float) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for report in reports:
        params.update(report["parameters"])
    params.pop("simulated", None)
    for name in entry.get("options", []):  # the swept option, as given
        spec = meta["options"][name]
        value = given.get(name) or spec.get("default")
        if isinstance(value, list):
            params[spec.get("parameter", name)] = ",".join(map(str, value))
            params.pop(entry.get("sweep", {}).get("option", ""), None)
    method = given.get("start_method") or (
        _default_start_method() if not IN_BROWSER else None)
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION, "example": meta["slug"],
        "script": entry["file"], "variant": entry["variant"],
        "status": "ok", "skip_reason": None,
        "environment": environment(method), "parameters": params,
        "elapsed_s": round(elapsed, 6),
        "cpu_s": None if CPU_NOT_MEASURABLE else round(time.process_time(), 6),
        "tasks": tasks,
    }
    if CPU_NOT_MEASURABLE:
        report["cpu_unmeasured_reason"] = CPU_NOT_MEASURABLE
    if metrics:
        report["metrics"] = metrics
    if entry.get("note"):
        report["note"] = _note_text(entry["note"], metrics)
    report["rows"] = rows
    if runs is not None:
        report["runs"] = runs
    report["timestamp"] = _timestamp()
    return report


# ---------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------


def _value(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _timeline(tasks: list[dict[str, Any]], elapsed_s: float) -> list[str]:
    """One line per worker; each task a run of '#' or '=' (alternating)."""
    workers: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for task in sorted(tasks, key=lambda task: task["start_s"]):
        line = workers.setdefault(task["worker"], [" "] * TIMELINE_WIDTH)
        seen[task["worker"]] = seen.get(task["worker"], 0) + 1
        mark = "#" if seen[task["worker"]] % 2 else "="
        first, last = (min(int(task[key] / elapsed_s * TIMELINE_WIDTH),
                           TIMELINE_WIDTH - 1) for key in ("start_s", "end_s"))
        for column in range(first, last + 1):
            line[column] = mark
    width = min(24, max(len(name) for name in workers))
    scale = "0 s" + f"{elapsed_s:.3f} s".rjust(TIMELINE_WIDTH - 3)
    lines = [f"  {'':<{width}}  {scale}"]
    for name, line in list(workers.items())[:TIMELINE_ROWS]:
        lines.append(f"  {name[:width]:<{width}} |{''.join(line)}|")
    if len(workers) > TIMELINE_ROWS:
        lines.append(
            f"  ... and {len(workers) - TIMELINE_ROWS} more (see --json)")
    return lines


def _table(rows: list[dict[str, Any]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    cells = [[_value(row.get(column)) for column in columns] for row in rows]
    widths = [max(len(column), *(len(line[i]) for line in cells))
              for i, column in enumerate(columns)]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in
                             zip(line, widths))
            for line in [columns, *cells]]


def format_report(report: Mapping[str, Any]) -> str:
    """The report as text: what ran, where, how long, and a timeline."""
    env = report["environment"]
    gil = "GIL enabled" if env["gil_enabled"] else "GIL disabled"
    method = (f", start method {env['start_method']}"
              if env["start_method"] else "")
    lines = [
        f"{report['example']} / {report['script']} "
        f"(variant: {report['variant']})",
        f"  Python {env['python_version']} ({env['implementation']}, {gil})"
        f" on {env['os']} {env['machine']}, {env['cpu_count']} CPUs{method}",
        "  parameters: " + ", ".join(
            f"{key}={value:g}" if isinstance(value, float)
            else f"{key}={value}"
            for key, value in report["parameters"].items()),
        "",
    ]
    if report["status"] == "skipped":
        lines.append(f"  skipped: {report['skip_reason']}")
        return "\n".join(lines)
    lines.append(f"  {'wall time':<16} {report['elapsed_s']:.3f} s   "
                 "(time.perf_counter)")
    cpu = report["cpu_s"]
    lines.append(f"  {'CPU time':<16} {cpu:.3f} s   "
                 "(time.process_time, this process)" if cpu is not None else
                 f"  {'CPU time':<16} "
                 + (report.get("cpu_unmeasured_reason") or "not reported"))
    for name, value in report.get("metrics", {}).items():
        lines.append(f"  {name:<16} {_value(value)}")
    contention = report.get("contention")
    if contention and contention["busy"]:
        lines.append(
            f"  note: other programs used "
            f"{contention['others_cpu_share']:.0%} of the CPUs during this "
            "run, so its times are slower than on a quiet machine")
    if report.get("rows"):
        lines += ["", *_table(report["rows"])]
    tasks = report["tasks"]
    if tasks and report["elapsed_s"] > 0:
        workers = len({task["worker"] for task in tasks})
        lines += ["", f"  Timeline: {len(tasks)} tasks on {workers} "
                  "worker(s); a run of # or = is one task, start to end",
                  *_timeline(tasks, report["elapsed_s"])]
    for run in report.get("runs", []):
        lines += ["", format_report(run)]
    if report.get("note"):
        lines += ["", report["note"]]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The program
# ---------------------------------------------------------------------------


def _explain(error: BaseException, timeout: float | None = None
             ) -> str | None:
    """One line for an error a learner can meet; None for a bug."""
    import urllib.error

    if isinstance(error, BaseExceptionGroup):
        return _explain(error.exceptions[0], timeout)
    if isinstance(error, urllib.error.URLError) and isinstance(
            error.reason, TimeoutError):
        error = error.reason
    if isinstance(error, TimeoutError) and str(error).startswith("gave up"):
        return str(error)
    if isinstance(error, TimeoutError):
        within = f" {timeout:g} s" if timeout else " (the variant's TIMEOUT)"
        return f"the server did not answer within --timeout{within}"
    if type(error).__name__ in ("ServerError", "PortInUseError"):
        return str(error)
    if type(error).__name__ == "BrokenProcessPool":
        return f"a worker process died: {error}"
    if isinstance(error, OSError):
        return f"a request failed: {error}"
    return None


def _serve(folder: Path, meta: Mapping[str, Any], given: Mapping[str, Any],
           entry: Mapping[str, Any]) -> contextlib.AbstractContextManager[Any]:
    """The example's local server, or nothing."""
    served = [find_entry(meta, name) for name in entry.get("compares", [])]
    served = [one for one in [entry, *served] if one.get("server")]
    if not served or IN_BROWSER:
        return contextlib.nullcontext()
    server = importlib.import_module("latency_server")
    values = resolve(folder, meta, served[0], given)
    return server.serve(latency_ms=values["latency_ms"],
                        port=values.get("port") or 0)


def _prepare_processes(folder: Path, meta: Mapping[str, Any],
                       entry: Mapping[str, Any], given: Mapping[str, Any]
                       ) -> None:
    """Before anything runs: quiet process starts, and the fork server
    started now if any variant of the entry will use it."""
    involved = [entry, *(find_entry(meta, name)
                         for name in entry.get("compares", []))]
    for one in involved:
        if one.get("processes") and not IN_BROWSER:
            _use_start_method(given.get("start_method"),
                              import_variant(folder, one))


def run_entry(folder: Path, meta: Mapping[str, Any],
              entry: Mapping[str, Any], given: Mapping[str, Any],
              announce: str | None = None) -> dict[str, Any]:
    """One entry of example.json, with its server: its report."""
    _prepare_processes(folder, meta, entry, given)
    if announce:
        print(announce, file=sys.stderr, flush=True)
    deadline = next((given.get(name) or meta["options"][name].get("default")
                     for name in _accepted(meta, entry)
                     if meta["options"][name].get("deadline")), None)
    with Deadline(deadline), _serve(folder, meta, given, entry) as server:
        run = {"variant": run_variant, "compare": run_compare,
               "sweep": run_sweep}[entry["role"]]
        return run(folder, meta, entry, given, server)


def run_all(folder: Path, meta: Mapping[str, Any], parser: Any,
            quick: bool) -> dict[str, Any]:
    """Every entry of example.json with its measureArgs (or quickArgs)."""
    reports = []
    for entry in meta["scripts"]:
        args = entry["quickArgs" if quick else "measureArgs"]
        options = vars(parser.parse_args([entry["variant"], *args]))
        given = {key: value for key, value in options.items()
                 if key not in ("variant", "json", "quick")}
        print(f"{entry['variant']} {' '.join(args)}...", file=sys.stderr,
              flush=True)
        reports.append(run_entry(folder, meta, entry, given))
    return {"schema_version": SCHEMA_VERSION, "example": meta["slug"],
            "title": meta["title"], "baseline": meta["baseline"],
            "reports": reports}


def main(folder: Path | str, argv: list[str] | None = None) -> int:
    """compare.py's program; returns its exit code."""
    global _main_pid
    folder = Path(folder).resolve()
    meta = {"slug": folder.name, **load_example(folder)}
    parser = parser_for(folder, meta)
    args = parser.parse_args(argv)  # exits with 2 on a bad value
    given = {key: value for key, value in vars(args).items()
             if key not in ("variant", "json", "quick")}
    everything = args.variant == "all"
    try:
        entry = (_default_entry(meta) if not args.variant or everything
                 else find_entry(meta, args.variant))
        unknown = [name for name, value in given.items() if value is not None
                   and name != "start_method"
                   and name not in _accepted(meta, entry)]
        if unknown and not everything:
            raise UsageError(f"{entry['variant']} takes no --"
                             + unknown[0].replace("_", "-"))
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"compare.py: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not IN_BROWSER:
        _main_pid = os.getpid()
        signal.signal(signal.SIGINT, _on_ctrl_c)
        signal.signal(signal.SIGTERM, _on_terminate)
        threading.excepthook = _quiet_when_stopping
        sys.unraisablehook = _quiet_unraisable_when_stopping
    try:
        if everything:
            report = run_all(folder, meta, parser, args.quick)
        else:
            shown = ", ".join(f"{key}={value}" for key, value in
                              given.items() if value is not None)
            report = run_entry(folder, meta, entry, given, announce=(
                f"{entry['file']} ({entry['variant']}) {shown}..."))
    except KeyboardInterrupt:
        return _ended_early()
    except BaseException as error:  # noqa: BLE001 - turned into exit codes
        if "multiprocessing" in sys.modules:
            stop_children()
        if (_after_ctrl_c(error) or _stopping) and Deadline.passed is None:
            return _stopped_line()
        message = _explain(error, given.get("timeout"))
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return EXIT_ERROR
    if _stopping:  # stopped, but Python swallowed the exception (raised in a weakref callback, say)
        return _ended_early()
    if args.json:
        print(json.dumps(report, indent=2, allow_nan=False))
    elif everything:
        print("\n\n".join(map(format_report, report["reports"])))
    else:
        print(format_report(report))
    return 0


def _default_entry(meta: Mapping[str, Any]) -> dict[str, Any]:
    """What compare.py runs without a name: the comparison, if any."""
    for entry in meta["scripts"]:
        if entry["role"] in ("compare", "sweep"):
            return entry
    return meta["scripts"][0]


def _accepted(meta: Mapping[str, Any], entry: Mapping[str, Any]) -> set[str]:
    """The options an entry takes (a compare: those of what it runs)."""
    names = set(entry.get("options", []))
    for name in entry.get("compares", []):
        names |= set(find_entry(meta, name).get("options", []))
    return names
