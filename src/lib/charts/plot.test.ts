import { describe, expect, it } from 'vitest';
import { figureCaption, fittedTicks, marginForLastTick, secondsTick, tickLabelWidth } from './plot.ts';
import { ioMeasurement } from '../measurements/fixtures.ts';
import { ENVIRONMENT } from './chart-test-helpers.ts';

describe('figureCaption', () => {
	it('adds where and when it was measured', () => {
		expect(figureCaption(ioMeasurement(), 'Threads overlap the waits')).toBe(
			`Threads overlap the waits. ${ENVIRONMENT}.`,
		);
	});
});

describe('fittedTicks', () => {
	const format = secondsTick(0.6847);

	it('keeps up to five round ticks when their labels fit', () => {
		expect(fittedTicks(0.6847, 1000, format)).toEqual([0, 0.2, 0.4, 0.6]);
		expect(fittedTicks(10, 1000, secondsTick(10), 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	it('thins ticks until no two labels touch (the GIL timeline read "100 ms200 ms300 ms")', () => {
		for (const width of [120, 200, 300, 366]) {
			const ticks = fittedTicks(0.6847, width, format);
			const spacing = ((ticks[1]! - ticks[0]!) / 0.6847) * width;
			expect(spacing, `${width} units`).toBeGreaterThanOrEqual(
				Math.max(...ticks.map((t) => tickLabelWidth(format(t)))),
			);
		}
	});

	it('widens the right margin when the last label would stick out of the chart', () => {
		const ticks = [0, 0.2, 0.4];
		expect(marginForLastTick(ticks, 0.4045, 300, format, 12)).toBeGreaterThan(12);
		expect(marginForLastTick(ticks, 0.6, 300, format, 12)).toBe(12);
	});
});
