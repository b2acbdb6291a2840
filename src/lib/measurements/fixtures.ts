/**
 * Made-up timing reports and measurements for the unit tests of measure.ts, measurements.ts, charts.ts and
 * freshness.ts. Nothing here is shown on the site.
 */
import type { ExampleScript } from '../examples/metadata.ts';
import type { ScriptRuns, TimingReport } from '../measure.ts';
import { summarize } from '../measure.ts';
import type { Measurement } from './schema.ts';

export const ENV = {
	python_version: '3.11.7',
	implementation: 'CPython',
	gil_enabled: true,
	free_threaded_build: false,
	os: 'Linux',
	platform: 'Linux-6.1.0-x86_64-with-glibc2.36',
	machine: 'x86_64',
	cpu_count: 2,
	start_method: null,
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
export function tasks(count: number, workers: number, each: number, worker = (i: number) => `worker_${i % workers}`) {
	return Array.from({ length: count }, (_, i) => {
		const start = Math.floor(i / workers) * each;
		return { id: i, worker: worker(i), start_s: start, end_s: start + each * 0.98 };
	});
}

export function report(slug: string, s: ExampleScript, fields: Partial<TimingReport> = {}): TimingReport {
	return {
		schema_version: 1,
		example: slug,
		script: s.file,
		variant: s.variant,
		status: 'ok',
		skip_reason: null,
		environment: { ...ENV },
		parameters: { items: 8 },
		elapsed_s: 1,
		cpu_s: 0.01,
		tasks: [],
		timestamp: '2026-11-24T23:59:00Z',
		...fields,
	};
}

export function skippedReport(slug: string, s: ExampleScript, reason: string): TimingReport {
	return report(slug, s, { status: 'skipped', skip_reason: reason, elapsed_s: null, cpu_s: null, tasks: [] });
}

export const IO_SCRIPTS = [script('sequential'), script('threads'), script('asyncio'), script('free-threads')];

/**
 * An I/O-bound example measured 3 times: sequential ~0.8 s, threads and asyncio ~0.1 s (8 tasks on 4 workers),
 * and a variant that was skipped.
 */
export function ioRuns(times: { sequential?: number[]; threads?: number[]; asyncio?: number[] } = {}): ScriptRuns[] {
	const [sequential, threads, asyncio, skipped] = IO_SCRIPTS as [ExampleScript, ExampleScript, ExampleScript, ExampleScript];
	const seq = times.sequential ?? [0.82, 0.8, 0.81];
	const thr = times.threads ?? [0.105, 0.1, 0.2];
	const asy = times.asyncio ?? [0.11, 0.101, 0.103];
	return [
		{
			script: sequential,
			args: ['--items', '8'],
			reports: seq.map((t) => report('io-demo', sequential, { elapsed_s: t, tasks: tasks(8, 1, t / 8, () => 'MainThread'), metrics: { bytes: 800 } })),
		},
		{
			script: threads,
			args: ['--items', '8'],
			reports: thr.map((t) => report('io-demo', threads, { elapsed_s: t, tasks: tasks(8, 4, t / 2), metrics: { bytes: 800 } })),
		},
		{
			script: asyncio,
			args: ['--items', '8'],
			reports: asy.map((t) => report('io-demo', asyncio, { elapsed_s: t, tasks: tasks(8, 4, t / 2, (i) => `Task-${i + 1}`), metrics: { bytes: 800 } })),
		},
		{ script: skipped, args: ['--items', '8'], reports: [0, 1, 2].map(() => skippedReport('io-demo', skipped, 'needs a free-threaded build')) },
	];
}

export const IO_EXAMPLE = { slug: 'io-demo', title: 'I/O demo', baseline: 'sequential', scripts: IO_SCRIPTS };

export function ioMeasurement(times?: Parameters<typeof ioRuns>[0]): Measurement {
	return summarize(IO_EXAMPLE, ioRuns(times), { date: '2026-11-24', command: 'npm run measure -- --example io-demo --repeats 3', repeats: 3 });
}

/** A sweep (overhead-like): three approaches at three task sizes. */
export const SWEEP_SCRIPTS = [script('loop'), script('sweep', { role: 'sweep' })];

export function sweepMeasurement(): Measurement {
	const [loop, sweep] = SWEEP_SCRIPTS as [ExampleScript, ExampleScript];
	const rows = (k: number) =>
		[10, 1000, 100000].flatMap((x) => [
			{ variant: 'loop', label: 'Plain loop', x, elapsed_s: x * 1e-6 * k },
			{ variant: 'thread-pool', label: 'Thread pool', x, elapsed_s: (x * 1e-6 + 0.001) * k },
			{ variant: 'process-pool', label: 'Process pool', x, elapsed_s: (x * 0.5e-6 + 0.01) * k },
		]);
	return summarize(
		{ slug: 'overhead-demo', title: 'Overhead demo', baseline: 'loop' },
		[
			{ script: loop, args: [], reports: [1, 1.1, 0.9].map((k) => report('overhead-demo', loop, { elapsed_s: 0.01 * k })) },
			{ script: sweep, args: [], reports: [1, 1.1, 0.9].map((k) => report('overhead-demo', sweep, { elapsed_s: 2 * k, rows: rows(k), metrics: { crossover: 100000 } })) },
		],
		{ date: '2026-11-24', command: 'npm run measure -- --example overhead-demo --repeats 3', repeats: 3 },
	);
}

/** Deep copy, to edit a measurement in a test without touching the original. */
export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
