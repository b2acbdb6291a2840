/**
 * Making measurements: run an example's scripts with `--json`, check each report against
 * `examples/timing-report.schema.json`, and fold the repeated reports into one measurement
 * (the shape `src/lib/measurements.ts` validates). Used by `npm run measure` (scripts/measure.ts)
 * and by the freshness test, which reruns the examples quickly.
 *
 * Not used by the site itself: it spawns Python.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Example, ExampleScript } from '../../src/lib/examples/metadata.ts';
import { reportArgs } from '../../src/lib/ways-in/commands.ts';
import {
	MEASUREMENT_FORMAT_VERSION,
	type Environment,
	type MeasuredVariant,
	type Measurement,
	type Row,
	type Stats,
	type Task,
} from '../../src/lib/measurements/schema.ts';
import { median, roundSig, speedupOf } from '../../src/lib/measurements/numbers.ts';
import { parseMeasurement } from '../../src/lib/measurements/load.ts';
import { watchContention, type ContentionReport } from './contention.ts';
import { TIMING_REPORT_SCHEMA } from '../../src/lib/paths.ts';

/** How many runs or rounds {@link measureExample} may throw away (see `acceptRun`, `roundOk`) before it gives up. */
export const MAX_REDONE_ROUNDS = 25;

/** A timeline with more tasks than this is not stored (it could not be drawn legibly anyway). */
export const MAX_TIMELINE_TASKS = 400;

/** What a script prints with `--json` (examples/timing-report.schema.json). */
export interface TimingReport {
	schema_version: 1;
	example: string;
	script: string;
	variant: string;
	status: 'ok' | 'skipped';
	skip_reason: string | null;
	environment: Environment & { start_method: 'fork' | 'forkserver' | 'spawn' | null };
	parameters: Record<string, number | string | boolean>;
	elapsed_s: number | null;
	cpu_s: number | null;
	tasks: Task[];
	metrics?: Record<string, number>;
	rows?: Row[];
	runs?: TimingReport[];
	timestamp: string;
}

/** Thrown when a script fails, prints something that is not a valid report, or runs disagree. */
export class MeasureError extends Error {
	override name = 'MeasureError';
}

// ------------------------------------------------------------------------------------------------
// Validating reports
// ------------------------------------------------------------------------------------------------

let validator: ValidateFunction | undefined;

function reportValidator(): ValidateFunction {
	if (!validator) {
		const schema = JSON.parse(fs.readFileSync(TIMING_REPORT_SCHEMA, 'utf8')) as object;
		validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
	}
	return validator;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
	return (errors ?? [])
		.slice(0, 8)
		.map((e) => {
			const allowed = e.params && 'allowedValue' in e.params ? ` (${JSON.stringify(e.params.allowedValue)})` : '';
			return `  - ${e.instancePath || '(root)'} ${e.message ?? ''}${allowed}`;
		})
		.join('\n');
}

/**
 * Checks a parsed report against the timing-report schema and against what was run
 * (same example, script and variant). Returns it typed; throws a {@link MeasureError} otherwise.
 */
export function validateReport(report: unknown, expected: { example: string; script: ExampleScript }): TimingReport {
	const validate = reportValidator();
	const where = `examples/${expected.example}/${expected.script.file}`;
	if (!validate(report)) {
		throw new MeasureError(
			`${where}: its --json report does not match examples/timing-report.schema.json:\n${describeErrors(validate.errors)}`,
		);
	}
	const typed = report as TimingReport;
	const mismatches = [
		typed.example !== expected.example && `example is "${typed.example}", expected "${expected.example}"`,
		typed.script !== expected.script.file && `script is "${typed.script}", expected "${expected.script.file}"`,
		typed.variant !== expected.script.variant &&
			`variant is "${typed.variant}", expected "${expected.script.variant}" (example.json)`,
	].filter(Boolean);
	if (mismatches.length > 0)
		throw new MeasureError(`${where}: its --json report does not match example.json: ${mismatches.join('; ')}`);
	return typed;
}

// ------------------------------------------------------------------------------------------------
// Running a script
// ------------------------------------------------------------------------------------------------

export interface RunScriptOptions {
	/** Python executable (see findPython in scripts/lib/run.ts). */
	python: string;
	/** Options for Python itself, before the script (e.g. `['-X', 'gil=1']`). */
	pythonArgs?: readonly string[];
	/** Kill the script (and its child processes) after this long. */
	timeoutMs?: number;
	/** Receives how busy other programs kept the CPUs while the script ran (null where that cannot be watched). */
	onContention?: (contention: ContentionReport | null) => void;
}

/**
 * Runs `python compare.py <variant> --json <args>` in the example's folder (the harness times the plain variant from
 * outside) and returns its validated report.
 * stdout must be exactly one JSON object; stderr is kept for the error message.
 * The script runs in its own process group, killed on timeout or when this process is interrupted.
 */
export function runScript(
	example: Example,
	script: ExampleScript,
	args: readonly string[],
	options: RunScriptOptions,
): Promise<TimingReport> {
	const where = `examples/${example.slug}/${script.file}`;
	const pythonArgs = options.pythonArgs ?? [];
	const commandLine = `${[options.python, ...pythonArgs, ...reportArgs(script, args)].join(' ')}`.trim();
	return new Promise((resolve, reject) => {
		const child = spawn(options.python, [...pythonArgs, ...reportArgs(script, args)], {
			cwd: example.dir,
			env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUTF8: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: process.platform !== 'win32',
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const watcher = options.onContention && child.pid ? watchContention(child.pid) : undefined;
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const killGroup = () => {
			try {
				if (child.pid) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		};
		const timer = options.timeoutMs
			? setTimeout(() => {
					timedOut = true;
					killGroup();
				}, options.timeoutMs)
			: undefined;
		const onSignal = () => killGroup();
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
		const done = () => {
			const contention = watcher?.stop();
			if (watcher) options.onContention?.(contention ?? null);
			if (timer) clearTimeout(timer);
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
		};
		child.on('error', (error) => {
			done();
			reject(new MeasureError(`${where}: could not start ${options.python}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			done();
			const tail = stderr.trim().split('\n').slice(-15).join('\n');
			if (timedOut)
				return reject(
					new MeasureError(`${where}: still running after ${options.timeoutMs} ms, stopped it (${commandLine})`),
				);
			if (code !== 0) {
				return reject(
					new MeasureError(`${where}: exited with ${code ?? signal} (${commandLine})${tail ? `:\n${tail}` : ''}`),
				);
			}
			let parsed: unknown;
			try {
				parsed = JSON.parse(stdout);
			} catch {
				return reject(
					new MeasureError(
						`${where}: with --json, stdout must be exactly one JSON object (${commandLine}); ` +
							`it began with: ${JSON.stringify(stdout.slice(0, 200))}`,
					),
				);
			}
			try {
				resolve(validateReport(parsed, { example: example.slug, script }));
			} catch (error) {
				reject(error);
			}
		});
	});
}

// ------------------------------------------------------------------------------------------------
// From reports to a measurement
// ------------------------------------------------------------------------------------------------

/** The repeated reports of one script. */
export interface ScriptRuns {
	script: ExampleScript;
	/** Arguments it ran with (besides --json). */
	args: string[];
	/** One report per repeat, in the order they ran. */
	reports: TimingReport[];
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
	return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Median/min/max of seconds, all rounded as stored. */
export function statsOf(values: readonly number[]): Stats {
	const runs = values.map((v) => roundSig(v));
	return { median: roundSig(median(runs)), min: Math.min(...runs), max: Math.max(...runs), runs };
}

/** Index of the run closest to the median (the first one on ties): its tasks are the ones drawn. */
export function medianRunIndex(values: readonly number[]): number {
	const mid = median(values);
	let best = 0;
	values.forEach((v, i) => {
		if (Math.abs(v - mid) < Math.abs(values[best]! - mid)) best = i;
	});
	return best;
}

function sameEnvironment(a: Environment, b: Environment): boolean {
	return JSON.stringify(sortedRecord(a)) === JSON.stringify(sortedRecord(b));
}

/** The environment without the per-script start method. */
function environmentOf(report: TimingReport): Environment {
	const { start_method: _ignored, ...env } = report.environment;
	return {
		python_version: env.python_version,
		implementation: env.implementation,
		gil_enabled: env.gil_enabled,
		free_threaded_build: env.free_threaded_build,
		os: env.os,
		platform: env.platform,
		machine: env.machine,
		cpu_count: env.cpu_count,
	};
}

/**
 * Median of each metric over the runs. A metric that only some runs report (say, a crossover point that a run
 * did not reach) has no honest median: it is left out, and `warn` says so.
 */
function medianMetrics(
	where: string,
	metricsList: Array<Record<string, number> | undefined>,
	warn: (message: string) => void,
): Record<string, number> {
	const names = new Set(metricsList.flatMap((m) => Object.keys(m ?? {})));
	const result: Record<string, number> = {};
	for (const name of [...names].sort()) {
		const values = metricsList.map((m) => m?.[name]).filter((v): v is number => v !== undefined);
		if (values.length < metricsList.length) {
			warn(
				`${where}: metric "${name}" was reported by ${values.length} of ${metricsList.length} runs, so it is left out`,
			);
			continue;
		}
		result[name] = roundSig(median(values));
	}
	return result;
}

/** Sweep rows: each point (same variant and x, else same position) gets the median of every numeric field. */
export function medianRows(where: string, rowsList: Row[][]): Row[] {
	const first = rowsList[0]!;
	const keyOf = (row: Row, index: number) => `${String(row.variant)}\0${'x' in row ? String(row.x) : `#${index}`}`;
	const byKey = new Map<string, Row[]>();
	for (const rows of rowsList) {
		if (rows.length !== first.length)
			throw new MeasureError(`${where}: runs reported different numbers of rows (${first.length} and ${rows.length})`);
		rows.forEach((row, i) => {
			const key = keyOf(row, i);
			byKey.set(key, [...(byKey.get(key) ?? []), row]);
		});
	}
	return first.map((row, i) => {
		const samples = byKey.get(keyOf(row, i))!;
		if (samples.length !== rowsList.length)
			throw new MeasureError(`${where}: row ${keyOf(row, i).replace('\0', ' x=')} is missing from some runs`);
		const merged: Row = {};
		for (const field of Object.keys(row).sort()) {
			const values = samples.map((s) => s[field]);
			const numbers = values.filter((v): v is number => typeof v === 'number');
			const allEqual = values.every((v) => v === values[0]);
			merged[field] = allEqual || numbers.length !== values.length ? (values[0] ?? null) : roundSig(median(numbers));
		}
		return merged;
	});
}

function summarizeNested(
	where: string,
	reportsList: TimingReport[][],
	warn: (message: string) => void,
): NonNullable<Extract<MeasuredVariant, { status: 'ok' }>['runs']> {
	const first = reportsList[0]!;
	return first.map((nested, i) => {
		const samples = reportsList.map((reports) => reports[i]);
		if (samples.some((s) => !s || s.variant !== nested.variant)) {
			throw new MeasureError(`${where}: runs embedded different variants at position ${i}`);
		}
		const statuses = new Set(samples.map((s) => s!.status));
		if (statuses.size > 1)
			throw new MeasureError(`${where}: nested variant ${nested.variant} ran in some runs and was skipped in others`);
		if (nested.status === 'skipped') {
			return {
				variant: nested.variant,
				status: 'skipped',
				skip_reason: nested.skip_reason,
				elapsed_s: null,
				metrics: {},
			};
		}
		return {
			variant: nested.variant,
			status: 'ok',
			skip_reason: null,
			elapsed_s: statsOf(samples.map((s) => s!.elapsed_s!)),
			metrics: medianMetrics(
				`${where} (nested ${nested.variant})`,
				samples.map((s) => s!.metrics),
				warn,
			),
		};
	});
}

function summarizeScript(
	exampleSlug: string,
	{ script, args, reports }: ScriptRuns,
	warn: (message: string) => void,
): MeasuredVariant {
	const where = `examples/${exampleSlug}/${script.file}`;
	if (reports.length === 0) throw new MeasureError(`${where}: no runs`);
	const first = reports[0]!;
	const base = {
		variant: script.variant,
		script: script.file,
		label: script.label,
		role: script.role,
		args: [...args],
		parameters: sortedRecord(first.parameters),
	};
	const statuses = new Set(reports.map((r) => r.status));
	if (statuses.size > 1)
		throw new MeasureError(
			`${where}: ran in some repeats and was skipped in others; a measurement needs one or the other`,
		);
	for (const report of reports) {
		if (JSON.stringify(sortedRecord(report.parameters)) !== JSON.stringify(base.parameters)) {
			throw new MeasureError(`${where}: parameters differ between runs of the same command`);
		}
	}
	if (first.status === 'skipped') {
		return { ...base, status: 'skipped', skip_reason: first.skip_reason! };
	}
	const elapsed = reports.map((r) => r.elapsed_s!);
	const pick = medianRunIndex(elapsed);
	const picked = reports[pick]!;
	const tasks = [...picked.tasks]
		.map((t) => ({ id: t.id, worker: t.worker, start_s: roundSig(t.start_s), end_s: roundSig(t.end_s) }))
		.sort((a, b) => a.start_s - b.start_s || a.id - b.id);
	const withRows = reports.filter((r) => r.rows !== undefined);
	if (withRows.length !== 0 && withRows.length !== reports.length)
		throw new MeasureError(`${where}: some runs reported rows and some did not`);
	const withRuns = reports.filter((r) => r.runs !== undefined);
	if (withRuns.length !== 0 && withRuns.length !== reports.length)
		throw new MeasureError(`${where}: some runs embedded runs and some did not`);
	return {
		...base,
		status: 'ok',
		skip_reason: null,
		start_method: first.environment.start_method,
		elapsed_s: statsOf(elapsed),
		cpu_s: reports.every((r) => r.cpu_s !== null) ? statsOf(reports.map((r) => r.cpu_s!)) : null,
		speedup: null, // filled in once every variant is summarised
		metrics: medianMetrics(
			where,
			reports.map((r) => r.metrics),
			warn,
		),
		task_count: picked.tasks.length,
		timeline:
			tasks.length === 0 || tasks.length > MAX_TIMELINE_TASKS
				? null
				: { run: pick, elapsed_s: roundSig(picked.elapsed_s!), tasks },
		rows: withRows.length
			? medianRows(
					where,
					reports.map((r) => r.rows!),
				)
			: null,
		runs: withRuns.length
			? summarizeNested(
					where,
					reports.map((r) => r.runs!),
					warn,
				)
			: null,
	};
}

/**
 * Folds the repeated reports of an example's scripts into one measurement: medians, speedups against the
 * example's baseline, the task list of the median run. Throws a {@link MeasureError} when runs disagree on
 * where they ran, on their parameters, or on whether they ran at all. The result is validated by the same
 * schema the site loads it with.
 */
export function summarize(
	example: Pick<Example, 'slug' | 'title' | 'baseline'>,
	scriptRuns: readonly ScriptRuns[],
	meta: {
		date: string;
		command: string;
		repeats: number;
		warn?: (message: string) => void;
		interpreter?: string;
		pythonArgs?: readonly string[];
	},
): Measurement {
	const warn = meta.warn ?? (() => {});
	const allReports = scriptRuns.flatMap((s) => s.reports);
	if (allReports.length === 0) throw new MeasureError(`example ${example.slug}: nothing was run`);
	const environment = environmentOf(allReports[0]!);
	for (const report of allReports) {
		if (!sameEnvironment(environmentOf(report), environment)) {
			throw new MeasureError(
				`example ${example.slug}: ${report.script} ran on ${JSON.stringify(environmentOf(report))}, ` +
					`others on ${JSON.stringify(environment)}; measure with one Python on one machine`,
			);
		}
	}
	const variants = scriptRuns.map((runs) => summarizeScript(example.slug, runs, warn));
	const baseline = variants.find((v) => v.variant === example.baseline);
	for (const v of variants) {
		if (v.status === 'ok' && v.role === 'variant' && baseline?.status === 'ok' && baseline.role === 'variant') {
			v.speedup = speedupOf(baseline.elapsed_s.median, v.elapsed_s.median);
		}
	}
	const measurement: Measurement = {
		format_version: MEASUREMENT_FORMAT_VERSION,
		example: example.slug,
		title: example.title,
		baseline: baseline ? example.baseline : null,
		date: meta.date,
		command: meta.command,
		repeats: meta.repeats,
		environment,
		...(meta.interpreter === undefined ? {} : { interpreter: meta.interpreter }),
		...(meta.pythonArgs?.length ? { python_args: [...meta.pythonArgs] } : {}),
		variants,
	};
	return parseMeasurement(measurement, `the measurement of example ${example.slug}`);
}

// ------------------------------------------------------------------------------------------------
// Measuring an example end to end
// ------------------------------------------------------------------------------------------------

export interface MeasureExampleOptions extends RunScriptOptions {
	/** Runs per script. */
	repeats: number;
	/** Which arguments to use: the real ones (`measureArgs`) or the fast ones (`quickArgs`, for tests). */
	args: 'measureArgs' | 'quickArgs';
	/** Roles to run (default: every script). */
	roles?: ReadonlyArray<ExampleScript['role']>;
	/** Command recorded in the file. */
	command: string;
	/** Interpreter id recorded in the file (for `measurements/<interpreter>/`); absent for the default interpreter. */
	interpreter?: string;
	/** Called before each run. */
	onRun?: (info: { script: ExampleScript; repeat: number; args: string[] }) => void;
	/**
	 * Called after each run with how busy other programs kept the CPUs meanwhile: return false to throw the run away
	 * and run the same script again.
	 */
	acceptRun?: (info: {
		script: ExampleScript;
		repeat: number;
		report: TimingReport;
		contention: ContentionReport | null;
	}) => Promise<boolean>;
	/**
	 * Called after each round (every script once): return false to throw that round's numbers away and run it again,
	 * for instance because other programs kept the machine busy meanwhile.
	 */
	roundOk?: (repeat: number) => Promise<boolean>;
	/** Called with anything worth knowing that does not stop the measurement (e.g. a metric left out). */
	onWarning?: (message: string) => void;
	/** Called after each run with its report. */
	onReport?: (info: { script: ExampleScript; repeat: number; report: TimingReport }) => void;
}

/** UTC date as YYYY-MM-DD. */
export function utcDate(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/**
 * Runs every selected script of an example `repeats` times and summarises the reports. Runs are interleaved
 * (round 1: every script once, round 2: every script again...) so a slow moment of the machine does not land
 * on a single variant. Nothing runs in parallel.
 */
export async function measureExample(example: Example, options: MeasureExampleOptions): Promise<Measurement> {
	const scripts = example.scripts.filter((s) => !options.roles || options.roles.includes(s.role));
	if (scripts.length === 0)
		throw new MeasureError(`example ${example.slug} has no scripts with role ${options.roles?.join('/')}`);
	const runs: ScriptRuns[] = scripts.map((script) => ({ script, args: [...script[options.args]], reports: [] }));
	let redone = 0;
	for (let repeat = 0; repeat < options.repeats;) {
		const round: TimingReport[] = [];
		for (const entry of runs) {
			// A skipped script says so at once and never changes its mind: no need to ask it again.
			const skipped = entry.reports[0]?.status === 'skipped' ? entry.reports[0] : undefined;
			if (skipped) {
				round.push(skipped);
				continue;
			}
			let report: TimingReport;
			for (;;) {
				options.onRun?.({ script: entry.script, repeat, args: entry.args });
				let contention: ContentionReport | null = null;
				report = await runScript(example, entry.script, entry.args, {
					...options,
					onContention: options.acceptRun ? (c) => (contention = c) : undefined,
				});
				options.onReport?.({ script: entry.script, repeat, report });
				if (!options.acceptRun || (await options.acceptRun({ script: entry.script, repeat, report, contention })))
					break;
				if (++redone > MAX_REDONE_ROUNDS) {
					throw new MeasureError(
						`example ${example.slug}: ${MAX_REDONE_ROUNDS} runs had to be thrown away; measure when the machine is quiet`,
					);
				}
			}
			round.push(report);
		}
		if (options.roundOk && !(await options.roundOk(repeat))) {
			if (++redone > MAX_REDONE_ROUNDS) {
				throw new MeasureError(
					`example ${example.slug}: ${MAX_REDONE_ROUNDS} rounds of runs had to be thrown away; ` +
						'measure when the machine is quiet',
				);
			}
			continue; // this round's numbers are thrown away and the round runs again
		}
		round.forEach((report, i) => runs[i]!.reports.push(report));
		repeat++;
	}
	return summarize(example, runs, {
		date: utcDate(),
		command: options.command,
		repeats: options.repeats,
		warn: options.onWarning,
		interpreter: options.interpreter,
		pythonArgs: options.pythonArgs,
	});
}

// ------------------------------------------------------------------------------------------------
// Writing the file
// ------------------------------------------------------------------------------------------------

function isPrimitive(value: unknown): boolean {
	return value === null || typeof value !== 'object';
}

/** Arrays of plain values and objects of plain values fit on one line: one task, one row, one list of runs. */
function isLeaf(value: object): boolean {
	return Array.isArray(value) ? value.every(isPrimitive) : Object.values(value).every(isPrimitive);
}

/** Objects longer than this are written one field per line. */
const MAX_LINE = 140;

function formatValue(value: unknown, indent: string): string {
	if (isPrimitive(value)) return JSON.stringify(value);
	const object = value as object;
	const isArray = Array.isArray(object);
	const entries = isArray ? (object as unknown[]).map((v) => [null, v] as const) : Object.entries(object);
	const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
	if (entries.length === 0) return `${open}${close}`;
	const item = ([key, v]: readonly [string | null, unknown], inner: string) =>
		`${key === null ? '' : `${JSON.stringify(key)}: `}${formatValue(v, inner)}`;
	if (isLeaf(object)) {
		const line = `${open}${isArray ? '' : ' '}${entries.map((e) => item(e, '')).join(', ')}${isArray ? '' : ' '}${close}`;
		if (isArray || line.length + indent.length <= MAX_LINE) return line;
	}
	const inner = `${indent}  `;
	return `${open}\n${entries.map((e) => inner + item(e, inner)).join(',\n')}\n${indent}${close}`;
}

/**
 * The file text: stable key order (records sorted by key), numbers already rounded, one task or row per line,
 * so that a rerun shows up in a diff as changed numbers and nothing else.
 */
export function formatMeasurement(measurement: Measurement): string {
	return `${formatValue(measurement, '')}\n`;
}

// ------------------------------------------------------------------------------------------------
// Is the machine free to run things in parallel right now?
// ------------------------------------------------------------------------------------------------

const BUSY_LOOP =
	'import time\nt = time.perf_counter()\nn = 0\nwhile n < 3_000_000:\n    n += 1\nprint(time.perf_counter() - t)\n';

function timeLoop(python: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(python, ['-c', BUSY_LOOP], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('error', reject);
		child.on('close', () => resolve(Number(out.trim())));
	});
}

/**
 * How many CPU-bound Python processes this machine can run at once right now, between 1 and `processes`:
 * the time of one busy loop alone against `processes` copies at the same time. A shared or loaded machine
 * gives less than its CPU count, and then no parallel speedup can be measured on it.
 */
export async function parallelCapacity(python: string, processes = 2): Promise<number> {
	const alone = await timeLoop(python);
	const together = await Promise.all(Array.from({ length: processes }, () => timeLoop(python)));
	const slowest = Math.max(...together);
	if (!(alone > 0) || !(slowest > 0)) return processes;
	return Math.min(processes, Math.max(1, (processes * alone) / slowest));
}
