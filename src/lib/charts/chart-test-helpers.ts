/** Test helpers for the chart tests: parse a chart's SVG, and the checks every figure must pass. */
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import { CHART_WIDTH } from './plot.ts';

export const ENVIRONMENT = 'Measured with CPython 3.11.7 on Linux x86_64, 2 CPUs, 2026-11-24';

export function parse(svg: string): SVGSVGElement {
	const { document } = new JSDOM(`<!doctype html><body>${svg}</body>`).window;
	const root = document.querySelector('svg');
	if (!root) throw new Error('no svg');
	return root as unknown as SVGSVGElement;
}

export function expectAccessibleSvg(svg: SVGSVGElement, label: string) {
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
