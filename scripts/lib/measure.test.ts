/** The pure part of the measuring tool: folding reports, checking them, writing the file. (Running scripts: tests/integration/measure.run.test.ts.) */
import { describe, expect, it } from 'vitest';
import {
	IO_EXAMPLE,
	IO_SCRIPTS,
	SWEEP_EXAMPLE,
	clone,
	ioMeasurement,
	script,
	sweepMeasurement,
	type IoTimes,
} from '../../src/lib/measurements/fixtures.ts';
import { parseMeasurement } from '../../src/lib/measurements/load.ts';
import { ENV, ioRuns, meta as metaOf, report, skippedReport, sweepRuns } from './fixtures/timing-reports.ts';
import { formatMeasurement, medianRunIndex, statsOf, summarize, validateReport } from './measure.ts';

const meta = metaOf(IO_EXAMPLE.slug);
const summarized = (times?: IoTimes) => summarize(IO_EXAMPLE, ioRuns(times), meta);

describe("the made-up measurements the site's tests use", () => {
	it('are what summarize makes of the matching made-up reports', () => {
		for (const times of [
			undefined,
			{ threads: [0.3, 0.1, 0.2] },
			{ sequential: [2.4, 2.5, 2.6], threads: [0.3, 0.31, 0.32] },
		]) {
			expect(ioMeasurement(times), JSON.stringify(times)).toEqual(summarized(times));
		}
		expect(sweepMeasurement()).toEqual(summarize(SWEEP_EXAMPLE, sweepRuns(), metaOf(SWEEP_EXAMPLE.slug)));
	});
});

describe('summarize', () => {
	it('keeps median, fastest, slowest and every run, and computes speedups from the medians', () => {
		const m = summarized();
		const [sequential, threads] = m.variants;
		expect(sequential).toMatchObject({
			status: 'ok',
			speedup: 1,
			elapsed_s: { median: 0.81, min: 0.8, max: 0.82, runs: [0.82, 0.8, 0.81] },
		});
		expect(threads).toMatchObject({ status: 'ok', elapsed_s: { median: 0.105, min: 0.1, max: 0.2 } });
		expect(threads?.status === 'ok' && threads.speedup).toBe(7.71); // 0.81 / 0.105, 3 significant digits
		const { start_method: _perScript, ...environment } = ENV;
		expect(m.environment).toEqual(environment);
	});

	it('draws the timeline from the run closest to the median', () => {
		const m = summarized({ threads: [0.3, 0.1, 0.2] });
		const threads = m.variants[1]!;
		expect(threads.status === 'ok' && threads.timeline?.run).toBe(2);
		expect(threads.status === 'ok' && threads.timeline?.elapsed_s).toBe(0.2);
		expect(threads.status === 'ok' && threads.timeline?.tasks).toHaveLength(8);
		expect(medianRunIndex([5, 1, 3, 4])).toBe(2); // median 3.5: 3 and 4 tie, the first wins
	});

	it('records a skipped variant with its reason and no numbers', () => {
		const skipped = summarized().variants[3]!;
		expect(skipped).toEqual({
			variant: 'free-threads',
			script: 'free_threads.py',
			label: 'Free-threads label',
			role: 'variant',
			args: ['--items', '8'],
			parameters: { items: 8 },
			status: 'skipped',
			skip_reason: 'needs a free-threaded build',
		});
	});

	it('refuses runs that disagree on whether they ran, where, or with which parameters', () => {
		const mixed = ioRuns();
		mixed[1]!.reports[2] = skippedReport('io-demo', IO_SCRIPTS[1]!, 'no threads');
		expect(() => summarize(IO_EXAMPLE, mixed, meta)).toThrow(/ran in some repeats and was skipped in others/);

		const moved = ioRuns();
		moved[2]!.reports[0]!.environment = { ...ENV, cpu_count: 8 };
		expect(() => summarize(IO_EXAMPLE, moved, meta)).toThrow(/measure with one Python on one machine/);

		const changed = ioRuns();
		changed[0]!.reports[1]!.parameters = { items: 9 };
		expect(() => summarize(IO_EXAMPLE, changed, meta)).toThrow(/parameters differ/);
	});

	it('takes the median of each sweep point and keeps the row order', () => {
		const sweep = summarize(SWEEP_EXAMPLE, sweepRuns(), metaOf(SWEEP_EXAMPLE.slug)).variants[1]!;
		expect(sweep.status === 'ok' && sweep.rows?.slice(0, 3)).toEqual([
			{ elapsed_s: 0.00001, label: 'Plain loop', variant: 'loop', x: 10 },
			{ elapsed_s: 0.00101, label: 'Thread pool', variant: 'thread-pool', x: 10 },
			{ elapsed_s: 0.01001, label: 'Process pool', variant: 'process-pool', x: 10 },
		]);
		expect(sweep.status === 'ok' && sweep.speedup).toBeNull(); // sweeps have their own rows, no single speedup
	});

	it('summarises the nested runs of a compare script', () => {
		const compare = script('compare', { role: 'compare' });
		const nested = (t: number) => [
			report('io-demo', IO_SCRIPTS[0]!, { elapsed_s: t }),
			skippedReport('io-demo', IO_SCRIPTS[3]!, 'no free threading'),
		];
		const m = summarize(
			{ ...IO_EXAMPLE, baseline: null },
			[
				{
					script: compare,
					args: [],
					reports: [1, 2, 3].map((t) => report('io-demo', compare, { elapsed_s: t, runs: nested(t) })),
				},
			],
			meta,
		);
		expect(m.variants[0]).toMatchObject({
			runs: [
				{ variant: 'sequential', status: 'ok', elapsed_s: { median: 2, min: 1, max: 3 } },
				{ variant: 'free-threads', status: 'skipped', skip_reason: 'no free threading', elapsed_s: null },
			],
		});
	});

	it('leaves out a metric that only some runs report, and says so', () => {
		const runs = ioRuns();
		runs[1]!.reports[0]!.metrics = { bytes: 800, crossover: 1000 };
		const warnings: string[] = [];
		const m = summarize(IO_EXAMPLE, runs, { ...meta, warn: (message) => warnings.push(message) });
		expect(m.variants[1]!.status === 'ok' && m.variants[1]!.metrics).toEqual({ bytes: 800 });
		expect(warnings).toEqual([
			'examples/io-demo/threads.py: metric "crossover" was reported by 1 of 3 runs, so it is left out',
		]);
	});

	it('rounds to 4 significant digits', () => {
		expect(statsOf([1.234567, 0.000123456, 12345.678])).toEqual({
			median: 1.235,
			min: 0.0001235,
			max: 12350,
			runs: [1.235, 0.0001235, 12350],
		});
	});
});

describe('validateReport', () => {
	const s = IO_SCRIPTS[1]!;
	it('accepts a report that matches the schema and example.json', () => {
		expect(validateReport(report('io-demo', s), { example: 'io-demo', script: s }).variant).toBe('threads');
	});
	it('rejects a skipped report with a made-up time', () => {
		const made = { ...skippedReport('io-demo', s, 'no threads'), elapsed_s: 1.5 };
		expect(() => validateReport(made, { example: 'io-demo', script: s })).toThrow(
			/does not match examples\/timing-report.schema.json/,
		);
	});
	it('rejects a report for another variant', () => {
		expect(() => validateReport(report('io-demo', IO_SCRIPTS[0]!), { example: 'io-demo', script: s })).toThrow(
			/variant is "sequential", expected "threads"/,
		);
	});
});

describe('formatMeasurement', () => {
	it('writes stable text that reads back to the same measurement, one task per line', () => {
		const m = ioMeasurement();
		const text = formatMeasurement(m);
		expect(formatMeasurement(parseMeasurement(JSON.parse(text), 'round trip'))).toBe(text);
		expect(parseMeasurement(JSON.parse(text), 'round trip')).toEqual(m);
		expect(text).toContain('\n          { "id": 0, "worker": "MainThread", "start_s": 0, "end_s": 0.09923 },\n');
		expect(text).toContain('"runs": [0.82, 0.8, 0.81]');
		expect(text.endsWith('}\n')).toBe(true);
	});
	it('sorts free-form records by key', () => {
		const m = clone(ioMeasurement());
		const text = formatMeasurement(m);
		expect(text.indexOf('"cpu_count"')).toBeGreaterThan(-1);
		expect(text).toContain('"metrics": { "bytes": 800 }');
	});
});
