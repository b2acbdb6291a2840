// @ts-check
/**
 * Runs an example's Python scripts in a loaded Pyodide as `python3 <file> <args>` would: one place for both the
 * StackBlitz project (run-python.mjs, in Node.js) and the lesson pages' "Run here" worker (in the browser).
 * Plain JavaScript with no imports, so it runs unchanged in Node.js and in a module worker.
 *
 * Why a special event loop: Pyodide's own asyncio loop can only block inside asyncio.run() where the JavaScript
 * engine supports WebAssembly stack switching (JSPI), and there time.sleep() inside a coroutine stops blocking the
 * loop, which would contradict the asyncio lesson. So scripts run with plain runPython and CPython's own event loop,
 * whose selector only waits for timers (Pyodide has no sockets to wait on): time.sleep blocks as in CPython.
 * Stopping a run is the caller's business: run-python.mjs raises Pyodide's interrupt (KeyboardInterrupt) through a
 * shared buffer; the page terminates its worker.
 */

/** Where the scripts live inside Pyodide's in-memory file system. */
export const EXAMPLE_DIR = '/home/pyodide/example';

/** The Python side: a timer-only event loop, and run_script(), which runs one file as __main__. */
const HARNESS_PY = String.raw`
import asyncio, asyncio.events, contextlib, io, os, runpy, sys, time, traceback

EXAMPLE_DIR = ${JSON.stringify(EXAMPLE_DIR)}
os.makedirs(EXAMPLE_DIR, exist_ok=True)
os.chdir(EXAMPLE_DIR)
sys.path.insert(0, EXAMPLE_DIR)


class _TimerSelector:
    """What an event loop waits on. Pyodide has no sockets, so only timers can wake the loop: sleep until the next."""

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError(
                "the event loop would wait forever: nothing is scheduled, "
                "and Pyodide has no sockets to wait on"
            )
        if timeout > 0:
            time.sleep(timeout)
        return []

    def close(self):
        pass


class TimerEventLoop(asyncio.BaseEventLoop):
    """CPython's own event loop (tasks, timers, gather, locks), minus the sockets Pyodide lacks.

    Pyodide's default loop can only block inside asyncio.run() where the JavaScript engine supports WebAssembly
    stack switching (not Node 20, not every browser). This loop behaves the same everywhere.
    """

    def __init__(self):
        super().__init__()
        self._selector = _TimerSelector()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


_original_run = getattr(asyncio.run, "__wrapped__", asyncio.run)


def _run(main, *, debug=None, loop_factory=None):
    return _original_run(main, debug=debug, loop_factory=loop_factory or TimerEventLoop)


asyncio.run = _run
asyncio.new_event_loop = asyncio.events.new_event_loop = TimerEventLoop


def _cpu_clock_counts_waiting():
    cpu = time.process_time()
    time.sleep(0.05)
    return time.process_time() - cpu > 0.04


CPU_CLOCK_COUNTS_WAITING = _cpu_clock_counts_waiting()


def _learner_traceback(exc):
    """The traceback as python3 file.py prints it: from the learner's script on.

    Issue 23: the frames of this harness (File "<exec>", run_script) and of runpy (<frozen runpy>) come first in
    exc.__traceback__; python3 shows none of them, so neither does the page. A SyntaxError keeps no frame at all,
    only its own "File ..., line N" lines, as with python3.
    """
    tb = exc.__traceback__
    while tb is not None and _machinery(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    return text.replace(f'File "{os.getcwd()}/', 'File "')  # as python3 file.py names it, from its folder


def _machinery(filename):
    """Frames python3 file.py would not show: this harness, runpy, and the example's harness (compare.py and
    harness.py import the variant, through importlib), which runs the learner's file."""
    name = os.path.basename(filename)
    return (filename == "<exec>" or "runpy" in filename or "importlib" in filename
            or name in ("compare.py", "harness.py"))


def run_script(file, args, quiet, capture):
    """Run file as __main__ with args; return (exit code, stdout, error or None).

    quiet: no traceback on stderr. capture: collect stdout and return it (else it goes to Pyodide's stdout, live).
    """
    out = io.StringIO()
    code, error = 0, None
    sys.argv = [file, *args]
    outer_loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)  # Pyodide keeps its own loop "running"; a script's asyncio.run needs none
    try:
        with contextlib.redirect_stdout(out) if capture else contextlib.nullcontext():
            try:
                runpy.run_path(file, run_name="__main__")
            except SystemExit as stop:
                if stop.code is None:
                    code = 0
                elif isinstance(stop.code, int):
                    code = stop.code
                else:
                    code, error = 1, str(stop.code)
            except BaseException as exc:
                code = 1
                # One line: a SyntaxError's source lines and caret belong in the traceback, not in the status.
                lines = traceback.format_exception_only(type(exc), exc)
                error = next((line for line in lines if not line.startswith(" ")), lines[-1]).strip()
                if not quiet:
                    sys.stderr.write(_learner_traceback(exc))
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
    finally:
        asyncio.events._set_running_loop(outer_loop)
        # A fresh interpreter for every script, as with python3: forget the example's modules (harness.py, ...).
        for name, module in list(sys.modules.items()):
            if (getattr(module, "__file__", None) or "").startswith(EXAMPLE_DIR):
                del sys.modules[name]
    return code, out.getvalue(), error
`;

/**
 * @typedef {object} RunOptions
 * @property {boolean} [quiet] no traceback on stderr when it fails
 * @property {boolean} [capture] return stdout instead of printing it (default true)
 *
 * @typedef {object} RunResult
 * @property {number} code exit code, as python3 would give it
 * @property {string} stdout what the script printed (empty unless captured)
 * @property {string | null} error one line: the exception or the SystemExit message
 *
 * @typedef {object} Harness
 * @property {(files: Record<string, string>) => void} writeFiles puts the example's files (name -> text) in place
 * @property {(file: string, args: string[], options?: RunOptions) => RunResult} runScript runs one file as __main__
 * @property {boolean} cpuClockCountsWaiting whether time.process_time() counts sleeping as CPU time (it does in
 *   Pyodide)
 * @property {string} python the Python version, e.g. "3.14.0"
 */

/**
 * Prepares a loaded Pyodide to run an example's scripts.
 * @param {any} pyodide what loadPyodide() resolved to
 * @returns {Harness}
 */
export function installHarness(pyodide) {
	pyodide.runPython(HARNESS_PY);
	const run = pyodide.globals.get('run_script');
	return {
		writeFiles(files) {
			pyodide.FS.mkdirTree(EXAMPLE_DIR);
			for (const [name, text] of Object.entries(files)) pyodide.FS.writeFile(`${EXAMPLE_DIR}/${name}`, text);
		},
		runScript(file, args, { quiet = false, capture = true } = {}) {
			const outcome = run(file, args, quiet, capture);
			const [code, stdout, error] = outcome.toJs();
			outcome.destroy();
			return { code, stdout, error: error ?? null };
		},
		cpuClockCountsWaiting: pyodide.globals.get('CPU_CLOCK_COUNTS_WAITING'),
		python: pyodide.runPython('import platform; platform.python_version()'),
	};
}
