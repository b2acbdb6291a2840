/**
 * The schema of the committed measurements, `measurements/<slug>.json`, written by `npm run measure`
 * (scripts/measure.ts).
 *
 * Every number a lesson shows comes from one of these files, and each file can be made again with the command it
 * records. The schema below is strict on purpose: a median that does not match its runs, a speedup that does not
 * match the medians, or a time on a skipped variant is rejected, so a hand-edited number fails the build.
 */
import { z } from 'zod';
import { gilEnabledFor, gilOption, INTERPRETER_ID_PATTERN, interpreterId } from './interpreters.ts';
import { median, roundSig, speedupOf } from './numbers.ts';
import { SLUG_PATTERN } from '../paths.ts';

/** Version of the measurement file format; bump it when the shape changes (and rerun `npm run measure`). */
export const MEASUREMENT_FORMAT_VERSION = 1;

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
		const expected = {
			median: roundSig(median(stats.runs)),
			min: Math.min(...stats.runs),
			max: Math.max(...stats.runs),
		};
		for (const key of ['median', 'min', 'max'] as const) {
			if (stats[key] !== expected[key]) {
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message:
						`${key} is ${stats[key]} but the runs ${JSON.stringify(stats.runs)} give ${expected[key]}: ` +
						`numbers in measurement files are written by npm run measure, never by hand`,
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
			if (task.end_s < task.start_s)
				ctx.addIssue({ code: 'custom', path: ['tasks', i], message: 'task ends before it starts' });
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
	/**
	 * CPU time of the main process (time.process_time) over the repeats, or null when the script did not report it
	 * or could not measure it (its reports' `cpu_unmeasured_reason`, examples/timing-report.schema.json).
	 */
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
		 * Which interpreter, for files in `measurements/<interpreter>/` (src/lib/measurements/interpreters.ts):
		 * `cpython-3.13t`... Absent in the default interpreter's files, `measurements/<slug>.json`.
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
				ctx.addIssue({
					code: 'custom',
					path: ['interpreter'],
					message:
						`interpreter is "${m.interpreter}" but the environment (${m.environment.python_version}, free-threaded ` +
						`build ${m.environment.free_threaded_build}, args ${JSON.stringify(args)}) says "${expected}"`,
				});
			} else if (gilEnabledFor(expected) !== m.environment.gil_enabled) {
				ctx.addIssue({
					code: 'custom',
					path: ['environment', 'gil_enabled'],
					message: `gil_enabled is ${m.environment.gil_enabled} on ${expected}`,
				});
			}
		}
		if (gilOption(args) === 0 && m.environment.gil_enabled) {
			ctx.addIssue({ code: 'custom', path: ['python_args'], message: 'ran with -X gil=0 but reports the GIL enabled' });
		}
		const ids = m.variants.map((v) => v.variant);
		ids.forEach((id, i) => {
			if (ids.indexOf(id) !== i)
				ctx.addIssue({ code: 'custom', path: ['variants', i, 'variant'], message: `variant "${id}" appears twice` });
		});
		const baseline = m.baseline === null ? undefined : m.variants.find((v) => v.variant === m.baseline);
		if (m.baseline !== null && !baseline) {
			ctx.addIssue({
				code: 'custom',
				path: ['baseline'],
				message: `baseline "${m.baseline}" is not one of the variants (${ids.join(', ')})`,
			});
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
					message:
						`speedup is ${v.speedup} but the medians give ${expected}: numbers ` +
						`in measurement files are written by npm run measure, never by hand`,
				});
			}
		});
	});
export type Measurement = z.infer<typeof measurementSchema>;
