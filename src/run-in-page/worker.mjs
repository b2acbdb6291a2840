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

const harness = Promise.race([
	loadPyodide({
		indexURL: new URL('./pyodide/', import.meta.url).href,
		stdout: output('stdout'),
		stderr: output('stderr'),
	}),
	wasmFailure,
]).then(installHarness);

self.onmessage = async ({ data }) => {
	let python;
	try {
		python = await harness;
	} catch (error) {
		self.postMessage({ id: data.id, type: 'failed', reason: `Python could not load (${error instanceof Error ? error.message : error}).` });
		return;
	}
	current = data.id;
	post({ type: 'ready' });
	python.writeFiles(data.files);
	const started = performance.now();
	const { code, error } = python.runScript(data.file, data.args, { capture: false });
	flush();
	post({ type: 'done', code, error, seconds: (performance.now() - started) / 1000, cpuCountsWaiting: python.cpuClockCountsWaiting });
	current = 0;
};
