/**
 * A learner's report as a measurement of one run, in the shape of `measurements/<slug>.json`, so that the very chart
 * functions that draw the committed figures draw theirs too (one source). Labels, roles and the baseline come from
 * the committed measurement of the same example, so both figures name things alike.
 */
import { roundSig, speedupOf } from '../measurements/numbers.ts';
import type { Measurement, MeasuredVariant, Stats } from '../measurements/schema.ts';
import { runsOf, type TimingReport } from './report-schema.ts';

/** Same limit as `npm run measure`: more tasks than this cannot be drawn legibly. */
const MAX_TIMELINE_TASKS = 400;

function single(value: number): Stats {
	const rounded = roundSig(value);
	return { median: rounded, min: rounded, max: rounded, runs: [rounded] };
}

/** The learner's runs by variant id (a compare report holds one per variant; the first of an id wins). */
export function runsByVariant(report: TimingReport): Map<string, TimingReport> {
	const found = new Map<string, TimingReport>();
	for (const run of runsOf(report)) if (!found.has(run.variant)) found.set(run.variant, run);
	return found;
}

function variantOf(run: TimingReport, ours: MeasuredVariant | undefined): MeasuredVariant {
	const base = {
		variant: run.variant,
		script: run.script,
		label: ours?.label ?? run.variant,
		role: ours?.role ?? (run.runs ? 'compare' : run.rows ? 'sweep' : ('variant' as const)),
		args: [] as string[],
		parameters: run.parameters,
	};
	if (run.status === 'skipped') return { ...base, status: 'skipped', skip_reason: run.skip_reason || 'skipped' };
	const tasks = [...run.tasks]
		.map((t) => ({
			id: t.id,
			worker: t.worker,
			start_s: roundSig(t.start_s),
			end_s: roundSig(Math.max(t.end_s, t.start_s)),
		}))
		.sort((a, b) => a.start_s - b.start_s || a.id - b.id);
	return {
		...base,
		status: 'ok',
		skip_reason: null,
		start_method: null,
		elapsed_s: single(run.elapsed_s!),
		cpu_s: run.cpu_s === null ? null : single(run.cpu_s),
		speedup: null,
		metrics: run.metrics ?? {},
		task_count: tasks.length,
		timeline:
			tasks.length === 0 || tasks.length > MAX_TIMELINE_TASKS
				? null
				: { run: 0, elapsed_s: roundSig(run.elapsed_s!), tasks },
		rows: run.rows ?? null,
		runs: null,
	};
}

/**
 * The learner's report as a one-run measurement: the variants of the committed measurement that the report ran,
 * in the same order (variants the course does not know come last), with speedups over the same baseline.
 */
export function learnerMeasurement(report: TimingReport, ours: Measurement, command: string): Measurement {
	const runs = runsByVariant(report);
	const known = ours.variants.filter((v) => runs.has(v.variant)).map((v) => variantOf(runs.get(v.variant)!, v));
	const extra = [...runs.values()]
		.filter((run) => !ours.variants.some((v) => v.variant === run.variant))
		.map((run) => variantOf(run, undefined));
	const variants = [...known, ...extra];
	const baseline = variants.find((v) => v.variant === ours.baseline);
	for (const v of variants) {
		if (v.status === 'ok' && baseline?.status === 'ok' && baseline.role === 'variant' && v.role === 'variant') {
			v.speedup = speedupOf(baseline.elapsed_s.median, v.elapsed_s.median);
		}
	}
	const { start_method: _unused, ...environment } = report.environment;
	return {
		format_version: ours.format_version,
		example: ours.example,
		title: ours.title,
		baseline: ours.baseline,
		date: report.timestamp.slice(0, 10),
		command,
		repeats: 1,
		environment,
		variants,
	};
}
