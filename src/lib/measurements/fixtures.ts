/**
 * Made-up measurements for the unit tests of measurements.ts, charts.ts and the freshness checks. Nothing here is
 * shown on the site. They are built here, without the measuring tool (scripts/lib/measure.ts: src/ imports nothing
 * from scripts/), and scripts/lib/measure.test.ts checks that the tool folds the matching made-up timing reports
 * (scripts/lib/fixtures/timing-reports.ts) into exactly these measurements.
 */
import type { ExampleScript } from '../examples/metadata.ts';
import { MEASUREMENT_FORMAT_VERSION, type Measurement, type Row, type Task } from './schema.ts';
import { median, roundSig, speedupOf } from './numbers.ts';
import { parseMeasurement } from './load.ts';

/** Where the made-up runs ran (a timing report's environment, without its per-script start method). */
export const ENVIRONMENT = {
	python_version: '3.11.7',
	implementation: 'CPython',
	gil_enabled: true,
	free_threaded_build: false,
	os: 'Linux',
	platform: 'Linux-6.1.0-x86_64-with-glibc2.36',
	machine: 'x86_64',
	cpu_count: 2,
} as const;

export function script(variant: string, extra: Partial<ExampleScript> = {}): ExampleScript {
	return {
		file: `${variant.replaceAll('-', '_')}.py`,
		variant,
		label: `${variant.charAt(0).toUpperCase()}${variant.slice(1)} label`,
		description: `Runs ${variant}.`,
		role: 'variant',
		quickArgs: ['--items', '4'],
		measureArgs: ['--items', '8'],
		pyodide: { status: 'runs' },
		...extra,
	};
}

/** Tasks of `count` items spread over `workers` workers, each `each` seconds long. */
export function tasks(
	count: number,
	workers: number,
	each: number,
	worker = (i: number) => `worker_${i % workers}`,
): Task[] {
	return Array.from({ length: count }, (_, i) => {
		const start = Math.floor(i / workers) * each;
		return { id: i, worker: worker(i), start_s: start, end_s: start + each * 0.98 };
	});
}

export const IO_SCRIPTS = [script('sequential'), script('threads'), script('asyncio'), script('free-threads')];

/** Why the I/O example's last variant did not run. */
export const IO_SKIP_REASON = 'needs a free-threaded build';

export const IO_EXAMPLE = { slug: 'io-demo', title: 'I/O demo', baseline: 'sequential', scripts: IO_SCRIPTS };

/** Run times of the made-up I/O example (3 runs per script). */
export interface IoTimes {
	sequential?: number[];
	threads?: number[];
	asyncio?: number[];
}

/** The I/O example's times, defaults filled in: sequential ~0.8 s, threads and asyncio ~0.1 s. */
export function ioTimes(times: IoTimes = {}): Required<IoTimes> {
	return {
		sequential: times.sequential ?? [0.82, 0.8, 0.81],
		threads: times.threads ?? [0.105, 0.1, 0.2],
		asyncio: times.asyncio ?? [0.11, 0.101, 0.103],
	};
}

/** The tasks each I/O variant reports for a run of `t` seconds (8 tasks; threads and asyncio on 4 workers). */
export const IO_TASKS = {
	sequential: (t: number) => tasks(8, 1, t / 8, () => 'MainThread'),
	threads: (t: number) => tasks(8, 4, t / 2),
	asyncio: (t: number) => tasks(8, 4, t / 2, (i) => `Task-${i + 1}`),
};

const stats = (values: readonly number[]) => {
	const runs = values.map((v) => roundSig(v));
	return { median: roundSig(median(runs)), min: Math.min(...runs), max: Math.max(...runs), runs };
};

/** A variant that ran 3 times: the timeline is the run closest to the median, as `npm run measure` stores it. */
function ran(
	s: ExampleScript,
	args: string[],
	times: readonly number[],
	extra: { tasks?: (t: number) => Task[]; metrics?: Record<string, number>; rows?: Row[] } = {},
) {
	const mid = median(times);
	const pick = times.reduce((best, t, i) => (Math.abs(t - mid) < Math.abs(times[best]! - mid) ? i : best), 0);
	const picked = extra.tasks?.(times[pick]!) ?? [];
	const timeline = picked
		.map((t) => ({ ...t, start_s: roundSig(t.start_s), end_s: roundSig(t.end_s) }))
		.sort((a, b) => a.start_s - b.start_s || a.id - b.id);
	return {
		variant: s.variant,
		script: s.file,
		label: s.label,
		role: s.role,
		args,
		parameters: { items: 8 },
		status: 'ok' as const,
		skip_reason: null,
		start_method: null,
		elapsed_s: stats(times),
		cpu_s: stats([0.01, 0.01, 0.01]),
		speedup: null as number | null,
		metrics: extra.metrics ?? {},
		task_count: picked.length,
		timeline: timeline.length === 0 ? null : { run: pick, elapsed_s: roundSig(times[pick]!), tasks: timeline },
		rows: extra.rows ?? null,
		runs: null,
	};
}

function measurement(
	example: { slug: string; title: string; baseline: string },
	variants: Measurement['variants'],
): Measurement {
	const base = variants.find((v) => v.variant === example.baseline);
	for (const v of variants) {
		if (v.status === 'ok' && v.role === 'variant' && base?.status === 'ok')
			v.speedup = speedupOf(base.elapsed_s.median, v.elapsed_s.median);
	}
	return parseMeasurement(
		{
			format_version: MEASUREMENT_FORMAT_VERSION,
			example: example.slug,
			title: example.title,
			baseline: example.baseline,
			date: '2026-11-24',
			command: `npm run measure -- --example ${example.slug} --repeats 3`,
			repeats: 3,
			environment: { ...ENVIRONMENT },
			variants,
		},
		`the made-up measurement of ${example.slug}`,
	);
}

/**
 * An I/O-bound example measured 3 times: sequential ~0.8 s, threads and asyncio ~0.1 s (8 tasks on 4 workers),
 * and a variant that was skipped.
 */
export function ioMeasurement(times?: IoTimes): Measurement {
	const t = ioTimes(times);
	const [sequential, threads, asyncio, skipped] = IO_SCRIPTS as [
		ExampleScript,
		ExampleScript,
		ExampleScript,
		ExampleScript,
	];
	const [args, bytes] = [['--items', '8'], { bytes: 800 }];
	return measurement(IO_EXAMPLE, [
		ran(sequential, args, t.sequential, { tasks: IO_TASKS.sequential, metrics: bytes }),
		ran(threads, args, t.threads, { tasks: IO_TASKS.threads, metrics: bytes }),
		ran(asyncio, args, t.asyncio, { tasks: IO_TASKS.asyncio, metrics: bytes }),
		{
			variant: skipped.variant,
			script: skipped.file,
			label: skipped.label,
			role: skipped.role,
			args,
			parameters: { items: 8 },
			status: 'skipped',
			skip_reason: IO_SKIP_REASON,
		},
	]);
}

/** A sweep (overhead-like): three approaches at three task sizes. */
export const SWEEP_SCRIPTS = [script('loop'), script('sweep', { role: 'sweep' })];

export const SWEEP_EXAMPLE = { slug: 'overhead-demo', title: 'Overhead demo', baseline: 'loop' };

/** The sweep's rows in a run `k` times as slow as the median one. */
export function sweepRows(k: number): { variant: string; label: string; x: number; elapsed_s: number }[] {
	return [10, 1000, 100000].flatMap((x) => [
		{ variant: 'loop', label: 'Plain loop', x, elapsed_s: x * 1e-6 * k },
		{ variant: 'thread-pool', label: 'Thread pool', x, elapsed_s: (x * 1e-6 + 0.001) * k },
		{ variant: 'process-pool', label: 'Process pool', x, elapsed_s: (x * 0.5e-6 + 0.01) * k },
	]);
}

/** How much slower each of the sweep's 3 runs was than the median one. */
export const SWEEP_RUNS = [1, 1.1, 0.9];

export function sweepMeasurement(): Measurement {
	const [loop, sweep] = SWEEP_SCRIPTS as [ExampleScript, ExampleScript];
	// Fields in name order, as stored (the tool sorts them).
	const rows = sweepRows(1).map(({ elapsed_s, label, variant, x }) => ({
		elapsed_s: roundSig(elapsed_s),
		label,
		variant,
		x,
	}));
	return measurement(SWEEP_EXAMPLE, [
		ran(
			loop,
			[],
			SWEEP_RUNS.map((k) => 0.01 * k),
		),
		ran(
			sweep,
			[],
			SWEEP_RUNS.map((k) => 2 * k),
			{ rows, metrics: { crossover: 100000 } },
		),
	]);
}

/** Deep copy, to edit a measurement in a test without touching the original. */
export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
