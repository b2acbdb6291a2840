"""Run an example script: options, local server, timing, report, Ctrl-C.

The canonical copy of this file is examples/_shared/runner.py. Each example
folder holds an identical copy so that the folder runs on its own; after
editing the canonical file, run `python3 examples/sync_shared.py`.

A variant file holds the concurrency idea and little else. It describes
itself as a Job and hands it to main()::

    JOB = Job("io-bound", "threads.py", "threads",
              "Download items from a slow local server with threads.",
              lambda run: {"bytes": download_all(
                  run.urls(), run.args.workers, run.args.timeout,
                  run.recorder)},
              options={"items": 40}, pool="threads", server=True)

    if __name__ == "__main__":
        sys.exit(main(JOB))

main() reads the options, starts the local server when the job needs one,
times the work, prints the report (a table, or one JSON object with --json)
and turns every outcome into an exit code: 0 done, 1 error, 2 bad arguments,
130 Ctrl-C. A compare script calls measure() for each variant instead.

Ctrl-C, at any moment once the script has printed its first line, prints
one line and leaves no process behind:

* worker processes start with Ctrl-C (SIGINT) blocked, so a Ctrl-C that
  arrives while they start cannot print their tracebacks (POSIX; on Windows
  the pool's initializer, ignore_ctrl_c, covers them once they run);
* on Ctrl-C the main process terminates its worker processes first, so a
  `with ProcessPoolExecutor(...)` block exits at once instead of waiting
  for the queued tasks.

A job's --timeout (when it is not a per-request timeout of a server job)
works the same way: when it passes, the main thread gets a TimeoutError.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import multiprocessing
import multiprocessing.context as mp
import os
import signal
import sys
import textwrap
import threading
import urllib.error
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, Literal, Protocol

from timing import (
    TaskRecorder,
    add_json_option,
    build_report,
    fail,
    format_report,
    interrupted,
    non_negative_float,
    positive_float,
    positive_int,
    print_report,
    skipped_report,
)

Pool = Literal["threads", "processes", "tasks", "versions"]
WINDOWS_MAX_PROCESSES = 61  # ProcessPoolExecutor's limit on Windows
IN_BROWSER = sys.platform in ("emscripten", "wasi")  # Pyodide
CPUS = (getattr(os, "process_cpu_count", None) or os.cpu_count)() or 1
BROWSER_REASONS = {
    "threads": "Pyodide cannot start threads.",
    "processes": "Pyodide has no multiprocessing: it cannot start processes.",
}
WORKER_NOUNS = {
    "threads": "threads",
    "processes": "worker processes",
    "tasks": "requests in flight",
    "versions": "threads, tasks or processes per version",
}

# option name -> (type, metavar, help); %(default)s is filled in by argparse
OPTIONS: dict[str, tuple[Callable[[str], Any], str, str]] = {
    "items": (positive_int, "N", "how many items (default: %(default)s)"),
    "tasks": (positive_int, "N", "number of tasks (default: %(default)s)"),
    "size": (
        positive_int,
        "N",
        "numbers summed per task; more means more work "
        "(default: %(default)s)",
    ),
    "task_size": (
        positive_int,
        "N",
        "numbers summed per task; more means more work "
        "(default: %(default)s)",
    ),
    "task_sizes": (positive_int, "SIZE", "task sizes to try"),
    "threads": (
        positive_int,
        "N",
        "threads updating the counter (default: %(default)s)",
    ),
    "increments": (
        positive_int,
        "N",
        "times each thread adds 1 (default: %(default)s)",
    ),
    "customers": (
        positive_int,
        "N",
        "asyncio tasks depositing at once (default: %(default)s)",
    ),
    "deposits": (
        positive_int,
        "N",
        "deposits of 1 per customer (default: %(default)s)",
    ),
    "latency_ms": (
        non_negative_float,
        "MS",
        "simulated wait per item (default: %(default)g ms)",
    ),
    "timeout": (
        positive_float,
        "SECONDS",
        "give up after this many seconds (default: %(default)g)",
    ),
}


class Server(Protocol):
    """What the work sees of the local server (latency_server.py)."""

    connections: int  # accepted so far

    @property
    def url(self) -> str:
        ...

    def url_for(self, item: int) -> str:
        ...


@dataclass
class Run:
    """What the work of a job gets: options, recorder, server and results."""

    args: argparse.Namespace
    recorder: TaskRecorder
    server: Server | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)

    def urls(self) -> list[str]:
        """One URL of the local server per item."""
        assert self.server is not None, "only a job with server=True has URLs"
        return [self.server.url_for(item) for item in range(self.args.items)]

    def context(self) -> mp.BaseContext:
        """The multiprocessing context of --start-method."""
        return process_context(self.args.start_method)


@dataclass(frozen=True)
class Job:
    """One script: its names, its options and the work it times."""

    example: str
    script: str
    variant: str
    about: str  # one line for --help
    work: Callable[[Run], object]  # may return metrics (a dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    pool: Pool | None = None  # adds --workers (and --start-method)
    server: bool = False  # start the local server; adds its options
    needs: str | None = None  # "threads" or "processes": skipped in Pyodide
    fixed: Mapping[str, Any] = field(default_factory=dict)  # parameters
    derived: tuple[str, ...] = ()  # metrics computed from the clocks
    note: Callable[[dict[str, Any]], str] | None = None  # after the table


# ---------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------


def uses_processes(job: Job) -> bool:
    """Whether the job starts worker processes."""
    return job.pool in ("processes", "versions") or job.needs == "processes"


def default_start_method(server: bool) -> str:
    """forkserver where it exists when a server thread runs, else default.

    Forking a process that runs threads can deadlock the child, so a job
    with the local server (a thread) avoids plain fork.
    """
    methods = multiprocessing.get_all_start_methods()
    if server and "forkserver" in methods:
        return "forkserver"
    return multiprocessing.get_start_method()


def parser_for(job: Job) -> argparse.ArgumentParser:
    """The argparse parser of a job's options."""
    parser = argparse.ArgumentParser(description=job.about)
    for name, default in job.options.items():
        if name == "workers":
            continue  # added below, with the pool's wording
        kind, metavar, text = OPTIONS[name]
        flag = "--" + name.replace("_", "-")
        if isinstance(default, list):
            listed = " ".join(str(value) for value in default)
            parser.add_argument(
                flag,
                type=kind,
                nargs="+",
                metavar=metavar,
                default=default,
                help=f"{text} (default: {listed})",
            )
        else:
            parser.add_argument(
                flag, type=kind, metavar=metavar, default=default, help=text
            )
    if job.pool is not None:
        count = "item" if "items" in job.options else "task"
        limit = f"at most one per {count}"
        if uses_processes(job):
            limit += f", and {WINDOWS_MAX_PROCESSES} on Windows"
        parser.add_argument(
            "--workers",
            type=positive_int,
            metavar="N",
            default=job.options.get("workers", _default_workers(job)),
            help=f"how many {WORKER_NOUNS[job.pool]} at once "
            f"(default: %(default)s; {limit})",
        )
    if uses_processes(job):
        parser.add_argument(
            "--start-method",
            choices=multiprocessing.get_all_start_methods(),
            default=default_start_method(job.server),
            help="how worker processes start (default here: %(default)s)",
        )
    if job.server:
        # imported here: folders without a server have no latency_server.py
        importlib.import_module("latency_server").add_server_arguments(parser)
    add_json_option(parser)
    return parser


def _default_workers(job: Job) -> int:
    """10 for waiting work; one per CPU for computing work."""
    return 10 if job.server or job.pool == "tasks" else CPUS


def parse_args(job: Job, argv: list[str] | None) -> argparse.Namespace:
    """Parse the options; cap --workers at the work there is to share."""
    args = parser_for(job).parse_args(argv)
    if job.pool is not None:
        count = getattr(args, "items", None) or getattr(args, "tasks", None)
        if count:
            args.workers = min(args.workers, count)
        if uses_processes(job) and os.name == "nt":
            args.workers = min(args.workers, WINDOWS_MAX_PROCESSES)
    return args


def parameters(job: Job, args: argparse.Namespace) -> dict[str, Any]:
    """The inputs of the run, as the report lists them."""
    values: dict[str, Any] = {}
    for name in job.options:
        if name in ("timeout", "workers"):
            continue  # a limit; workers are added below
        value = getattr(args, name)
        values[name] = (
            ",".join(map(str, value)) if isinstance(value, list) else value
        )
    if job.pool is not None:
        values["workers"] = args.workers
    if job.server:
        values["latency_ms"] = args.latency_ms
        values["timeout_s"] = args.timeout
    return {**values, **job.fixed}


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def measure(
    job: Job, args: argparse.Namespace, server: Server | None = None
) -> dict[str, Any]:
    """Time the job's work once and return its report."""
    params = parameters(job, args)
    if IN_BROWSER and job.needs in BROWSER_REASONS:
        return skipped_report(
            example=job.example,
            script=job.script,
            variant=job.variant,
            parameters=params,
            reason=BROWSER_REASONS[job.needs],
        )
    run = Run(args, TaskRecorder(), server)
    connections = server.connections if server is not None else 0
    result = job.work(run)
    metrics = dict(result) if isinstance(result, Mapping) else None
    run.recorder.stop()
    if job.derived:
        metrics = {**(metrics or {}), **_derived(job, run)}
    if server is not None and "connections" in job.derived:
        metrics = {
            **(metrics or {}),
            "connections": server.connections - connections,
        }
    return build_report(
        example=job.example,
        script=job.script,
        variant=job.variant,
        parameters=params,
        recorder=run.recorder,
        metrics=metrics,
        rows=run.rows or None,
        runs=run.runs or None,
        start_method=args.start_method if uses_processes(job) else None,
    )


def _derived(job: Job, run: Run) -> dict[str, float]:
    recorder = run.recorder
    elapsed, cpu = recorder.elapsed_s or 0.0, recorder.cpu_s
    values = {
        "mean_in_flight": recorder.mean_in_flight(),
        "mean_request_ms": round(
            elapsed / max(1, len(recorder.tasks)) * 1000, 3
        ),
    }
    if cpu is not None:  # None where CPU time is not measurable (timing.py)
        cpu_fraction = cpu / elapsed if elapsed else 0.0
        values["cpu_fraction"] = round(cpu_fraction, 4)
        values["idle_fraction"] = round(1 - cpu_fraction, 4)
    return {name: values[name] for name in job.derived if name in values}


def speedup(baseline_s: float | None, elapsed_s: float | None) -> float | None:
    """How many times faster than the baseline; None if either is missing."""
    if not baseline_s or not elapsed_s:
        return None
    return round(baseline_s / elapsed_s, 2)


def compare_all(run: Run, jobs: list[Job]) -> None:
    """Measure each job on the same options; add its row and its report."""
    for task_id, job in enumerate(jobs):
        print(f"  {job.variant}...", file=sys.stderr, flush=True)
        with run.recorder.task(task_id, worker=job.variant):
            run.runs.append(measure(job, run.args, run.server))
    baseline_s = run.runs[0]["elapsed_s"]
    for report in run.runs:
        metrics = report.get("metrics", {})
        row = {
            "variant": report["variant"],
            "script": report["script"],
            "workers": report["parameters"].get("workers", 1),
            "elapsed_s": report["elapsed_s"],
            "cpu_s": report["cpu_s"],
            "speedup": speedup(baseline_s, report["elapsed_s"]),
        }
        if "mean_in_flight" in metrics:
            row["mean_in_flight"] = metrics["mean_in_flight"]
        run.rows.append(row)


# ---------------------------------------------------------------------------
# Processes and Ctrl-C
# ---------------------------------------------------------------------------


def ignore_ctrl_c() -> None:
    """Pool initializer: a worker leaves Ctrl-C to the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


_held = 0  # how many _ctrl_c_held() blocks are running
_pending = False  # a Ctrl-C arrived during one of them


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back during the block; it takes effect at the end.

    SIGINT is blocked in this thread, so a process started meanwhile is
    born with it blocked, and _on_ctrl_c() waits for the block to end, so
    a process is never left half-started.
    """
    global _held, _pending
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # delivered now
        if _pending and not _held:
            _pending = False
            if threading.current_thread() is threading.main_thread():
                _on_ctrl_c(signal.SIGINT, None)
            else:
                signal.raise_signal(signal.SIGINT)


def _start_forkserver() -> None:
    """Start the fork server with Ctrl-C ignored, as its children will be.

    The workers it forks inherit its handlers; ignoring SIGINT here keeps
    a Ctrl-C from interrupting a worker that is still starting up. Call it
    before starting any thread: SIGINT is then blocked in every thread, so
    a Ctrl-C meanwhile waits instead of being ignored.
    """
    from multiprocessing import forkserver

    with _ctrl_c_held():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            forkserver.ensure_running()
        finally:
            signal.signal(signal.SIGINT, previous)


def process_context(method: str | None) -> mp.BaseContext:
    """A multiprocessing context whose processes start with Ctrl-C held."""
    base = multiprocessing.get_context(method)
    quiet = _QUIET_CONTEXTS.get(base.get_start_method())
    return quiet() if quiet is not None else base


_QUIET_CONTEXTS: dict[str, Callable[[], mp.BaseContext]] = {}

if hasattr(signal, "pthread_sigmask"):
    # Module-level classes: spawned workers find them by name when they
    # unpickle their Process object.

    class QuietSpawnProcess(mp.SpawnProcess):
        def start(self) -> None:
            with _ctrl_c_held():
                super().start()

    class QuietSpawnContext(mp.SpawnContext):
        Process = QuietSpawnProcess  # type: ignore[assignment]

    class QuietForkProcess(mp.ForkProcess):
        def start(self) -> None:
            with _ctrl_c_held():
                super().start()

    class QuietForkContext(mp.ForkContext):
        Process = QuietForkProcess  # type: ignore[assignment]

    class QuietForkServerProcess(mp.ForkServerProcess):
        def start(self) -> None:
            with _ctrl_c_held():
                super().start()

    class QuietForkServerContext(mp.ForkServerContext):
        Process = QuietForkServerProcess  # type: ignore[assignment]

    _QUIET_CONTEXTS.update(
        spawn=QuietSpawnContext,
        fork=QuietForkContext,
        forkserver=QuietForkServerContext,
    )


def stop_children() -> None:
    """Terminate this program's worker processes and wait for them."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=2)


class _Deadline:
    """Raise TimeoutError in the main thread when `seconds` have passed.

    On POSIX a timer signal (SIGALRM) does it, without a thread: forking
    worker processes from a program that runs threads is unsafe. Windows
    has no SIGALRM; a thread interrupts the main thread there.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.passed = False
        self._done = threading.Event()

    def _expire(self, signum: int = 0, frame: FrameType | None = None) -> None:
        self.passed = True
        _on_ctrl_c(signal.SIGINT, frame)  # stop the workers, then raise

    def _watch(self) -> None:
        if not self._done.wait(self.seconds):
            self.passed = True
            import _thread

            _thread.interrupt_main()  # runs _on_ctrl_c in the main thread

    def __enter__(self) -> _Deadline:
        if hasattr(signal, "setitimer"):
            signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        else:
            threading.Thread(target=self._watch, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)


_deadline: _Deadline | None = None
_stopping = False  # set on Ctrl-C or timeout


def _quiet_when_stopping(args: threading.ExceptHookArgs) -> None:
    """After Ctrl-C, a pool's manager thread may trip over the futures the
    main thread just cancelled (InvalidStateError on Python 3.11): not news.
    """
    if not _stopping:
        threading.__excepthook__(args)


def _on_ctrl_c(signum: int, frame: FrameType | None) -> None:
    """SIGINT handler: stop the workers first, then raise in the main thread.

    Terminated workers break their pool, so a `with ProcessPoolExecutor`
    block exits at once instead of running the queued tasks.
    """
    global _pending, _stopping
    if _held:  # a process is starting: finish that first
        _pending = True
        return
    _stopping = True
    # A Ctrl-C that lands inside an asyncio task's step leaves the task
    # holding the KeyboardInterrupt, and asyncio would log it with a
    # traceback ("Task exception was never retrieved"). Not news either.
    logging.getLogger("asyncio").disabled = True
    stop_children()
    if _deadline is not None and _deadline.passed:
        raise TimeoutError(
            f"gave up after --timeout {_deadline.seconds:g} s "
            "(raise --timeout, or give it less work)"
        )
    raise KeyboardInterrupt


# ---------------------------------------------------------------------------
# The program
# ---------------------------------------------------------------------------


def main(job: Job, argv: list[str] | None = None) -> int:
    """Run the job as a program; return its exit code."""
    global _deadline
    args = parse_args(job, argv)  # exits with 2 on bad arguments
    if not IN_BROWSER:
        signal.signal(signal.SIGINT, _on_ctrl_c)
        threading.excepthook = _quiet_when_stopping
    try:
        forkserver = (
            args.start_method == "forkserver" if uses_processes(job) else False
        )
        if forkserver and not IN_BROWSER:
            _start_forkserver()
        with ExitStack() as stack:
            server: Server | None = None
            if job.server:
                serve = importlib.import_module("latency_server").serve
                server = stack.enter_context(serve(args.latency_ms, args.port))
            if "timeout" in job.options and not IN_BROWSER:
                _deadline = stack.enter_context(_Deadline(args.timeout))
            shown = ", ".join(
                f"{key}={value:g}"
                if isinstance(value, float)
                else f"{key}={value}"
                for key, value in parameters(job, args).items()
            )
            where = f" against {server.url}" if server is not None else ""
            print(
                f"{job.script}: {shown}{where}...", file=sys.stderr, flush=True
            )
            report = measure(job, args, server)
    except KeyboardInterrupt:
        stop_children()
        return interrupted()
    except BaseException as error:  # noqa: BLE001 - turned into exit codes
        stop_children()
        if _after_ctrl_c(error):
            return interrupted()
        message = _explain(error, args)
        if message is None:
            raise
        return fail(message)
    print_report(report, as_json=args.json)
    if not args.json and job.note is not None and report["status"] == "ok":
        print()
        paragraphs = job.note(report).split("\n\n")
        print(
            "\n\n".join(textwrap.fill(text, width=79) for text in paragraphs)
        )
    return 0


def _after_ctrl_c(error: BaseException) -> bool:
    """True when `error` was raised while a Ctrl-C unwound the program.

    A Ctrl-C can land while a pool starts its manager thread; the pool's
    shutdown then fails on the thread that never started. That is the
    Ctrl-C's doing, so it ends the program as a Ctrl-C does.
    """
    cause = error.__context__
    while cause is not None:
        if isinstance(cause, KeyboardInterrupt):
            return True
        cause = cause.__context__
    return False


def _explain(error: BaseException, args: argparse.Namespace) -> str | None:
    """One line for an error a learner can meet; None for a bug."""
    if isinstance(error, BaseExceptionGroup):  # from an asyncio.TaskGroup
        first: BaseException = error.exceptions[0]
        return _explain(first, args)
    if isinstance(error, urllib.error.URLError) and isinstance(
        error.reason, TimeoutError
    ):
        error = error.reason
    if isinstance(error, TimeoutError):
        if str(error).startswith("gave up"):
            return str(error)
        return (
            f"the server did not answer within --timeout "
            f"{args.timeout:g} s"
        )
    if type(error).__name__ in ("ServerError", "PortInUseError"):
        return str(error)
    if isinstance(error, BrokenProcessPool):
        return f"a worker process died: {error}"
    if isinstance(error, OSError):
        return f"a request failed: {error}"
    return None


def gil_note(environment: Mapping[str, Any]) -> str:
    """Say in words what the GIL means for threads in this Python."""
    if not environment["gil_enabled"]:
        return (
            "The GIL is disabled (free-threaded build): threads run "
            "Python code on several cores at once, so they can speed "
            "up CPU-bound work here, as processes do."
        )
    if environment["free_threaded_build"]:
        return (
            "This is a free-threaded build, but the GIL is enabled "
            "(PYTHON_GIL=1, -X gil=1, or an extension that needs it): "
            "threads take turns, as on a default build."
        )
    return (
        "The GIL is enabled (a default build of CPython): one thread "
        "runs Python code at a time, so threads take turns on one core "
        "and cannot speed up CPU-bound work. Processes can: each has "
        "its own interpreter and its own GIL."
    )


def plural(count: int, noun: str) -> str:
    """'1 worker', '2 workers'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def lost_updates(expected: int, actual: int) -> dict[str, float]:
    """The metrics of a race: what the total should be, what it is."""
    return {
        "expected": expected,
        "actual": actual,
        "lost_updates": expected - actual,
    }


def lost_note(lost: str) -> Callable[[dict[str, Any]], str]:
    """A note that reads the metrics of lost_updates() for the learner."""

    def note(report: dict[str, Any]) -> str:
        metrics = report["metrics"]
        return (
            f"Expected {metrics['expected']:,}, got "
            f"{metrics['actual']:,}: {metrics['lost_updates']:,} {lost}."
        )

    return note
