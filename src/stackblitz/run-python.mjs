#!/usr/bin/env node
/**
 * Runs this example's Python scripts under Pyodide (CPython compiled to WebAssembly), inside Node.js.
 *
 * Why: StackBlitz runs Node.js in the browser (WebContainers) and has no real Python, so `npm start` loads
 * Pyodide from npm and runs each script of example.json in teaching order, with `--json` and the quick
 * arguments the course's tests use. It prints a readable summary and writes every report to timings.json.
 *
 * Pyodide cannot start threads or processes and has no sockets. Scripts that example.json marks "skipped"
 * are not run (their reason is printed instead); scripts marked "labelled" run with their label printed
 * next to every number, because what they show differs from a native run.
 *
 *   npm start                      run the example as the course intends
 *   npm start -- --all             also attempt the skipped scripts, to see why they cannot run here
 *   npm start -- --only a.py,b.py  run only these scripts
 *   RUN_PYTHON_ALL=1 npm start     same as --all
 *
 * The Python-running core (the event loop, running a file as __main__) is pyodide-harness.mjs, which the course's
 * lesson pages also use to run these scripts in the browser. attempt-deadline.mjs stops an attempt that runs too
 * long; print-results.mjs is what the terminal shows.
 *
 * Generated for the course "Speed Up Python With Concurrency"; the Python files are the course's, unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadPyodide } from 'pyodide';
import { startDeadline } from './attempt-deadline.mjs';
import { bold, details, dim, heading, summary, warn } from './print-results.mjs';
import { installHarness } from './pyodide-harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/**
 * An attempted "skipped" script that neither fails nor finishes within this much CPU time is stopped (see
 * attempt-deadline.mjs). CPU time, not wall time: other programs keeping the machine busy must not stop a healthy
 * attempt (it still gets some CPU). A script stuck waiting, using no CPU at all, is stopped once it has been idle for
 * ATTEMPT_IDLE_LIMIT_S.
 */
const ATTEMPT_DEADLINE_S = 15;
const ATTEMPT_IDLE_LIMIT_S = 10;

const { values: flags } = parseArgs({
	options: {
		all: { type: 'boolean', default: process.env.RUN_PYTHON_ALL === '1' },
		only: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});
if (flags.help) {
	console.log('Usage: npm start [-- --all] [-- --only a.py,b.py]\n');
	console.log(
		'  --all    also attempt the scripts example.json marks as skipped under Pyodide (they are expected to fail)',
	);
	console.log('  --only   run only the listed scripts');
	process.exit(0);
}

const metadata = JSON.parse(fs.readFileSync(path.join(HERE, 'example.json'), 'utf8'));
const only = flags.only ? new Set(flags.only.split(',').map((name) => name.trim())) : null;
if (only) {
	const unknown = [...only].filter((file) => !metadata.scripts.some((script) => script.file === file));
	if (unknown.length > 0) {
		console.error(
			`Unknown script(s): ${unknown.join(', ')}. Scripts: ${metadata.scripts.map((s) => s.file).join(', ')}.`,
		);
		process.exit(2);
	}
}
const scripts = metadata.scripts.filter((script) => !only || only.has(script.file));

console.log(bold(metadata.title));
console.log(dim('Loading Python (Pyodide, CPython compiled to WebAssembly)…'));
const started = performance.now();
const pyodide = await loadPyodide({
	stdout: (line) => process.stdout.write(`${line}\n`),
	stderr: (line) => process.stderr.write(`${dim(`  ${line}`)}\n`),
});
const interruptBuffer = new Int32Array(new SharedArrayBuffer(4));
pyodide.setInterruptBuffer(interruptBuffer);
const harness = installHarness(pyodide);
harness.writeFiles(
	Object.fromEntries(
		fs
			.readdirSync(HERE)
			.filter((name) => name.endsWith('.py') || name === 'example.json') // the harness reads example.json
			.sort()
			.map((file) => [file, fs.readFileSync(path.join(HERE, file), 'utf8')]),
	),
);
const cpuCountsWaiting = harness.cpuClockCountsWaiting;
const python = harness.python;
console.log(
	dim(
		`Python ${python} in Pyodide ${pyodide.version}, Node ${process.version}; ` +
			`ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
	),
);
console.log(
	dim('Pyodide cannot start threads or processes and has no sockets: scripts that need them are skipped here.\n'),
);

const results = [];
for (const script of scripts) {
	const support = script.pyodide;
	const attempt = support.status !== 'skipped' || flags.all;
	const result = {
		file: script.file,
		variant: script.variant,
		label: script.label,
		pyodide: support,
		attempted: attempt,
		outcome: 'not-run',
		exitCode: null,
		error: null,
		report: null,
		expected: true,
	};
	results.push(result);
	heading(script, support);
	if (!attempt) {
		console.log(`  ${warn('SKIPPED')} ${support.reason}`);
		console.log(dim('  (npm start -- --all attempts it anyway; run it natively with python3 to see it work.)\n'));
		continue;
	}
	// compare.py runs the shared harness (harness.py), which imports the plain variant and times it from outside.
	const args = [script.variant, '--json', ...script.quickArgs];
	console.log(dim(`  $ python3 compare.py ${args.join(' ')}   (in Pyodide)`));
	const deadline =
		support.status === 'skipped' ? startDeadline(interruptBuffer, ATTEMPT_DEADLINE_S, ATTEMPT_IDLE_LIMIT_S) : null;
	const { code, stdout, error } = harness.runScript('compare.py', args, { quiet: support.status === 'skipped' });
	const stopped = deadline?.finish() ?? false;
	result.exitCode = code;
	result.error = error ?? null;
	if (stopped) {
		// The script may have caught the KeyboardInterrupt and exited its own way: say what really happened.
		result.error = `still running after ${stopped}, so the runner stopped it (exit code ${code})`;
	} else if (code === 0) {
		try {
			result.report = JSON.parse(stdout);
		} catch {
			result.error = `stdout is not one JSON object: ${stdout.slice(0, 200)}`;
		}
	} else if (!error) {
		result.error = `exited with code ${code}`;
	}
	result.outcome = !result.report
		? 'failed'
		: result.report.status === 'skipped'
			? 'reported-skip'
			: hasSkippedParts(result.report)
				? 'partial'
				: 'ok';
	// What example.json promises must be what happens: runs/labelled scripts run; skipped ones cannot.
	result.expected = support.status === 'skipped' ? result.outcome !== 'ok' : result.outcome === 'ok';
	details(result, cpuCountsWaiting);
}

summary(results, { python, pyodideVersion: pyodide.version, cpuCountsWaiting });
fs.writeFileSync(
	path.join(HERE, 'timings.json'),
	`${JSON.stringify(
		{
			runner: 'run-python.mjs',
			example: metadata.title,
			python,
			pyodide: pyodide.version,
			node: process.version,
			mode: flags.all ? 'all' : 'default',
			cpuClockCountsWaiting: cpuCountsWaiting,
			results,
		},
		null,
		2,
	)}\n`,
);
console.log(
	dim('Every report in full: timings.json. To run every script for real, see README.md (python3 on your machine).'),
);
// Pyodide keeps Node's event loop alive; leave explicitly, failing when a script did not do what example.json says.
process.exit(results.every((r) => r.expected) ? 0 : 1);

/** A compare or sweep script that ran, but had to leave out the variants Pyodide cannot run (no time for them). */
function hasSkippedParts(report) {
	return (
		(report.runs ?? []).some((run) => run.status === 'skipped') ||
		(report.rows ?? []).some((row) => row.elapsed_s === null)
	);
}
