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
 *      { id, type: 'stdout' | 'stderr', line }     one line of output
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
		stdout: (line) => post({ type: 'stdout', line }),
		stderr: (line) => post({ type: 'stderr', line }),
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
	post({ type: 'done', code, error, seconds: (performance.now() - started) / 1000, cpuCountsWaiting: python.cpuClockCountsWaiting });
	current = 0;
};
