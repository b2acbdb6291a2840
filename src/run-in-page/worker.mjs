/**
 * The lesson pages' "Run here" worker (a module worker, started on the first click by RunInPage.astro).
 *
 * Loads the site's own copy of Pyodide (pyodide/ next to this file, under the site's base: no other host), then
 * runs one script per message with the StackBlitz project's harness (pyodide-harness.mjs: plain runPython and a
 * timer-only event loop, so time.sleep blocks as in CPython), streaming stdout and stderr line by line.
 * Runs queue up: a message is handled when the previous run has finished. The page stops a run by terminating the
 * worker; the next run starts a new one.
 *
 * Not type-checked: it imports its neighbours as laid out in the build (./pyodide/ and the harness sit next to it
 * there, not in src/), which the checker cannot resolve.
 *
 * In:  { id, files: { name: text }, file, args }   the example's .py files (edited or not), the script, its arguments
 * Out: { id, type: 'ready' }                       Python is loaded and this run starts
 *      { id, type: 'output', chunks }              [stream, text] pairs: 'stdout' or 'stderr', whole lines
 *      { id, type: 'done', code, error, seconds, cpuCountsWaiting }
 *      { id, type: 'failed', reason }              Python could not load
 *      { id: 0, type: 'progress', loaded, phase }  while Python loads: bytes downloaded, then phase 'starting'
 *      { id, type: 'environment', environment }    where the run happens (harness.environment()), when the example
 *                                                  has it
 *      { id, type: 'tasks', tasks }                tasks that finished since the last message (live timeline)
 *      { id, type: 'report', report }              the run's JSON report (harness.run_variant), to compare with ours
 */
import { loadPyodide } from './pyodide/pyodide.mjs';
import { installHarness } from './pyodide-harness.mjs';

/** The run whose output is being produced: Pyodide's stdout callbacks carry no context of their own. */
let current = 0;
/** @param {Record<string, unknown>} message */
const post = (message) => self.postMessage({ id: current, ...message });

/**
 * Output goes to the page as it comes, line by line, except in a flood: past LINES_PER_WINDOW lines in a
 * WINDOW_MS window the lines wait and leave together with the next line after the window, or at the end of the run.
 * Without this, a print loop sends the page more messages than it can handle, and the Stop button stops answering.
 */
const WINDOW_MS = 100;
const LINES_PER_WINDOW = 20;
/** @type {Array<[string, string]>} consecutive lines of one stream are joined */
let pending = [];
let windowStart = 0;
let sentInWindow = 0;
const flush = () => {
	if (pending.length) post({ type: 'output', chunks: pending });
	pending = [];
};
/** @param {'stdout' | 'stderr'} stream */
const output = (stream) => (/** @type {string} */ line) => {
	const last = pending.at(-1);
	if (last?.[0] === stream) last[1] += `${line}\n`;
	else pending.push([stream, `${line}\n`]);
	const now = performance.now();
	if (now - windowStart > WINDOW_MS) {
		windowStart = now;
		sentInWindow = 0;
	}
	if (sentInWindow++ < LINES_PER_WINDOW || pending.length > 1000) flush();
};

/**
 * Pyodide 314 reports a WebAssembly binary that fails to download or compile only as two console warnings, and then
 * waits forever: turn the second warning (the error) into a rejection, so the page can say why Python did not load.
 */
const wasmFailure = new Promise((_, reject) => {
	const warn = console.warn.bind(console);
	let failing = false;
	console.warn = (...args) => {
		warn(...args);
		if (failing) reject(args[0]);
		failing = args[0] === 'wasm instantiation failed!';
	};
});

/**
 * Loading progress: Pyodide fetches its files from ./pyodide/; each response body is counted as it streams in, and
 * when the last download ends, Python is compiling and starting. Posted at most every 100 ms.
 */
let loadedBytes = 0;
let downloads = 0;
/** Python starts once the WebAssembly binary, the last of the big files to start, is in (the lock file comes first). */
let wasmFetched = false;
let lastProgress = 0;
const progress = (/** @type {string} */ phase, force = false) => {
	const now = performance.now();
	if (!force && now - lastProgress < 100) return;
	lastProgress = now;
	self.postMessage({ id: 0, type: 'progress', loaded: loadedBytes, phase });
};
const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
	const response = await plainFetch(input, init);
	const url = String(input instanceof Request ? input.url : input);
	if (!response.body || !url.includes('/pyodide/')) return response;
	downloads++;
	wasmFetched ||= url.endsWith('.wasm');
	const counted = response.body.pipeThrough(
		new TransformStream({
			transform(chunk, controller) {
				loadedBytes += chunk.byteLength;
				progress('download');
				controller.enqueue(chunk);
			},
			flush() {
				if (--downloads === 0 && wasmFetched) progress('starting', true);
			},
		}),
	);
	return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};

/** @type {any} */
let pyodide;
const harness = Promise.race([
	loadPyodide({
		indexURL: new URL('./pyodide/', import.meta.url).href,
		stdout: output('stdout'),
		stderr: output('stderr'),
	}),
	wasmFailure,
]).then((loaded) => {
	pyodide = loaded;
	return installHarness(loaded);
});

/**
 * Live timeline: before the script runs, the example's harness (harness.py, which runs every variant observed from
 * outside) is imported and its Observation.add and run_variant watched, so every finished task and the final report
 * reach the page (the example knows nothing of this). Without a harness the run simply has no live timeline.
 */
const OBSERVE_PY = String.raw`
def _observe(post_tasks, post_report, post_environment):
    import json
    try:
        import harness
    except Exception:
        return False
    observation = getattr(harness, "Observation", None)
    if observation is None or not hasattr(observation, "add"):
        return False
    add = observation.add
    def observed_add(self, record):
        add(self, record)
        post_tasks(json.dumps({
            "id": len(self.records) - 1,
            "worker": record["worker"],
            "start_s": round(max(0.0, record["start"] - self.origin), 6),
            "end_s": round(max(0.0, record["end"] - self.origin), 6),
        }))
    observation.add = observed_add
    run_variant = harness.run_variant
    def observed_run(*args, **kwargs):
        report = run_variant(*args, **kwargs)
        post_report(json.dumps(report))
        return report
    harness.run_variant = observed_run
    try:
        post_environment(json.dumps(harness.environment()))
    except Exception:
        pass  # the live chart then says less about where it runs
    return True
_observe
`;
/** Finished tasks wait here and leave together, at most every 100 ms, like the output. */
/** @type {unknown[]} */
let tasks = [];
let tasksSent = 0;
const sendTasks = (force = false) => {
	if (!tasks.length || (!force && performance.now() - tasksSent < 100)) return;
	tasksSent = performance.now();
	post({ type: 'tasks', tasks });
	tasks = [];
};

self.onmessage = async ({ data }) => {
	let python;
	try {
		python = await harness;
	} catch (error) {
		self.postMessage({
			id: data.id,
			type: 'failed',
			reason: `Python could not load (${error instanceof Error ? error.message : error}).`,
		});
		return;
	}
	current = data.id;
	post({ type: 'ready' });
	python.writeFiles(data.files);
	try {
		pyodide.runPython(OBSERVE_PY)(
			(/** @type {string} */ task) => {
				tasks.push(JSON.parse(task));
				sendTasks();
			},
			(/** @type {string} */ report) => post({ type: 'report', report }),
			(/** @type {string} */ environment) => post({ type: 'environment', environment: JSON.parse(environment) }),
		);
	} catch (error) {
		// The run goes on without a live timeline: the harness did not import (the run will say why).
	}
	const started = performance.now();
	const { code, error } = python.runScript(data.file, data.args, { capture: false });
	flush();
	sendTasks(true);
	post({
		type: 'done',
		code,
		error,
		seconds: (performance.now() - started) / 1000,
		cpuCountsWaiting: python.cpuClockCountsWaiting,
	});
	current = 0;
};
