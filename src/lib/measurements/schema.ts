/**
 * The committed measurements in `measurements/<slug>.json`, written by `npm run measure` (scripts/measure.ts),
 * and the helpers the lesson components use to show them.
 *
 * Every number a lesson shows comes from one of these files, and each file can be made again with the command it
 * records. The schema below is strict on purpose: a median that does not match its runs, a speedup that does not
 * match the medians, or a time on a skipped variant is rejected, so a hand-edited number fails the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadExample } from '../examples/metadata.ts';
import { gilEnabledFor, gilOption, INTERPRETER_ID_PATTERN, interpreterId } from './interpreters.ts';
import { MEASUREMENTS_DIR, SLUG_PATTERN } from '../paths.ts';

/** Version of the measurement file format; bump it when the shape changes (and rerun `npm run measure`). */
export const MEASUREMENT_FORMAT_VERSION = 1;

// ------------------------------------------------------------------------------------------------
// Numbers: how they are rounded, so that the files diff well and the checks below are exact
// ------------------------------------------------------------------------------------------------

/** Significant digits kept for times (seconds) and other measured floats. */
export const TIME_DIGITS = 4;
/** Significant digits kept for speedups (baseline median / variant median). */
export const SPEEDUP_DIGITS = 3;

/** Rounds to `digits` significant digits (integers of that size or less are kept exact). */
export function roundSig(value: number, digits: number = TIME_DIGITS): number {
	if (!Number.isFinite(value) || value === 0) return value;
	if (Number.isInteger(value) && Math.abs(value) < 10 ** digits) return value;
	const magnitude = Math.floor(Math.log10(Math.abs(value)));
	const factor = 10 ** (digits - 1 - magnitude);
	// Dividing by an integer factor (rather than multiplying by a fraction) gives the shortest decimal form.
	return factor >= 1 ? Math.round(value * factor) / factor : Math.round(value * factor) * (1 / factor);
}

/** Median of a non-empty list (mean of the two middle values when the count is even). */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new Error('median of an empty list');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Speedup of a variant over the baseline, from their medians, rounded as stored. */
export function speedupOf(baselineMedian: number, variantMedian: number): number | null {
	if (!(variantMedian > 0) || !(baselineMedian > 0)) return null;
	return roundSig(baselineMedian / variantMedian, SPEEDUP_DIGITS);
}

// ------------------------------------------------------------------------------------------------
// Schema
// ------------------------------------------------------------------------------------------------

const seconds = z.number().nonnegative(); // zod numbers are finite: NaN and Infinity are rejected

/** Summary of one quantity over the repeated runs. Invariant: median/min/max are those of `runs`. */
export const statsSchema = z
	.strictObject({
		/** Median over the runs, rounded to {@link TIME_DIGITS} significant digits. */
		median: seconds,
		/** Fastest run. */
		min: seconds,
		/** Slowest run. */
		max: seconds,
		/** Every run, in the order they ran (rounded like the median). */
		runs: z.array(seconds).min(1),
	})
	.superRefine((stats, ctx) => {
		const expected = { median: roundSig(median(stats.runs)), min: Math.min(...stats.runs), max: Math.max(...stats.runs) };
		for (const key of ['median', 'min', 'max'] as const) {
			if (stats[key] !== expected[key]) {
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message: `${key} is ${stats[key]} but the runs ${JSON.stringify(stats.runs)} give ${expected[key]}: numbers in measurement files are written by npm run measure, never by hand`,
				});
			}
		}
	});
export type Stats = z.infer<typeof statsSchema>;

/** One unit of work of one run: offsets in seconds from the start of that run. */
export const taskSchema = z.strictObject({
	/** Task number, as the script numbered it. */
	id: z.number().int().nonnegative(),
	/** Who ran it: a thread name, `pid 1234`, or an asyncio task name. */
	worker: z.string().min(1),
	/** When it started, seconds after the run started. */
	start_s: seconds,
	/** When it ended, seconds after the run started. */
	end_s: seconds,
});
export type Task = z.infer<typeof taskSchema>;

/** Where the numbers were measured (the same for every run of every variant in one file). */
export const environmentSchema = z.strictObject({
	/** e.g. `3.11.7`. */
	python_version: z.string().regex(/^\d+\.\d+\.\d+/),
	/** e.g. `CPython`. */
	implementation: z.string().min(1),
	/** Whether the GIL was enabled during the runs (false only on a free-threaded build with the GIL off). */
	gil_enabled: z.boolean(),
	/** Whether the interpreter is a free-threaded build (`python3.13t`). */
	free_threaded_build: z.boolean(),
	/** `platform.system()`: Linux, Darwin, Windows. */
	os: z.string().min(1),
	/** `platform.platform()`: OS, kernel and libc versions. */
	platform: z.string().min(1),
	/** `platform.machine()`: x86_64, arm64... */
	machine: z.string(),
	/** CPUs the process could use, or null when Python could not tell. */
	cpu_count: z.number().int().positive().nullable(),
});
export type Environment = z.infer<typeof environmentSchema>;

/** Parameters and rows hold plain values only. */
const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** The task list of one run, to draw a timeline. */
export const timelineSchema = z
	.strictObject({
		/** Which run (0-based, in the order they ran) the tasks come from: the one whose time is closest to the median. */
		run: z.number().int().nonnegative(),
		/** Wall time of that run: the right end of the timeline. */
		elapsed_s: seconds,
		/** Its tasks, sorted by start. */
		tasks: z.array(taskSchema),
	})
	.superRefine((timeline, ctx) => {
		timeline.tasks.forEach((task, i) => {
			if (task.end_s < task.start_s) ctx.addIssue({ code: 'custom', path: ['tasks', i], message: 'task ends before it starts' });
		});
	});
export type Timeline = z.infer<typeof timelineSchema>;

/** One point of a sweep (one line of a sweep table), medians over the runs. */
export const rowSchema = z
	.record(z.string(), z.union([scalar, z.null()]))
	.refine((row) => typeof row.variant === 'string' && row.variant.length > 0, 'a row needs a "variant" string');
export type Row = z.infer<typeof rowSchema>;

/** A nested variant run by a compare script (its report's `runs`), summarised like a variant. */
export const nestedRunSchema = z.strictObject({
	/** Variant id of the nested run. */
	variant: z.string().min(1),
	status: z.enum(['ok', 'skipped']),
	/** Why it could not run, or null. */
	skip_reason: z.string().min(1).nullable(),
	/** Its wall time over the repeats, or null when skipped. */
	elapsed_s: statsSchema.nullable(),
	/** Median of each of its metrics. */
	metrics: z.record(z.string(), z.number()),
});

/** What every variant records, run or skipped. */
const variantBase = {
	/** Variant id, as in example.json. */
	variant: z.string().regex(SLUG_PATTERN),
	/** Script file that was run. */
	script: z.string().regex(/^[A-Za-z0-9_]+\.py$/),
	/** Human label from example.json, for tables and charts. */
	label: z.string().min(1),
	/** Role from example.json: `variant`, `sweep` or `compare`. */
	role: z.enum(['variant', 'compare', 'sweep']),
	/** Arguments it ran with (besides `--json`): its `measureArgs` at the time. */
	args: z.array(z.string()),
	/** The parameters its report gave (inputs of the run). */
	parameters: z.record(z.string(), scalar),
};

/** A variant that ran: real numbers only. */
export const okVariantSchema = z.strictObject({
	...variantBase,
	status: z.literal('ok'),
	skip_reason: z.null(),
	/** multiprocessing start method the runs used, or null when it started no processes. */
	start_method: z.enum(['fork', 'forkserver', 'spawn']).nullable(),
	/** Wall time (time.perf_counter) over the repeats. */
	elapsed_s: statsSchema,
	/** CPU time of the main process (time.process_time) over the repeats, or null when the script did not report it. */
	cpu_s: statsSchema.nullable(),
	/** Baseline median / this median (see `baseline`), or null when there is no baseline or it did not run. */
	speedup: z.number().positive().nullable(),
	/** Median over the repeats of each example-specific metric (e.g. `lost_updates`). */
	metrics: z.record(z.string(), z.number()),
	/** Number of tasks a run recorded (from the median run). */
	task_count: z.number().int().nonnegative(),
	/** Tasks of the median run, or null when there were none or too many to draw. */
	timeline: timelineSchema.nullable(),
	/** Sweep or table rows, each numeric field the median over the repeats; null when the report had none. */
	rows: z.array(rowSchema).nullable(),
	/** Nested variants of a compare script; null otherwise. */
	runs: z.array(nestedRunSchema).nullable(),
});
export type OkVariant = z.infer<typeof okVariantSchema>;

/** A variant that could not run here: a reason, and no numbers at all (strict: a time is rejected). */
export const skippedVariantSchema = z.strictObject({
	...variantBase,
	status: z.literal('skipped'),
	/** Why it could not run (e.g. "needs at least 2 CPUs"). */
	skip_reason: z.string().min(1),
});
export type SkippedVariant = z.infer<typeof skippedVariantSchema>;

export const measuredVariantSchema = z.discriminatedUnion('status', [okVariantSchema, skippedVariantSchema]);
export type MeasuredVariant = z.infer<typeof measuredVariantSchema>;

/** A file `measurements/<slug>.json`. */
export const measurementSchema = z
	.strictObject({
		/** {@link MEASUREMENT_FORMAT_VERSION}. */
		format_version: z.literal(MEASUREMENT_FORMAT_VERSION),
		/** Example slug: the folder `examples/<slug>/`. */
		example: z.string().regex(SLUG_PATTERN),
		/** Title of the example at measuring time. */
		title: z.string().min(1),
		/** Variant speedups are computed against (example.json `baseline`), or null. */
		baseline: z.string().nullable(),
		/** UTC date the measurement finished, YYYY-MM-DD. */
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
		/** Command that makes this file again. */
		command: z.string().min(1),
		/** How many times each script ran. */
		repeats: z.number().int().positive(),
		/** Where it was measured. */
		environment: environmentSchema,
		/**
		 * Which interpreter, for files in `measurements/<interpreter>/` (src/lib/measurements/interpreters.ts): `cpython-3.13t`...
		 * Absent in the default interpreter's files, `measurements/<slug>.json`.
		 */
		interpreter: z.string().regex(INTERPRETER_ID_PATTERN).optional(),
		/** Options Python ran with before the script (e.g. `["-X", "gil=1"]`); absent when none. */
		python_args: z.array(z.string()).optional(),
		/** One entry per measured script, in example.json (teaching) order. */
		variants: z.array(measuredVariantSchema).min(1),
	})
	.superRefine((m, ctx) => {
		// The interpreter id must follow from the environment the scripts themselves reported.
		const args = m.python_args ?? [];
		if (m.interpreter !== undefined) {
			const expected = interpreterId(m.environment.python_version, m.environment.free_threaded_build, args);
			if (m.interpreter !== expected) {
				ctx.addIssue({ code: 'custom', path: ['interpreter'], message: `interpreter is "${m.interpreter}" but the environment (${m.environment.python_version}, free-threaded build ${m.environment.free_threaded_build}, args ${JSON.stringify(args)}) says "${expected}"` });
			} else if (gilEnabledFor(expected) !== m.environment.gil_enabled) {
				ctx.addIssue({ code: 'custom', path: ['environment', 'gil_enabled'], message: `gil_enabled is ${m.environment.gil_enabled} on ${expected}` });
			}
		}
		if (gilOption(args) === 0 && m.environment.gil_enabled) {
			ctx.addIssue({ code: 'custom', path: ['python_args'], message: 'ran with -X gil=0 but reports the GIL enabled' });
		}
		const ids = m.variants.map((v) => v.variant);
		ids.forEach((id, i) => {
			if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['variants', i, 'variant'], message: `variant "${id}" appears twice` });
		});
		const baseline = m.baseline === null ? undefined : m.variants.find((v) => v.variant === m.baseline);
		if (m.baseline !== null && !baseline) {
			ctx.addIssue({ code: 'custom', path: ['baseline'], message: `baseline "${m.baseline}" is not one of the variants (${ids.join(', ')})` });
		}
		m.variants.forEach((v, i) => {
			if (v.status !== 'ok') return;
			const expected =
				baseline?.status === 'ok' && v.role !== 'sweep' && v.role !== 'compare' && baseline.role === 'variant'
					? speedupOf(baseline.elapsed_s.median, v.elapsed_s.median)
					: null;
			if (v.speedup !== expected) {
				ctx.addIssue({
					code: 'custom',
					path: ['variants', i, 'speedup'],
					message: `speedup is ${v.speedup} but the medians give ${expected}: numbers in measurement files are written by npm run measure, never by hand`,
				});
			}
		});
	});
export type Measurement = z.infer<typeof measurementSchema>;

// ------------------------------------------------------------------------------------------------
// Loading
// ------------------------------------------------------------------------------------------------

/** Thrown for a missing or invalid measurement, or an unknown variant; the message says what to do. */
export class MeasurementError extends Error {
	override name = 'MeasurementError';
}

/** The command that (re)makes the measurement of one example. */
export function measureCommand(slug: string): string {
	return `npm run measure -- --example ${slug}`;
}

/** Path of the measurement file of an example. */
export function measurementPath(slug: string, dir: string = MEASUREMENTS_DIR): string {
	return path.join(dir, `${slug}.json`);
}

/** Slugs of the measurement files present. */
export function listMeasurementSlugs(dir: string = MEASUREMENTS_DIR): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => name.slice(0, -'.json'.length))
		.sort();
}

/** Validates parsed JSON as a measurement; throws a {@link MeasurementError} listing every problem. */
export function parseMeasurement(raw: unknown, source: string): Measurement {
	const parsed = measurementSchema.safeParse(raw);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
		throw new MeasurementError(`${source} is not a valid measurement:\n${problems.join('\n')}`);
	}
	return parsed.data;
}

const cache = new Map<string, { mtimeMs: number; measurement: Measurement }>();

/**
 * Loads and validates `measurements/<slug>.json`. Throws a {@link MeasurementError} when the file is missing
 * ("no measurement for example X: run npm run measure -- --example X"), is not JSON, or is invalid.
 */
export function loadMeasurement(slug: string, dir: string = MEASUREMENTS_DIR): Measurement {
	const file = measurementPath(slug, dir);
	if (!fs.existsSync(file)) {
		throw new MeasurementError(`no measurement for example ${slug} (expected ${file}): run ${measureCommand(slug)}`);
	}
	const mtimeMs = fs.statSync(file).mtimeMs;
	const cached = cache.get(file);
	if (cached && cached.mtimeMs === mtimeMs) return cached.measurement;
	let raw: unknown;
	try {
		raw = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		throw new MeasurementError(`${file} is not valid JSON (${(error as Error).message}): run ${measureCommand(slug)}`);
	}
	const measurement = parseMeasurement(raw, file);
	if (measurement.example !== slug) {
		throw new MeasurementError(`${file} holds the measurement of "${measurement.example}", not "${slug}": run ${measureCommand(slug)}`);
	}
	cache.set(file, { mtimeMs, measurement });
	return measurement;
}

/** Folder of one interpreter's measurements: `measurements/<interpreter>/`. */
export function interpreterDir(interpreter: string, dir: string = MEASUREMENTS_DIR): string {
	if (!INTERPRETER_ID_PATTERN.test(interpreter)) throw new MeasurementError(`"${interpreter}" is not an interpreter id (like cpython-3.13t)`);
	return path.join(dir, interpreter);
}

/** Interpreter ids with a folder of measurements. */
export function listInterpreters(dir: string = MEASUREMENTS_DIR): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && INTERPRETER_ID_PATTERN.test(entry.name))
		.map((entry) => entry.name)
		.sort();
}

/** The command that (re)makes one example's measurement on one interpreter. */
export function interpreterMeasureCommand(slug: string, interpreter: string): string {
	const base = interpreter.replace(/-gil1$/, '');
	return `npm run measure -- --python ${base} ${interpreter.endsWith('-gil1') ? '--python-args="-X gil=1" ' : ''}--example ${slug}`;
}

/**
 * Loads `measurements/<interpreter>/<slug>.json`: validated like the default files, and it must say it
 * comes from that interpreter.
 */
export function loadInterpreterMeasurement(slug: string, interpreter: string, dir: string = MEASUREMENTS_DIR): Measurement {
	const folder = interpreterDir(interpreter, dir);
	if (!fs.existsSync(measurementPath(slug, folder))) {
		throw new MeasurementError(`no measurement of example ${slug} on ${interpreter} (expected ${measurementPath(slug, folder)}): run ${interpreterMeasureCommand(slug, interpreter)}`);
	}
	const measurement = loadMeasurement(slug, folder);
	if (measurement.interpreter !== interpreter) {
		throw new MeasurementError(`${measurementPath(slug, folder)} says it comes from ${measurement.interpreter ?? 'no named interpreter'}, not ${interpreter}: run ${interpreterMeasureCommand(slug, interpreter)}`);
	}
	return measurement;
}

/** The entry of one variant; throws a {@link MeasurementError} naming the variants there are. */
export function findVariant(measurement: Measurement, variant: string): MeasuredVariant {
	const found = measurement.variants.find((v) => v.variant === variant);
	if (!found) {
		throw new MeasurementError(
			`the measurement of example ${measurement.example} has no variant "${variant}" ` +
				`(it has ${measurement.variants.map((v) => v.variant).join(', ')}); if the example has it now, run ${measureCommand(measurement.example)}`,
		);
	}
	return found;
}

/** Like {@link findVariant}, but the variant must have run (a chart cannot show a skipped variant). */
export function findOkVariant(measurement: Measurement, variant: string): OkVariant {
	const found = findVariant(measurement, variant);
	if (found.status !== 'ok') {
		throw new MeasurementError(
			`variant "${variant}" of example ${measurement.example} was skipped when measured (${found.skip_reason}), so it has no numbers to show`,
		);
	}
	return found;
}

// ------------------------------------------------------------------------------------------------
// Presentation helpers for the lesson components
// ------------------------------------------------------------------------------------------------

/** "2.05 s", "205 ms", "20.5 ms", "512 µs": three significant digits in a unit that reads well. */
export function formatSeconds(value: number): string {
	const three = (x: number) => {
		const rounded = roundSig(x, 3);
		return rounded >= 100 ? rounded.toFixed(0) : rounded >= 10 ? rounded.toFixed(1) : rounded.toFixed(2);
	};
	if (value === 0) return '0 s';
	if (value >= 1) return `${three(value)} s`;
	if (value >= 1e-3) return `${three(value * 1e3)} ms`;
	return `${three(value * 1e6)} µs`;
}

/** "9.8×", "1.0×", "0.52×": how many times faster than the baseline. */
export function formatSpeedup(value: number): string {
	return value >= 10 ? `${value.toFixed(0)}×` : value >= 1 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
}

/** Thousands separators for counts such as lost updates. */
export function formatCount(value: number): string {
	return Number.isInteger(value) ? value.toLocaleString('en-US') : String(roundSig(value, 3));
}

/** "CPython 3.11.7 on Linux x86_64, 2 CPUs", plus "free-threaded, GIL disabled" when it applies. */
export function environmentSummary(env: Environment, pythonArgs: readonly string[] = []): string {
	const cpus = env.cpu_count === null ? 'unknown CPU count' : `${env.cpu_count} CPU${env.cpu_count === 1 ? '' : 's'}`;
	const options = pythonArgs.length ? `, ${pythonArgs.join(' ')}` : '';
	const build = env.free_threaded_build ? ` (free-threaded build${options}, GIL ${env.gil_enabled ? 'enabled' : 'disabled'})` : options ? ` (${pythonArgs.join(' ')})` : '';
	const machine = env.machine ? ` ${env.machine}` : '';
	return `${env.implementation} ${env.python_version}${build} on ${env.os}${machine}, ${cpus}`;
}

/** "Measured with CPython 3.11.7 on Linux x86_64, 2 CPUs, 2026-11-24". */
export function environmentLabel(measurement: Measurement): string {
	return `Measured with ${environmentSummary(measurement.environment, measurement.python_args)}, ${measurement.date}`;
}

/** "median of 5 runs" (or "1 run"). */
export function repeatsLabel(measurement: Measurement): string {
	return measurement.repeats === 1 ? '1 run' : `median of ${measurement.repeats} runs`;
}

/** One line of a results table. */
export interface ResultRow {
	variant: string;
	label: string;
	status: 'ok' | 'skipped';
	/** Median wall time, e.g. "2.05 s"; null when skipped. */
	time: string | null;
	/** Median in seconds, for sorting or charts; null when skipped. */
	seconds: number | null;
	/** "1.98–2.10 s" over the runs; null when skipped or when there was a single run. */
	range: string | null;
	/** "9.8×" faster than the baseline; "baseline" on the baseline row; null when not applicable. */
	speedup: string | null;
	/** Median CPU time of the main process, e.g. "0.05 s"; null when unknown. */
	cpu: string | null;
	/** Requested metrics, formatted; null where a variant has no such metric. */
	metrics: Record<string, string | null>;
	/** Why it was skipped, or null. */
	skipReason: string | null;
}

/** Variants with a time to compare: role `variant` (compare and sweep scripts get their own figures). */
export function timedVariants(measurement: Measurement, only?: readonly string[]): MeasuredVariant[] {
	if (only) return only.map((id) => findVariant(measurement, id));
	return measurement.variants.filter((v) => v.role === 'variant');
}

/** Rows for `<ResultsTable>`: time, range and speedup per variant (skipped ones say why). */
export function resultRows(
	measurement: Measurement,
	options: { variants?: readonly string[]; metrics?: readonly string[] } = {},
): ResultRow[] {
	const metricNames = options.metrics ?? [];
	return timedVariants(measurement, options.variants).map((v) => {
		if (v.status === 'skipped') {
			return {
				variant: v.variant,
				label: v.label,
				status: 'skipped',
				time: null,
				seconds: null,
				range: null,
				speedup: null,
				cpu: null,
				metrics: Object.fromEntries(metricNames.map((name) => [name, null])),
				skipReason: v.skip_reason,
			};
		}
		for (const name of metricNames) {
			if (!measurement.variants.some((other) => other.status === 'ok' && name in other.metrics)) {
				throw new MeasurementError(`no variant of example ${measurement.example} has a metric "${name}"`);
			}
		}
		const { median: med, min, max, runs } = v.elapsed_s;
		return {
			variant: v.variant,
			label: v.label,
			status: 'ok',
			time: formatSeconds(med),
			seconds: med,
			range: runs.length > 1 ? formatRange(min, max) : null,
			speedup: v.variant === measurement.baseline ? 'baseline' : v.speedup === null ? null : formatSpeedup(v.speedup),
			cpu: v.cpu_s ? formatSeconds(v.cpu_s.median) : null,
			metrics: Object.fromEntries(
				metricNames.map((name) => [name, name in v.metrics ? formatCount(v.metrics[name]!) : null]),
			),
			skipReason: null,
		};
	});
}

/** "1.98–2.10 s": both ends in the unit and precision of the larger one. */
export function formatRange(min: number, max: number): string {
	const [text = '0', unit = 's'] = formatSeconds(max).split(' ');
	const scale = unit === 's' ? 1 : unit === 'ms' ? 1e3 : 1e6;
	const decimals = text.split('.')[1]?.length ?? 0;
	return `${(min * scale).toFixed(decimals)}–${text} ${unit}`;
}

/**
 * The measurement of an existing example: fails with a clear message when the example does not exist
 * (examples.ts) or has no valid measurement. What the lesson components call.
 */
export function measurementOf(slug: string): Measurement {
	loadExample(slug);
	return loadMeasurement(slug);
}

/** "lost_updates" as "Lost updates". */
export function metricTitle(name: string): string {
	const words = name.replaceAll('_', ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Everything `<ResultsTable>` shows: caption, column headings, rows. */
export interface ResultsTableModel {
	caption: string;
	/** Column headings after "Approach". */
	columns: Array<{ key: 'time' | 'range' | 'speedup' | 'cpu' | `metric:${string}`; title: string }>;
	rows: ResultRow[];
}

export function resultsTable(
	measurement: Measurement,
	options: {
		variants?: readonly string[];
		metrics?: readonly string[];
		metricTitles?: Record<string, string>;
		range?: boolean;
		cpu?: boolean;
		caption?: string;
		/**
		 * Variants that simulate their waits (e.g. asyncio.sleep instead of the network): a real-network baseline is
		 * no fair yardstick for them, so they show their time and no speedup, and the caption says why.
		 */
		simulated?: readonly string[];
	} = {},
): ResultsTableModel {
	const simulated = new Set(options.simulated ?? []);
	for (const id of simulated) findVariant(measurement, id);
	const rows = resultRows(measurement, options).map((row) =>
		simulated.has(row.variant) && row.status === 'ok' ? { ...row, speedup: 'not compared' } : row,
	);
	const baselineLabel = measurement.baseline ? (measurement.variants.find((v) => v.variant === measurement.baseline)?.label ?? measurement.baseline) : null;
	const columns: ResultsTableModel['columns'] = [{ key: 'time', title: 'Wall time' }];
	const notes = [measurement.repeats === 1 ? 'wall time is from a single run' : `wall time is the ${repeatsLabel(measurement)}`];
	if (options.range && rows.some((r) => r.range !== null)) {
		columns.push({ key: 'range', title: 'Range' });
		notes.push('range goes from the fastest to the slowest run');
	}
	if (baselineLabel && rows.some((r) => r.speedup !== null)) {
		columns.push({ key: 'speedup', title: 'Speedup' });
		notes.push(`speedup says how many times faster than ${baselineLabel}`);
		if (simulated.size > 0) {
			const names = rows.filter((r) => simulated.has(r.variant)).map((r) => r.label);
			notes.push(`${names.join(' and ')} simulate${names.length === 1 ? 's' : ''} the network, so ${names.length === 1 ? 'it is' : 'they are'} not compared with a baseline that waits for a real one`);
		}
	}
	if (options.cpu) {
		columns.push({ key: 'cpu', title: 'CPU time' });
		notes.push('CPU time is that of the main process (time.process_time)');
	}
	for (const name of options.metrics ?? []) columns.push({ key: `metric:${name}`, title: options.metricTitles?.[name] ?? metricTitle(name) });
	const what = (options.caption ?? `Results of examples/${measurement.example}`).trim().replace(/[.]?$/, '.');
	const explained = notes.join('; ');
	return { caption: `${what} ${explained.charAt(0).toUpperCase()}${explained.slice(1)}. ${environmentLabel(measurement)}.`, columns, rows };
}

/** The text of one cell of a {@link ResultsTableModel} row. */
export function resultCell(row: ResultRow, key: ResultsTableModel['columns'][number]['key']): string {
	if (key.startsWith('metric:')) return row.metrics[key.slice('metric:'.length)] ?? '';
	return row[key as 'time' | 'range' | 'speedup' | 'cpu'] ?? '';
}

/** What `<MeasuredValue value="...">` can show. */
export type ValueSpec = 'elapsed' | 'min' | 'max' | 'cpu' | 'speedup' | `metric:${string}` | `parameter:${string}`;
/** How to write it: default picks by kind (seconds for times, × for speedups, % for metrics named *_fraction). */
export type ValueFormat = 'auto' | 'seconds' | 'speedup' | 'percent' | 'number';

function formatNumber(value: number): string {
	if (Number.isInteger(value)) return formatCount(value);
	const rounded = roundSig(value, 3);
	return Math.abs(rounded) >= 1000 ? formatCount(Math.round(rounded)) : String(rounded);
}

function formatPercent(fraction: number): string {
	const percent = fraction * 100;
	return `${percent >= 10 ? percent.toFixed(0) : percent >= 1 ? percent.toFixed(1) : roundSig(percent, 2)}%`;
}

/**
 * One measured number, formatted for a sentence: `elapsed` (median wall time), `min`, `max`, `cpu` (median CPU
 * time), `speedup` (vs the baseline), `metric:NAME` (median of a metric), `parameter:NAME` (an input of the run).
 * Throws a {@link MeasurementError} for a skipped variant, an unknown metric or parameter, or a missing speedup.
 */
export function measuredValue(measurement: Measurement, variant: string, spec: ValueSpec, format: ValueFormat = 'auto'): { text: string; value: number | string | boolean } {
	const where = `<MeasuredValue example="${measurement.example}" variant="${variant}" value="${spec}">`;
	const v = findVariant(measurement, variant);
	if (spec.startsWith('parameter:')) {
		const name = spec.slice('parameter:'.length);
		if (!(name in v.parameters)) {
			throw new MeasurementError(`${where}: no parameter "${name}" (it has ${Object.keys(v.parameters).join(', ') || 'none'})`);
		}
		const value = v.parameters[name]!;
		return { value, text: typeof value === 'number' ? applyFormat(value, format === 'auto' ? 'number' : format) : String(value) };
	}
	if (v.status !== 'ok') throw new MeasurementError(`${where}: the variant was skipped when measured (${v.skip_reason}), so it has no numbers`);
	let value: number;
	let auto: Exclude<ValueFormat, 'auto'>;
	if (spec === 'elapsed' || spec === 'min' || spec === 'max') {
		value = v.elapsed_s[spec === 'elapsed' ? 'median' : spec];
		auto = 'seconds';
	} else if (spec === 'cpu') {
		if (!v.cpu_s) throw new MeasurementError(`${where}: the script reported no CPU time`);
		value = v.cpu_s.median;
		auto = 'seconds';
	} else if (spec === 'speedup') {
		if (v.speedup === null) throw new MeasurementError(`${where}: no speedup (the example has no baseline, or this is not a timed variant)`);
		value = v.speedup;
		auto = 'speedup';
	} else if (spec.startsWith('metric:')) {
		const name = spec.slice('metric:'.length);
		if (!(name in v.metrics)) throw new MeasurementError(`${where}: no metric "${name}" (it has ${Object.keys(v.metrics).join(', ') || 'none'})`);
		value = v.metrics[name]!;
		auto = name.endsWith('_fraction') ? 'percent' : name.endsWith('_s') ? 'seconds' : 'number';
	} else {
		throw new MeasurementError(`${where}: value must be elapsed, min, max, cpu, speedup, metric:NAME or parameter:NAME`);
	}
	return { value, text: applyFormat(value, format === 'auto' ? auto : format) };
}

function applyFormat(value: number, format: Exclude<ValueFormat, 'auto'>): string {
	switch (format) {
		case 'seconds':
			return formatSeconds(value);
		case 'speedup':
			return formatSpeedup(value);
		case 'percent':
			return formatPercent(value);
		case 'number':
			return formatNumber(value);
	}
}

/** Like {@link measurementOf}, for another interpreter's figures: `measurements/<interpreter>/<slug>.json`. */
export function interpreterMeasurementOf(slug: string, interpreter: string): Measurement {
	loadExample(slug);
	return loadInterpreterMeasurement(slug, interpreter);
}
