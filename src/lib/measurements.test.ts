import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clone, ioMeasurement } from './fixtures/measurement-fixtures.ts';
import {
	environmentLabel,
	findOkVariant,
	findVariant,
	formatRange,
	formatSeconds,
	formatSpeedup,
	listMeasurementSlugs,
	loadMeasurement,
	measuredValue,
	measurementSchema,
	median,
	parseMeasurement,
	resultCell,
	resultRows,
	resultsTable,
	roundSig,
} from './measurements.ts';

const issues = (value: unknown) => {
	const result = measurementSchema.safeParse(value);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('numbers', () => {
	it('rounds to significant digits and keeps small integers exact', () => {
		expect(roundSig(2.051234)).toBe(2.051);
		expect(roundSig(0.000123456)).toBe(0.0001235);
		expect(roundSig(38240)).toBe(38240);
		expect(roundSig(9.4749, 3)).toBe(9.47);
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
	it('formats times, ranges and speedups for readers', () => {
		expect(formatSeconds(2.051)).toBe('2.05 s');
		expect(formatSeconds(12.34)).toBe('12.3 s');
		expect(formatSeconds(0.2163)).toBe('216 ms');
		expect(formatSeconds(0.02163)).toBe('21.6 ms');
		expect(formatSeconds(0.0000512)).toBe('51.2 µs');
		expect(formatRange(0.198, 0.2304)).toBe('198–230 ms');
		expect(formatRange(1.98, 2.104)).toBe('1.98–2.10 s');
		expect(formatSpeedup(9.47)).toBe('9.5×');
		expect(formatSpeedup(12.4)).toBe('12×');
		expect(formatSpeedup(0.523)).toBe('0.52×');
	});
});

describe('measurement schema', () => {
	it('accepts what summarize makes', () => {
		expect(issues(ioMeasurement())).toEqual([]);
	});

	it('rejects a made-up time on a skipped variant', () => {
		const m = clone(ioMeasurement()) as unknown as { variants: Array<Record<string, unknown>> };
		m.variants[3]!.elapsed_s = { median: 0.1, min: 0.1, max: 0.1, runs: [0.1] };
		expect(issues(m).join('\n')).toMatch(/variants\.3: Unrecognized key: "elapsed_s"/);
	});

	it('rejects a median that its runs do not give (a hand-edited number)', () => {
		const m = clone(ioMeasurement());
		const threads = m.variants[1]!;
		if (threads.status !== 'ok') throw new Error('fixture');
		threads.elapsed_s.median = 0.05;
		expect(issues(m).join('\n')).toMatch(/variants\.1\.elapsed_s\.median: median is 0\.05 but the runs .* give 0\.105/);
	});

	it('rejects a speedup that the medians do not give', () => {
		const m = clone(ioMeasurement());
		const threads = m.variants[1]!;
		if (threads.status !== 'ok') throw new Error('fixture');
		threads.speedup = 20;
		expect(issues(m).join('\n')).toMatch(/variants\.1\.speedup: speedup is 20 but the medians give 7\.71/);
	});

	it('rejects a skipped variant without a reason, a repeated variant and an unknown baseline', () => {
		const m = clone(ioMeasurement()) as unknown as { baseline: string; variants: Array<Record<string, unknown>> };
		m.variants[3]!.skip_reason = '';
		m.variants[2]!.variant = 'threads';
		m.baseline = 'nope';
		const found = issues(m).join('\n');
		expect(found).toMatch(/variants\.3\.skip_reason/);
		expect(found).toMatch(/variant "threads" appears twice/);
		expect(found).toMatch(/baseline "nope" is not one of the variants/);
	});
});

describe('loadMeasurement', () => {
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measurements-'));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('loads and validates a file', () => {
		fs.writeFileSync(path.join(dir, 'io-demo.json'), JSON.stringify(ioMeasurement()));
		expect(loadMeasurement('io-demo', dir).variants).toHaveLength(4);
		expect(listMeasurementSlugs(dir)).toEqual(['io-demo']);
	});

	it('says which command makes a missing measurement', () => {
		expect(() => loadMeasurement('io-bound', dir)).toThrow('no measurement for example io-bound');
		expect(() => loadMeasurement('io-bound', dir)).toThrow(/run npm run measure -- --example io-bound$/);
	});

	it('names the file and every problem of an invalid one', () => {
		fs.writeFileSync(path.join(dir, 'broken.json'), '{ "format_version": 1, ');
		expect(() => loadMeasurement('broken', dir)).toThrow(/broken\.json is not valid JSON/);
		const m = clone(ioMeasurement()) as unknown as Record<string, unknown>;
		delete m.environment;
		fs.writeFileSync(path.join(dir, 'io-demo.json'), JSON.stringify(m));
		expect(() => loadMeasurement('io-demo', dir)).toThrow(/io-demo\.json is not a valid measurement:\n {2}- environment: /);
	});

	it('refuses a file that holds another example', () => {
		fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify(ioMeasurement()));
		expect(() => loadMeasurement('other', dir)).toThrow(/holds the measurement of "io-demo", not "other"/);
	});
});

describe('helpers for the lesson components', () => {
	const m = ioMeasurement();

	it('labels the environment', () => {
		expect(environmentLabel(m)).toBe('Measured with CPython 3.11.7 on Linux x86_64, 2 CPUs, 2026-11-24');
		const freeThreaded = clone(m);
		freeThreaded.environment = { ...freeThreaded.environment, free_threaded_build: true, gil_enabled: false, cpu_count: 1 };
		expect(environmentLabel(freeThreaded)).toBe('Measured with CPython 3.11.7 (free-threaded build, GIL disabled) on Linux x86_64, 1 CPU, 2026-11-24');
	});

	it('finds variants, or names the ones there are', () => {
		expect(findVariant(m, 'threads').label).toBe('Threads label');
		expect(() => findVariant(m, 'thread')).toThrow(/has no variant "thread" \(it has sequential, threads, asyncio, free-threads\)/);
		expect(() => findOkVariant(m, 'free-threads')).toThrow(/was skipped when measured \(needs a free-threaded build\)/);
	});

	it('makes table rows: time and speedup, or the reason a variant was skipped', () => {
		const rows = resultRows(m, { metrics: ['bytes'] });
		expect(rows.map((r) => [r.label, r.time, r.speedup, r.metrics.bytes])).toEqual([
			['Sequential label', '810 ms', 'baseline', '800'],
			['Threads label', '105 ms', '7.7×', '800'],
			['Asyncio label', '103 ms', '7.9×', '800'],
			['Free-threads label', null, null, null],
		]);
		expect(rows[3]).toMatchObject({ status: 'skipped', skipReason: 'needs a free-threaded build', seconds: null });
		expect(() => resultRows(m, { metrics: ['lost_updates'] })).toThrow(/no variant of example io-demo has a metric "lost_updates"/);
	});

	it('builds the results table with a caption that explains the columns and the environment', () => {
		const table = resultsTable(m, { range: true, cpu: true });
		expect(table.columns.map((c) => c.title)).toEqual(['Wall time', 'Range', 'Speedup', 'CPU time']);
		expect(table.caption).toBe(
			'Results of examples/io-demo. Wall time is the median of 3 runs; range goes from the fastest to the slowest run; ' +
				'speedup says how many times faster than Sequential label; CPU time is that of the main process (time.process_time). ' +
				'Measured with CPython 3.11.7 on Linux x86_64, 2 CPUs, 2026-11-24.',
		);
		expect(resultCell(table.rows[1]!, 'range')).toBe('100–200 ms');
		expect(resultsTable(m).columns.map((c) => c.key)).toEqual(['time', 'speedup']);
	});

	it('gives a simulated variant its time but no speedup over a real baseline, and says why', () => {
		const table = resultsTable(m, { simulated: ['asyncio'] });
		const row = table.rows.find((r) => r.variant === 'asyncio')!;
		expect(row.time).toBe('103 ms');
		expect(resultCell(row, 'speedup')).toBe('not compared');
		expect(table.caption).toContain('Asyncio label simulates the network, so it is not compared with a baseline that waits for a real one');
		expect(() => resultsTable(m, { simulated: ['nope'] })).toThrow(/no variant "nope"/);
	});

	it('gives single values for sentences', () => {
		expect(measuredValue(m, 'threads', 'elapsed').text).toBe('105 ms');
		expect(measuredValue(m, 'threads', 'speedup').text).toBe('7.7×');
		expect(measuredValue(m, 'threads', 'metric:bytes').text).toBe('800');
		expect(measuredValue(m, 'threads', 'parameter:items').text).toBe('8');
		expect(measuredValue(m, 'threads', 'min').text).toBe('100 ms');
		const withFraction = clone(m);
		const threads = withFraction.variants[1]!;
		if (threads.status === 'ok') threads.metrics.cpu_fraction = 0.0194;
		expect(measuredValue(withFraction, 'threads', 'metric:cpu_fraction').text).toBe('1.9%');
		expect(measuredValue(withFraction, 'threads', 'metric:cpu_fraction', 'number').text).toBe('0.0194');
		expect(() => measuredValue(m, 'free-threads', 'elapsed')).toThrow(/was skipped when measured/);
		expect(() => measuredValue(m, 'threads', 'metric:nope')).toThrow(/no metric "nope" \(it has bytes\)/);
		expect(() => measuredValue(m, 'threads', 'parameter:nope')).toThrow(/no parameter "nope"/);
	});

	it('accepts the committed measurements only through the schema', () => {
		expect(() => parseMeasurement({}, 'empty')).toThrow(/empty is not a valid measurement/);
	});
});
