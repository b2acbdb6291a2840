import { describe, expect, it } from 'vitest';
import { speedupChart } from './speedup-chart.ts';
import { ioMeasurement } from '../measurements/fixtures.ts';
import { ENVIRONMENT, expectAccessibleSvg, parse } from './chart-test-helpers.ts';

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
		expect(text).toEqual(
			expect.arrayContaining([
				'Sequential label',
				'Threads label',
				'Free-threads label',
				'810 ms (baseline)',
				'105 ms · 7.7×',
				'skipped (see the table)',
			]),
		);
	});

	it('summarises the numbers for screen readers and names the environment in the caption', () => {
		expect(figure.label).toBe(
			'Bar chart of wall time per approach (median of 3 runs): Sequential label: ' +
				'810 ms (baseline); Threads label: 105 ms, 7.7× as fast as sequential; ' +
				'Asyncio label: 103 ms, 7.9× as fast as sequential; Free-threads label: skipped.',
		);
		expectAccessibleSvg(svg, figure.label);
		expect(figure.caption).toContain(ENVIRONMENT);
		expect(figure.caption).toMatch(/^Wall time of each approach in examples\/io-demo, median of 3 runs/);
		expect(figure.table.rows[3]).toEqual(['Free-threads label', 'skipped: needs a free-threaded build', '', '']);
	});

	it('shows only the variants asked for, and fails for an unknown one', () => {
		expect(parse(speedupChart(m, { variants: ['threads', 'sequential'] }).svg).querySelectorAll('rect')).toHaveLength(
			2,
		);
		expect(() => speedupChart(m, { variants: ['nope'] })).toThrow(/no variant "nope"/);
	});

	it('stays small', () => {
		expect(figure.svg.length).toBeLessThan(6000);
	});
});
