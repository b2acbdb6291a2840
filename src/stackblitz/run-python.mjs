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
 * lesson pages also use to run these scripts in the browser.
 *
 * Generated for the course "Speed Up Python With Concurrency"; the Python files are the course's, unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { installHarness } from './pyodide-harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/**
 * An attempted "skipped" script that neither fails nor finishes within this much CPU time is stopped, with Pyodide's
 * own interrupt (a KeyboardInterrupt, polled by the interpreter at no cost) rather than a trace function, which would
 * slow the script's Python code down several times over. CPU time, not wall time: other programs keeping the machine
 * busy must not stop a healthy attempt (it still gets some CPU). A script stuck waiting, using no CPU at all, is
 * stopped once it has been idle for ATTEMPT_IDLE_LIMIT_S.
 */
const ATTEMPT_DEADLINE_S = 15;
const ATTEMPT_IDLE_LIMIT_S = 10;
/** What Pyodide's interrupt buffer holds to raise KeyboardInterrupt: the signal number of SIGINT. */
const SIGINT = 2;

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = (text) => paint('1', text);
const warn = (text) => paint('1;33', text);
const dim = (text) => paint('2', text);
const bad = (text) => paint('1;31', text);

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
	const deadline = support.status === 'skipped' ? startDeadline(ATTEMPT_DEADLINE_S, ATTEMPT_IDLE_LIMIT_S) : null;
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
	details(result);
}

summary(results);
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

/**
 * Interrupts the Python code running on this thread once it has used `cpuSeconds` of CPU time (this process's, which
 * other programs cannot inflate) or used none for `idleSeconds` (waiting for something that will not come), unless
 * `finish()` comes first. The watch runs in a
 * worker thread because this one is busy inside Pyodide; it raises the interrupt through the shared buffer that
 * Pyodide polls. `finish()` returns what the script ran into ("15 s of CPU time"), or null if it finished in time.
 */
function startDeadline(cpuSeconds, idleSeconds) {
	// [0] 0: running, 1: finished first, 2: the deadline fired; [1] 1: idle
	const state = new Int32Array(new SharedArrayBuffer(8));
	// Every 200 ms: CPU used so far, and whether any was used since the last look (2 ms = 1%: more than this watch's
	// own cost, less than a runnable thread gets even on a machine 30 times oversubscribed).
	const worker = new Worker(
		`const { workerData: { state, interrupt, cpuMs, idleMs, signal } } = require('node:worker_threads');
		const cpuMsNow = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
		const cpu0 = cpuMsNow();
		let last = cpu0, busyAt = Date.now();
		while (Atomics.wait(state, 0, 0, 200) === 'timed-out') {
			const cpu = cpuMsNow();
			if (cpu - last >= 2) busyAt = Date.now();
			last = cpu;
			const idle = Date.now() - busyAt > idleMs;
			if (cpu - cpu0 < cpuMs && !idle) continue;
			if (Atomics.compareExchange(state, 0, 0, 2) === 0) {
				Atomics.store(state, 1, idle ? 1 : 0);
				Atomics.store(interrupt, 0, signal);
			}
			break;
		}`,
		{
			eval: true,
			workerData: {
				state,
				interrupt: interruptBuffer,
				cpuMs: cpuSeconds * 1000,
				idleMs: idleSeconds * 1000,
				signal: SIGINT,
			},
		},
	);
	worker.unref();
	return {
		finish() {
			const fired = Atomics.compareExchange(state, 0, 0, 1) === 2;
			Atomics.notify(state, 0);
			Atomics.store(interruptBuffer, 0, 0); // an interrupt the script finished before seeing must not hit the next one
			if (!fired) return null;
			return Atomics.load(state, 1) === 1
				? `${idleSeconds} s of waiting without using the CPU`
				: `${cpuSeconds} s of CPU time`;
		},
	};
}

/** A compare or sweep script that ran, but had to leave out the variants Pyodide cannot run (no time for them). */
function hasSkippedParts(report) {
	return (
		(report.runs ?? []).some((run) => run.status === 'skipped') ||
		(report.rows ?? []).some((row) => row.elapsed_s === null)
	);
}

function heading(script, support) {
	console.log(bold(`▶ ${script.file}`) + `  ${script.label} ${dim(`(variant: ${script.variant})`)}`);
	if (support.status === 'labelled') console.log(`  ${warn(`!!! ${support.label}`)}`);
}

function seconds(value) {
	return typeof value === 'number' ? `${value.toFixed(3)} s` : '-';
}

function details(result) {
	const { report, pyodide: support } = result;
	if (result.outcome === 'failed') {
		const note = support.status === 'skipped' ? dim('  (expected: example.json says it cannot run here)') : '';
		console.log(`  ${support.status === 'skipped' ? warn('FAILED') : bad('FAILED')} ${result.error}${note}\n`);
		return;
	}
	if (result.outcome === 'reported-skip') {
		console.log(`  ${warn('SKIPPED by the script')}: ${report.skip_reason}\n`);
		return;
	}
	if (result.outcome === 'partial') {
		console.log(
			`  ${warn('RAN IN PART')}: the variants that need threads or processes were left out (no time for them).`,
		);
	} else if (support.status === 'skipped') {
		console.log(`  ${bad('UNEXPECTED')}: it ran, but example.json says it cannot run under Pyodide.`);
	}
	const tag = support.status === 'labelled' ? warn('  [labelled: see above]') : '';
	console.log(`  ${'wall time'.padEnd(12)} ${seconds(report.elapsed_s)}${tag}`);
	// Issue 23: timing.py reports no number where the CPU clock cannot measure (cpu_unmeasured_reason): say why.
	const cpu =
		report.cpu_s === null && report.cpu_unmeasured_reason ? report.cpu_unmeasured_reason : seconds(report.cpu_s);
	console.log(`  ${'CPU time'.padEnd(12)} ${cpu}${cpuCountsWaiting && report.cpu_s !== null ? dim('  (†)') : ''}`);
	if (report.tasks.length > 0) {
		const workers = new Set(report.tasks.map((task) => task.worker)).size;
		console.log(`  tasks        ${report.tasks.length} on ${workers} worker${workers === 1 ? '' : 's'}`);
	}
	const metrics = Object.entries(report.metrics ?? {});
	const width = Math.max(12, ...metrics.map(([name]) => name.length));
	for (const [name, value] of metrics) {
		// Metrics computed from the CPU clock inherit its problem under Pyodide.
		const dagger = cpuCountsWaiting && /cpu|idle/i.test(name) ? dim('  (†)') : '';
		console.log(`  ${name.padEnd(width)} ${value}${dagger}`);
	}
	if (report.rows?.length) table(report.rows, '  ');
	for (const run of report.runs ?? [])
		console.log(
			`  ${run.variant.padEnd(16)} ${run.status === 'ok' ? seconds(run.elapsed_s) : `skipped: ${run.skip_reason}`}`,
		);
	console.log('');
}

function table(rows, indent) {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (value) =>
		typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value ?? '-');
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
	console.log(indent + columns.map((column, i) => column.padEnd(widths[i])).join('  '));
	for (const row of rows)
		console.log(indent + columns.map((column, i) => cell(row[column]).padEnd(widths[i])).join('  '));
}

function summary(results) {
	const notes = [];
	const rows = results.map((result) => {
		const support = result.pyodide;
		let status;
		let mark = '';
		if (support.status === 'labelled' || support.status === 'skipped') {
			const note = support.status === 'labelled' ? support.label : support.reason;
			if (!notes.includes(note)) notes.push(note);
			mark = ` [${notes.indexOf(note) + 1}]`;
		}
		if (result.outcome === 'not-run') status = `SKIPPED${mark}`;
		else if (result.outcome === 'ok')
			status =
				support.status === 'labelled'
					? `ran, LABELLED${mark}`
					: support.status === 'skipped'
						? `RAN (UNEXPECTED)${mark}`
						: 'ran';
		else if (result.outcome === 'reported-skip') status = `skipped by script${mark}`;
		else if (result.outcome === 'partial') status = `ran in part${mark}`;
		else status = support.status === 'skipped' ? `failed, as expected${mark}` : 'FAILED';
		const report = result.outcome === 'ok' ? result.report : null;
		return {
			script: result.file,
			variant: result.variant,
			'under Pyodide': status,
			wall: seconds(report?.elapsed_s),
			[cpuCountsWaiting ? 'CPU (†)' : 'CPU']: seconds(report?.cpu_s),
		};
	});
	console.log(bold(`Summary (Python ${python}, Pyodide ${pyodide.version})`));
	table(rows, '  ');
	notes.forEach((note, i) => console.log(`  [${i + 1}] ${note}`));
	if (cpuCountsWaiting) {
		console.log(
			`  (†) Under Pyodide, time.process_time() counts waiting as CPU time (this run measured it), ` +
				`so the scripts report\n` +
				`      CPU time as not measurable here: run them natively to see CPU time and idle shares.`,
		);
	}
	console.log(dim('  Times under Pyodide are not comparable with native Python.\n'));
}
