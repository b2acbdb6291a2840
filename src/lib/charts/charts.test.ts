import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CHART_WIDTH, figureCaption, inFlightText, speedupChart, sweepChart, timelineAxisEnd, timelineChart, workersOf } from './plot.ts';
import type { Measurement } from '../measurements/schema.ts';
import { clone, ioMeasurement, sweepMeasurement } from '../measurements/fixtures.ts';

const ENVIRONMENT = 'Measured with CPython 3.11.7 on Linux x86_64, 2 CPUs, 2026-11-24';

function parse(svg: string): SVGSVGElement {
	const { document } = new JSDOM(`<!doctype html><body>${svg}</body>`).window;
	const root = document.querySelector('svg');
	if (!root) throw new Error('no svg');
	return root as unknown as SVGSVGElement;
}

function expectAccessibleSvg(svg: SVGSVGElement, label: string) {
	expect(svg.getAttribute('role')).toBe('img');
	expect(svg.getAttribute('aria-label')).toBe(label);
	expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
	expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(CHART_WIDTH);
	// Styled by figures.css, coloured through CSS variables: nothing hard-coded that would break the dark theme.
	expect(svg.querySelector('style')).toBeNull();
	expect(svg.outerHTML).not.toMatch(/fill="(white|black|#|var\()/);
	expect(svg.outerHTML).not.toMatch(/stroke="(white|black|#|var\()/);
	// Not a valid SVG attribute value (W3C checker): figures.css sets tabular digits instead.
	expect(svg.outerHTML).not.toContain('font-variant');
}

describe('speedupChart', () => {
	const m = ioMeasurement();
	const figure = speedupChart(m);
	const svg = parse(figure.svg);

	it('draws one bar per variant that ran, in the theme colour', () => {
		const bars = svg.querySelectorAll('rect');
		expect(bars).toHaveLength(3);
		expect(bars[0]?.closest('g')?.getAttribute('style')).toContain('fill:var(--fig-bar)');
	});

	it('labels every variant, its time and its speedup, and says which one was skipped', () => {
		const text = [...svg.querySelectorAll('text')].map((t) => t.textContent);
		expect(text).toEqual(expect.arrayContaining(['Sequential label', 'Threads label', 'Free-threads label', '810 ms (baseline)', '105 ms · 7.7×', 'skipped (see the table)']));
	});

	it('summarises the numbers for screen readers and names the environment in the caption', () => {
		expect(figure.label).toBe(
			'Bar chart of wall time per approach (median of 3 runs): Sequential label: 810 ms (baseline); Threads label: 105 ms, 7.7× as fast as sequential; ' +
				'Asyncio label: 103 ms, 7.9× as fast as sequential; Free-threads label: skipped.',
		);
		expectAccessibleSvg(svg, figure.label);
		expect(figure.caption).toContain(ENVIRONMENT);
		expect(figure.caption).toMatch(/^Wall time of each approach in examples\/io-demo, median of 3 runs/);
		expect(figure.table.rows[3]).toEqual(['Free-threads label', 'skipped: needs a free-threaded build', '', '']);
	});

	it('shows only the variants asked for, and fails for an unknown one', () => {
		expect(parse(speedupChart(m, { variants: ['threads', 'sequential'] }).svg).querySelectorAll('rect')).toHaveLength(2);
		expect(() => speedupChart(m, { variants: ['nope'] })).toThrow(/no variant "nope"/);
	});

	it('stays small', () => {
		expect(figure.svg.length).toBeLessThan(6000);
	});
});

describe('timelineChart', () => {
	const m = ioMeasurement();

	it('draws one bar per task and one row per worker', () => {
		const figure = timelineChart(m, 'threads');
		const svg = parse(figure.svg);
		expect(svg.querySelectorAll('rect')).toHaveLength(8);
		const rows = new Set([...svg.querySelectorAll('rect')].map((r) => r.getAttribute('y')));
		expect(rows.size).toBe(4);
		expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['worker_0', 'worker_3']));
		expectAccessibleSvg(svg, figure.label);
		expect(figure.label).toBe('Timeline of Threads label: 8 tasks on 4 workers over 105 ms; on average 3.92 tasks ran at once.');
		expect(figure.caption).toContain(ENVIRONMENT);
		expect(figure.table.rows).toHaveLength(8);
	});

	it('puts compared timelines on one time axis, so equal lengths are equal times', () => {
		const end = timelineAxisEnd(m, ['sequential', 'threads']);
		expect(end).toBeCloseTo(0.81, 2);
		const alone = parse(timelineChart(m, 'threads').svg);
		const shared = timelineChart(m, 'threads', { sameAxisAs: ['sequential'] });
		const ticks = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '').filter((t) => /\d (ms|s)$/.test(t));
		expect(ticks(alone).at(-1)).toBe('100 ms');
		expect(ticks(parse(shared.svg)).at(-1)).toBe('800 ms');
		expect(shared.caption).toContain('The time axis runs to 810 ms, as in the other timelines of this page');
		expect(() => timelineChart(m, 'threads', { sameAxisAs: ['free-threads'] })).toThrow(/was skipped when measured/);
	});

	it('writes the mean in flight exactly as MeasuredValue does when the script reported it', () => {
		const withMetric = clone(m);
		const threads = withMetric.variants[1]!;
		if (threads.status !== 'ok') throw new Error('fixture');
		threads.metrics.mean_in_flight = 9.607;
		expect(inFlightText(withMetric, threads)).toBe('9.61');
		expect(timelineChart(withMetric, 'threads').caption).toContain('on average 9.61 tasks were in flight');
		const sequential = withMetric.variants[0]!;
		if (sequential.status !== 'ok') throw new Error('fixture');
		sequential.metrics.mean_in_flight = 1;
		expect(timelineChart(withMetric, 'sequential').label).toMatch(/on average 1 task ran at once/);
	});

	it('keeps the order in which workers started', () => {
		expect(workersOf([
			{ id: 0, worker: 'b', start_s: 0, end_s: 1 },
			{ id: 1, worker: 'a', start_s: 0.5, end_s: 1 },
			{ id: 2, worker: 'b', start_s: 1, end_s: 2 },
		])).toEqual(['b', 'a']);
	});

	it('still draws a task shorter than a pixel', () => {
		const tiny = clone(m);
		const threads = tiny.variants[1]!;
		if (threads.status !== 'ok' || !threads.timeline) throw new Error('fixture');
		threads.timeline.tasks[0] = { id: 0, worker: 'worker_0', start_s: 0.01, end_s: 0.01 };
		const rect = parse(timelineChart(tiny, 'threads').svg).querySelector('rect');
		expect(Number(rect?.getAttribute('width'))).toBeGreaterThan(0);
	});

	it('fails clearly for a skipped or unknown variant', () => {
		expect(() => timelineChart(m, 'free-threads')).toThrow(/was skipped when measured/);
		expect(() => timelineChart(m, 'nope')).toThrow(/has no variant "nope"/);
	});
});

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
		expect(figure.label).toMatch(/^Line chart of wall time against work per task \(log scale on both axes\) for 3 approaches: Plain loop from 10.0 µs at 10 to 100 ms at 100,000;/);
		expect(figure.caption).toContain(ENVIRONMENT);
		expect(figure.table.head).toEqual(['Work per task', 'Plain loop', 'Thread pool', 'Process pool']);
		expect(figure.table.rows.map((r) => r[0])).toEqual(['10', '1,000', '100,000']);
		expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['10 µs', '100 µs', '1 ms', '10 ms', '100 ms', '1 s', '10', '1k', '100k']));
	});

	it('fails clearly when the rows lack the fields or the variant has no rows', () => {
		expect(() => sweepChart(m, 'sweep', { x: 'task_size' })).toThrow(/has no numeric "task_size" and "elapsed_s" \(fields: elapsed_s, label, variant, x\)/);
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
		expect(text).toEqual(expect.arrayContaining(['1×', '1× = as fast as the plain loop', 'Process pool faster from 100k']));
		expect(figure.label).toContain('Process pool beat the plain loop from 100,000 on (1.7× there)');
		expect(figure.table.head).toEqual(['Task size', 'Thread pool', 'Process pool']);
		expect(figure.table.rows.at(-1)).toEqual(['100,000', '0.99×', '1.7×']);
		expectAccessibleSvg(svg, figure.label);
	});

	it('says "task size" in its sentences, not "Task size"', () => {
		expect(figure.caption).toMatch(/^Speedup over the plain loop against task size for each approach/);
	});

	it('fails clearly when asked to mark a line it does not draw', () => {
		expect(() => sweepChart(m, 'sweep', { y: 'speedup', mark: 'loop' })).toThrow(/cannot mark "loop"/);
	});
});

describe('figureCaption', () => {
	it('adds where and when it was measured', () => {
		expect(figureCaption(ioMeasurement(), 'Threads overlap the waits')).toBe(`Threads overlap the waits. ${ENVIRONMENT}.`);
	});
});
