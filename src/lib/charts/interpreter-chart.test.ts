import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CHART_WIDTH } from './plot.ts';
import {
	checkComparable,
	environmentsLabel,
	interpreterChart,
	type InterpreterMeasurement,
} from './interpreter-chart.ts';
import { clone, ioMeasurement } from '../measurements/fixtures.ts';

function on(
	interpreter: string,
	times: Parameters<typeof ioMeasurement>[0],
	env: { ft: boolean; gil: boolean },
	args?: string[],
): InterpreterMeasurement {
	const measurement = clone(ioMeasurement(times));
	measurement.interpreter = interpreter;
	measurement.environment = {
		...measurement.environment,
		python_version: '3.13.5',
		free_threaded_build: env.ft,
		gil_enabled: env.gil,
	};
	if (args) measurement.python_args = args;
	return { interpreter, measurement };
}

const gil = on('cpython-3.13', {}, { ft: false, gil: true });
const noGil = on(
	'cpython-3.13t',
	{ sequential: [2.4, 2.5, 2.6], threads: [0.3, 0.31, 0.32] },
	{ ft: true, gil: false },
);
const gil1 = on('cpython-3.13t-gil1', {}, { ft: true, gil: true }, ['-X', 'gil=1']);

describe('interpreterChart', () => {
	const figure = interpreterChart([gil, noGil, gil1], { variants: ['sequential', 'threads'] });
	const svg = new JSDOM(`<!doctype html><body>${figure.svg}</body>`).window.document.querySelector('svg')!;

	it('draws one labelled bar per approach and interpreter, in an accessible SVG', () => {
		expect(svg.getAttribute('role')).toBe('img');
		expect(svg.getAttribute('aria-label')).toBe(figure.label);
		expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(CHART_WIDTH);
		expect(svg.querySelectorAll('rect')).toHaveLength(6);
		expect(svg.textContent).toContain('Sequential label');
		expect(svg.textContent).toContain('3.13, GIL');
		expect(svg.textContent).toContain('3.13t, no GIL');
		expect(svg.textContent).toContain('3.13t, -X gil=1');
		expect(svg.outerHTML).not.toMatch(/(fill|stroke)="(white|black|#|var\()/);
	});

	it('puts the numbers in a table and the label, speedups against the same interpreter', () => {
		expect(figure.table.rows).toHaveLength(6);
		expect(figure.table.rows[4]).toEqual(['Threads label, CPython 3.13t (no GIL)', '310 ms', '300–320 ms', '8.1×']);
		expect(figure.label).toContain('Threads label · CPython 3.13t (no GIL): 310 ms, 8.1×');
	});

	it('stamps the caption with every environment', () => {
		expect(figure.caption).toContain('CPython 3.13.5 on Linux x86_64, 2 CPUs, 2026-11-24');
		expect(figure.caption).toContain('CPython 3.13.5 (free-threaded build, GIL disabled) on Linux');
		expect(figure.caption).toContain('(free-threaded build, -X gil=1, GIL enabled)');
		expect(environmentsLabel([gil, gil])).toBe('Measured with CPython 3.13.5 on Linux x86_64, 2 CPUs, 2026-11-24');
	});
});

describe('checkComparable', () => {
	it('refuses one interpreter, other machines or other arguments', () => {
		expect(() => checkComparable([gil])).toThrow(/at least two/);
		const elsewhere = clone(noGil);
		elsewhere.measurement.environment.cpu_count = 8;
		expect(() => checkComparable([gil, elsewhere])).toThrow(/measure both on one machine/);
		const otherVersion = clone(noGil);
		otherVersion.measurement.environment.python_version = '3.13.0';
		expect(() => checkComparable([gil, otherVersion])).toThrow(/compare builds of one version/);
		const otherArgs = clone(noGil);
		otherArgs.measurement.variants[0]!.args = ['--items', '99'];
		expect(() => checkComparable([gil, otherArgs])).toThrow(/same arguments/);
	});
});
