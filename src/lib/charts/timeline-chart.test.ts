import { describe, expect, it } from 'vitest';
import { inFlightText, labelEvery, timelineAxisEnd, timelineChart, workersOf } from './timeline-chart.ts';
import { clone, ioMeasurement, tasks } from '../measurements/fixtures.ts';
import { ENVIRONMENT, expectAccessibleSvg, parse } from './chart-test-helpers.ts';

describe('timelineChart', () => {
	const m = ioMeasurement();

	it('draws one bar per task and one row per worker', () => {
		const figure = timelineChart(m, 'threads');
		const svg = parse(figure.svg);
		expect(svg.querySelectorAll('rect')).toHaveLength(8);
		const rows = new Set([...svg.querySelectorAll('rect')].map((r) => r.getAttribute('y')));
		expect(rows.size).toBe(4);
		expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
			expect.arrayContaining(['worker_0', 'worker_3']),
		);
		expectAccessibleSvg(svg, figure.label);
		expect(figure.label).toBe(
			'Timeline of Threads label: 8 tasks on 4 workers over 105 ms; on average 3.92 tasks ran at once.',
		);
		expect(figure.caption).toContain(ENVIRONMENT);
		expect(figure.table.rows).toHaveLength(8);
	});

	it('puts compared timelines on one time axis, so equal lengths are equal times', () => {
		const end = timelineAxisEnd(m, ['sequential', 'threads']);
		expect(end).toBeCloseTo(0.81, 2);
		const alone = parse(timelineChart(m, 'threads').svg);
		const shared = timelineChart(m, 'threads', { sameAxisAs: ['sequential'] });
		const ticks = (svg: SVGSVGElement) =>
			[...svg.querySelectorAll('text')].map((t) => t.textContent ?? '').filter((t) => /\d (ms|s)$/.test(t));
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

	it('labels the rows of a pool with short names that differ, and keeps the recorded names in the table', () => {
		const pool = clone(m);
		const threads = pool.variants[1]!;
		if (threads.status !== 'ok' || !threads.timeline) throw new Error('fixture');
		threads.timeline.tasks = tasks(8, 2, 0.05, (i) => `ThreadPoolExecutor-0_${i % 2}`);
		const figure = timelineChart(pool, 'threads');
		const texts = [...parse(figure.svg).querySelectorAll('text')].map((t) => t.textContent);
		expect(texts).toEqual(expect.arrayContaining(['thread 1', 'thread 2']));
		expect(texts.join(' ')).not.toContain('…');
		expect(figure.table.rows[0]![1]).toBe('thread 1 (ThreadPoolExecutor-0_0)');
	});

	it('names every 2nd row of a 40-row timeline, and says so on the axis', () => {
		const many = clone(m);
		const asyncio = many.variants[2]!;
		if (asyncio.status !== 'ok' || !asyncio.timeline) throw new Error('fixture');
		asyncio.timeline.tasks = tasks(40, 40, 0.1, (i) => `task-${i}`);
		const texts = [...parse(timelineChart(many, 'asyncio').svg).querySelectorAll('text')].map(
			(t) => t.textContent ?? '',
		);
		const rows = texts.filter((t) => t.startsWith('task-'));
		expect(rows).toHaveLength(20);
		expect(rows.slice(0, 3)).toEqual(['task-0', 'task-2', 'task-4']);
		expect(texts).toContain('↓ One row per worker, every 2nd named');
		expect(labelEvery(26)).toBe(1);
		expect(labelEvery(6)).toBe(5);
	});

	it('keeps the order in which workers started', () => {
		expect(
			workersOf([
				{ id: 0, worker: 'b', start_s: 0, end_s: 1 },
				{ id: 1, worker: 'a', start_s: 0.5, end_s: 1 },
				{ id: 2, worker: 'b', start_s: 1, end_s: 2 },
			]),
		).toEqual(['b', 'a']);
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
