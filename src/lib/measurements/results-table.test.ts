import { describe, expect, it } from 'vitest';
import { ioMeasurement } from './fixtures.ts';
import { resultCell, resultRows, resultsTable } from './results-table.ts';

describe('results table', () => {
	const m = ioMeasurement();

	it('makes table rows: time and speedup, or the reason a variant was skipped', () => {
		const rows = resultRows(m, { metrics: ['bytes'] });
		expect(rows.map((r) => [r.label, r.time, r.speedup, r.metrics.bytes])).toEqual([
			['Sequential label', '810 ms', 'baseline', '800'],
			['Threads label', '105 ms', '7.7×', '800'],
			['Asyncio label', '103 ms', '7.9×', '800'],
			['Free-threads label', null, null, null],
		]);
		expect(rows[3]).toMatchObject({ status: 'skipped', skipReason: 'needs a free-threaded build', seconds: null });
		expect(() => resultRows(m, { metrics: ['lost_updates'] })).toThrow(
			/no variant of example io-demo has a metric "lost_updates"/,
		);
	});

	it('builds the results table with a caption that explains the columns and the environment', () => {
		const table = resultsTable(m, { range: true, cpu: true });
		expect(table.columns.map((c) => c.title)).toEqual(['Wall time', 'Range', 'Speedup', 'CPU time']);
		expect(table.caption).toBe(
			'Results of examples/io-demo. Wall time is the median of 3 runs; range goes from the fastest to the slowest run; ' +
				'speedup says how many times faster than Sequential label; ' +
				'CPU time is that of the main process (time.process_time). ' +
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
		expect(table.caption).toContain(
			'Asyncio label simulates the network, so it is not compared with a baseline that waits for a real one',
		);
		expect(() => resultsTable(m, { simulated: ['nope'] })).toThrow(/no variant "nope"/);
	});
});
