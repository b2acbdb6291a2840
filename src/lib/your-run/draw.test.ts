import { describe, expect, it } from 'vitest';
import { IO_SCRIPTS, ioMeasurement, tasks } from '../measurements/fixtures.ts';
import { report } from './fixtures.ts';
import { axisEnd, drawSpec, fitSpec, sharedYDomain } from './draw.ts';
import { learnerMeasurement } from './learner-measurement.ts';
import type { ChartSpec } from './chart-spec.ts';
import type { TimingReport } from './report-schema.ts';

const [sequential, threads] = IO_SCRIPTS as [(typeof IO_SCRIPTS)[0], (typeof IO_SCRIPTS)[0]];
/** A slower machine than ours: every run takes about three times as long. */
const slow = {
	...report('io-demo', { ...sequential, file: 'compare.py', variant: 'compare' }),
	runs: [
		report('io-demo', sequential, { elapsed_s: 2.4, tasks: tasks(8, 1, 0.3, () => 'MainThread') }),
		report('io-demo', threads, { elapsed_s: 0.6, tasks: tasks(8, 4, 0.3) }),
	],
} as TimingReport;

/** The x tick labels of a drawn chart, left to right. */
function ticks(svg: string): string[] {
	return [...svg.matchAll(/>(\d[\d.]* (?:s|ms|µs))</g)].map((m) => m[1]!);
}

describe('a learner run drawn by the build’s chart code', () => {
	const ours = ioMeasurement();
	const yours = learnerMeasurement(slow, ours, 'python3 compare.py --json');

	for (const spec of [
		{ kind: 'speedup', variants: ['sequential', 'threads', 'asyncio'] },
		{ kind: 'timeline', variant: 'threads' },
		{ kind: 'replay', variants: ['sequential', 'threads'] },
	] as ChartSpec[]) {
		it(`${spec.kind}: ours and yours share one time axis, the longer of the two`, () => {
			const fitted = fitSpec(yours, spec);
			if (typeof fitted === 'string') throw new Error(fitted);
			const shared = Math.max(axisEnd(ours, spec)!, axisEnd(yours, fitted)!);
			expect(shared).toBe(axisEnd(yours, fitted));
			const a = drawSpec(ours, spec, shared);
			const b = drawSpec(yours, fitted, shared);
			expect(ticks(a.svg).length).toBeGreaterThan(1);
			expect(ticks(a.svg)).toEqual(ticks(b.svg));
		});
	}

	it('says which runs a report lacks instead of drawing', () => {
		expect(fitSpec(yours, { kind: 'timeline', variant: 'asyncio' })).toBe(
			'Your report has no timeline of asyncio: run the whole example (or asyncio) with --json.',
		);
		expect(fitSpec(yours, { kind: 'speedup', variants: ['sequential', 'threads', 'asyncio'] })).toEqual({
			kind: 'speedup',
			variants: ['sequential', 'threads'],
		});
	});
});

describe('sharedYDomain', () => {
	const figure = (yDomain?: [number, number]) => ({
		svg: '',
		label: '',
		caption: '',
		table: { head: [], rows: [] },
		legend: [],
		yDomain,
	});
	it('spans both sweeps: the lower bottom and the higher top', () => {
		expect(sharedYDomain(figure([0.01, 2]), figure([0.001, 1.6]))).toEqual([0.001, 2]);
	});
	it('is undefined when a chart has no log y axis to share', () => {
		expect(sharedYDomain(figure([0.01, 2]), figure())).toBeUndefined();
	});
});
