import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { replayFigure } from './replay.ts';
import { ioMeasurement } from '../measurements/fixtures.ts';

function parse(svg: string) {
	return new JSDOM(`<!doctype html><body>${svg}</body>`).window.document.querySelector('svg')!;
}

describe('replayFigure', () => {
	const m = ioMeasurement();
	const figure = replayFigure(m, ['sequential', 'threads']);
	const svg = parse(figure.svg);

	it('draws every task of every run on one time axis, with its start and duration for the animation', () => {
		const bars = [...svg.querySelectorAll('.replay-tasks rect')];
		expect(bars).toHaveLength(16);
		const sequential = m.variants[0]!;
		if (sequential.status !== 'ok' || !sequential.timeline) throw new Error('fixture');
		const first = sequential.timeline.tasks[0]!;
		expect(bars[0]!.getAttribute('style')).toBe(
			`--t0:${+first.start_s.toFixed(4)}s;--d:${+(first.end_s - first.start_s).toFixed(4)}s`,
		);
		// One axis: the playhead crosses it in the time of the longest run.
		expect(figure.duration).toBeCloseTo(0.81, 2);
		// It travels the axis: 400 units less the margins, the right one wide enough for the "800 ms" tick label.
		expect(svg.querySelector('.replay-head')?.getAttribute('style')).toMatch(/^--run:0\.81\d*s;--w:358$/);
	});

	it('says when each run was done, and shows that note at the moment it finished', () => {
		const notes = [...svg.querySelectorAll('.replay-done text')].map((t) => [t.textContent, t.getAttribute('style')]);
		expect(notes).toEqual(
			expect.arrayContaining([
				['done in 810 ms', '--t0:0.81s'],
				['done in 105 ms', '--t0:0.105s'],
			]),
		);
	});

	it('is an accessible image with its numbers in words and in a table', () => {
		expect(svg.getAttribute('role')).toBe('img');
		expect(figure.label).toMatch(
			new RegExp(
				/^Replay of 2 measured runs on one time axis: Sequential label took 810 ms with 8 tasks, .*; /.source +
					/Threads label took 105 ms with 8 tasks, .*7\.7× as fast\.$/.source,
			),
		);
		expect(figure.table.rows).toEqual([
			['Sequential label', '8', '1', '810 ms'],
			['Threads label', '8', '4', '105 ms'],
		]);
		expect(figure.svg).not.toContain('font-variant');
	});

	it('fails clearly for a variant without a timeline', () => {
		expect(() => replayFigure(m, ['sequential', 'free-threads'])).toThrow(/was skipped when measured/);
		expect(() => replayFigure(m, [])).toThrow(/at least one variant/);
	});
});
