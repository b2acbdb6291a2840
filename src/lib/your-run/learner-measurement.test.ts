import { describe, expect, it } from 'vitest';
import { IO_SCRIPTS, ioMeasurement, tasks } from '../measurements/fixtures.ts';
import { report } from './fixtures.ts';
import { measurementSchema, type Measurement } from '../measurements/schema.ts';
import { learnerMeasurement } from './learner-measurement.ts';
import { compareRuns, machineLine } from './comparison.ts';
import type { TimingReport } from './report-schema.ts';

const [sequential, threads, asyncio] = IO_SCRIPTS as [
	(typeof IO_SCRIPTS)[0],
	(typeof IO_SCRIPTS)[0],
	(typeof IO_SCRIPTS)[0],
];
const ENV8 = {
	python_version: '3.13.5',
	implementation: 'CPython',
	gil_enabled: false,
	free_threaded_build: true,
	os: 'Linux',
	platform: 'Linux',
	machine: 'arm64',
	cpu_count: 8,
	start_method: 'forkserver' as const,
};

function yourCompare(): TimingReport {
	const env = { environment: ENV8, timestamp: '2026-12-06T10:00:00Z' };
	return {
		...report('io-demo', { ...sequential, file: 'compare.py', variant: 'compare' }, env),
		runs: [
			report('io-demo', sequential, { ...env, elapsed_s: 0.9, tasks: tasks(8, 1, 0.11, () => 'MainThread') }),
			report('io-demo', threads, { ...env, elapsed_s: 0.1, tasks: tasks(8, 8, 0.1) }),
			report('io-demo', asyncio, { ...env, elapsed_s: 0.3, parameters: { items: 16 }, tasks: tasks(16, 4, 0.07) }),
		],
	} as TimingReport;
}

describe('a learner report as a measurement', () => {
	const ours = ioMeasurement();
	const yours = learnerMeasurement(yourCompare(), ours, 'python3 compare.py --json');

	it('is a valid measurement of one run, in our variant order with our labels', () => {
		expect(measurementSchema.safeParse(yours).success).toBe(true);
		expect(yours.repeats).toBe(1);
		expect(yours.variants.map((v) => v.variant)).toEqual(['sequential', 'threads', 'asyncio', 'compare']);
		expect(yours.variants[1]!.label).toBe(ours.variants[1]!.label);
		expect(yours.date).toBe('2026-12-06');
	});

	it('computes speedups over the same baseline, and keeps the timelines', () => {
		const thr = yours.variants.find((v) => v.variant === 'threads');
		expect(thr?.status === 'ok' && thr.speedup).toBe(9);
		expect(thr?.status === 'ok' && thr.timeline?.tasks.length).toBe(8);
	});

	it('has no speedups without the baseline run', () => {
		const one = learnerMeasurement(yourCompare().runs![1]!, ours, 'python3 threads.py --json');
		expect(one.variants.map((v) => v.variant)).toEqual(['threads']);
		expect(one.variants[0]?.status === 'ok' && one.variants[0].speedup).toBeNull();
	});
});

describe('the comparison', () => {
	const ours = ioMeasurement();
	const yours = learnerMeasurement(yourCompare(), ours, 'python3 compare.py --json');

	it('quotes the variant with our best speedup, with both CPU counts', () => {
		const comparison = compareRuns(ours, yours, ['sequential', 'threads', 'asyncio']);
		expect(comparison.sentence).toBe('Your asyncio: 3.0× on 8 CPUs; ours: 7.9× on 2.');
	});

	it('says when the inputs differ', () => {
		expect(compareRuns(ours, yours, ['sequential', 'asyncio']).parameterNote).toBe(
			'Your run had other inputs (items 16; ours: items 8), so its times differ for that reason too.',
		);
		expect(compareRuns(ours, yours, ['sequential', 'threads']).parameterNote).toBeNull();
	});

	it('takes the same inputs listed in another order for the same', () => {
		const withInputs = (m: Measurement, parameters: Measurement['variants'][number]['parameters']): Measurement => ({
			...m,
			variants: m.variants.map((v) => (v.variant === 'threads' && v.status === 'ok' ? { ...v, parameters } : v)),
		});
		const a = withInputs(yours, { tasks: 50, workers: 2, sizes: '10,100' });
		const b = withInputs(ours, { sizes: '10,100', tasks: 50, workers: 2 });
		expect(compareRuns(b, a, ['sequential', 'threads']).parameterNote).toBeNull();
		const c = withInputs(yours, { tasks: 50, workers: 4, sizes: '10,100' });
		expect(compareRuns(b, c, ['sequential', 'threads']).parameterNote).toMatch(/^Your run had other inputs/);
	});

	it('describes the machine: Python, build, GIL, CPUs', () => {
		expect(machineLine(yours.environment)).toBe('CPython 3.13.5, free-threaded build, GIL off, Linux arm64, 8 CPUs');
		expect(compareRuns(ours, yours).machine).toBe(
			'Your machine: CPython 3.13.5, free-threaded build, GIL off, Linux arm64, 8 CPUs (run on 2026-12-06).',
		);
	});

	it('puts the numbers in a table, saying what is missing', () => {
		const { table } = compareRuns(ours, yours);
		expect(table.head).toEqual(['Approach', 'Ours', 'Yours', 'Our speedup', 'Your speedup']);
		expect(table.rows[1]).toEqual([ours.variants[1]!.label, '105 ms', '100 ms', '7.7×', '9.0×']);
		expect(table.rows[3]).toEqual([
			ours.variants[3]!.label,
			'skipped: needs a free-threaded build',
			'not in your report',
			'skipped: needs a free-threaded build',
			'not in your report',
		]);
	});

	it('says so when the report has none of the page’s variants', () => {
		const one = learnerMeasurement(yourCompare().runs![2]!, ours, 'x');
		expect(compareRuns(ours, one, ['threads']).sentence).toMatch(
			/Your report has asyncio, none of which this page's figures show \(threads\)/,
		);
	});
});
