import { describe, expect, it } from 'vitest';
import { sweepChart } from './sweep-chart.ts';
import type { Measurement } from '../measurements/schema.ts';
import { clone, sweepMeasurement } from '../measurements/fixtures.ts';
import { ENVIRONMENT, expectAccessibleSvg, parse } from './chart-test-helpers.ts';

describe('sweepChart', () => {
	const m = sweepMeasurement();
	const figure = sweepChart(m, 'sweep', { xLabel: 'Work per task' });
	const svg = parse(figure.svg);

	it('draws one line per approach, with a distinct dash and symbol, and a legend', () => {
		const lines = svg.querySelectorAll('path[d^="M"]');
		const styled = [...svg.querySelectorAll('g[style*="stroke:var(--fig-series-"]')];
		expect(styled.length).toBeGreaterThanOrEqual(3);
		expect(lines.length).toBeGreaterThanOrEqual(3);
		expect(figure.legend).toEqual([
			{ label: 'Plain loop', className: 'fig-series-1', symbol: 'circle' },
			{ label: 'Thread pool', className: 'fig-series-2', symbol: 'square' },
			{ label: 'Process pool', className: 'fig-series-3', symbol: 'triangle' },
		]);
	});

	it('uses a log x axis, summarises the lines and names the environment', () => {
		expectAccessibleSvg(svg, figure.label);
		expect(figure.label).toMatch(
			new RegExp(
				/^Line chart of wall time against work per task \(log scale on both axes\) for 3 approaches: /.source +
					/Plain loop from 10.0 µs at 10 to 100 ms at 100,000;/.source,
			),
		);
		expect(figure.caption).toContain(ENVIRONMENT);
		expect(figure.table.head).toEqual(['Work per task', 'Plain loop', 'Thread pool', 'Process pool']);
		expect(figure.table.rows.map((r) => r[0])).toEqual(['10', '1,000', '100,000']);
		expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
			expect.arrayContaining(['10 µs', '100 µs', '1 ms', '10 ms', '100 ms', '1 s', '10', '1k', '100k']),
		);
	});

	it('fails clearly when the rows lack the fields or the variant has no rows', () => {
		expect(() => sweepChart(m, 'sweep', { x: 'task_size' })).toThrow(
			/has no numeric "task_size" and "elapsed_s" \(fields: elapsed_s, label, variant, x\)/,
		);
		expect(() => sweepChart(m, 'loop')).toThrow(/has no rows to draw a sweep from/);
	});
});

describe('sweepChart of speedups', () => {
	/** The fixture's rows with the speedup over the loop that sweep.py reports on each row. */
	function withSpeedups(measurement: Measurement): Measurement {
		const copy = clone(measurement);
		const sweep = copy.variants.find((v) => v.variant === 'sweep');
		if (sweep?.status !== 'ok' || !sweep.rows) throw new Error('fixture');
		for (const row of sweep.rows) {
			const loop = sweep.rows.find((r) => r.variant === 'loop' && r.x === row.x)!;
			row.speedup = +((loop.elapsed_s as number) / (row.elapsed_s as number)).toPrecision(3);
		}
		return copy;
	}
	const m = withSpeedups(sweepMeasurement());
	const figure = sweepChart(m, 'sweep', { y: 'speedup', xLabel: 'Task size', mark: 'process-pool' });
	const svg = parse(figure.svg);
	const text = [...svg.querySelectorAll('text')].map((t) => t.textContent);

	it('draws the baseline as a 1× line, not as a series, and marks the crossover', () => {
		expect(figure.legend.map((l) => l.label)).toEqual(['Thread pool', 'Process pool']);
		expect(text).toEqual(
			expect.arrayContaining(['1×', '1× = as fast as the plain loop', 'Process pool faster from 100k']),
		);
		expect(figure.label).toContain('Process pool beat the plain loop from 100,000 on (1.7× there)');
		expect(figure.table.head).toEqual(['Task size', 'Thread pool', 'Process pool']);
		expect(figure.table.rows.at(-1)).toEqual(['100,000', '0.99×', '1.7×']);
		expectAccessibleSvg(svg, figure.label);
	});

	it('says the ends of its y axis, and draws on the ends it is given (two runs on one scale)', () => {
		const [low, high] = figure.yDomain!;
		expect(low).toBeLessThan(1);
		expect(high).toBeGreaterThan(1);
		const wider = sweepChart(m, 'sweep', { y: 'speedup', xLabel: 'Task size', yDomain: [0.001, 100] });
		expect(wider.yDomain).toEqual([0.001, 100]);
		const ticks = [...parse(wider.svg).querySelectorAll('text')].map((t) => t.textContent);
		expect(ticks).toEqual(expect.arrayContaining(['0.001×', '0.01×', '100×']));
		expect(text).not.toContain('100×');
	});

	it('says "task size" in its sentences, not "Task size"', () => {
		expect(figure.caption).toMatch(/^Speedup over the plain loop against task size for each approach/);
	});

	it('fails clearly when asked to mark a line it does not draw', () => {
		expect(() => sweepChart(m, 'sweep', { y: 'speedup', mark: 'loop' })).toThrow(/cannot mark "loop"/);
	});
});
