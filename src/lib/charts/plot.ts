/**
 * What every build-time figure shares: Observable Plot renders into a jsdom document, and the result is finished
 * as inline SVG that needs no JavaScript in the browser. Each chart type has its own module beside this one.
 *
 * Every figure comes with
 *  - an accessible summary (`label`, used as the SVG's aria-label; the SVG has role="img"),
 *  - a caption that says what it shows and where it was measured,
 *  - the same numbers as a table (`table`), so nothing is only in a picture.
 *
 * Colours are CSS variables defined in src/styles/figures.css on top of Starlight's theme variables, so the
 * charts follow the light and dark themes; text uses currentColor. The SVGs have a viewBox and scale down to
 * narrow screens (figures.css: max-width 100%, height auto).
 */
import { JSDOM } from 'jsdom';
import { environmentLabel } from '../measurements/format.ts';
import type { Measurement } from '../measurements/schema.ts';

/** A figure ready for a component: SVG markup plus the words and numbers around it. */
export interface ChartFigure {
	/** Inline SVG markup (role="img", aria-label = `label`). */
	svg: string;
	/** One or two sentences that say what the chart shows, with its key numbers (the SVG's aria-label). */
	label: string;
	/** Caption text: what the figure shows, then where and when it was measured. */
	caption: string;
	/** The chart's numbers as a table. */
	table: FigureTable;
	/** Series shown, for an HTML legend (sweep charts); empty when the chart needs none. */
	legend: LegendEntry[];
	/** Ends of its log y axis, where another run can be drawn on the same scale (sweep charts' `yDomain`). */
	yDomain?: [number, number];
}

export interface FigureTable {
	/** Column headings. */
	head: string[];
	/** Cells, already formatted. */
	rows: string[][];
}

export interface LegendEntry {
	label: string;
	/** CSS class that gives the swatch its colour (`fig-series-N`). */
	className: string;
	/** Symbol drawn on the points of this series (circle, square...). */
	symbol: string;
}

/** Widths in SVG user units; the SVG scales down on narrow screens. Chosen so text stays legible at 390 px. */
export const CHART_WIDTH = 400;
const FONT_SIZE = 12;
/** How many series colours figures.css defines (`--fig-series-1` ...). */
export const SERIES_COLOURS = 5;
/** Text drawn over grid lines gets an outline in the page colour, so it stays readable. */
export const HALO = { fill: 'currentColor', stroke: 'var(--fig-bg)', strokeWidth: 4, paintOrder: 'stroke' } as const;

let document: Document | undefined;
/**
 * The document Observable Plot renders into: the page's own in the browser (a learner's run, a live timeline), and
 * at build time a jsdom document shared by every figure (the browser bundle never loads jsdom:
 * src/integrations/build-time-only.ts).
 */
export function plotDocument(): Document {
	document ??=
		(globalThis as { document?: Document }).document ??
		new JSDOM('<!doctype html><html><body></body></html>').window.document;
	return document;
}

/** CSS variables are moved from presentation attributes to `style`, where every browser resolves var(). */
export function cssVariablesToStyle(root: Element) {
	for (const element of [root, ...root.querySelectorAll('*')]) {
		const moved: string[] = [];
		for (const attribute of ['fill', 'stroke'] as const) {
			const value = element.getAttribute(attribute);
			if (value?.startsWith('var(')) {
				moved.push(`${attribute}:${value}`);
				element.removeAttribute(attribute);
			}
		}
		if (moved.length > 0) {
			const style = element.getAttribute('style');
			element.setAttribute('style', [style, ...moved].filter(Boolean).join(';'));
		}
	}
}

const GEOMETRY = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'd', 'transform', 'cx', 'cy'];

/** Two decimals of an SVG unit are far below a pixel: shorter markup, same picture. */
function roundCoordinates(root: Element) {
	for (const element of root.querySelectorAll('*')) {
		for (const name of GEOMETRY) {
			const value = element.getAttribute(name);
			if (value)
				element.setAttribute(
					name,
					value.replace(/(\d+\.\d\d)\d+/g, (_, kept: string) => String(+kept)),
				);
		}
	}
}

/** Plot's element (an SVG, or a figure wrapping one) as the final SVG markup. */
export function finishSvg(node: Element, label: string, className: string): string {
	const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
	if (!svg) throw new Error('Observable Plot returned no <svg>');
	svg.querySelectorAll('style').forEach((style) => style.remove()); // figures.css styles every chart
	svg.querySelectorAll('[aria-label]').forEach((element) => element.removeAttribute('aria-label'));
	svg.querySelectorAll('[aria-hidden]').forEach((element) => element.removeAttribute('aria-hidden'));
	cssVariablesToStyle(svg);
	roundCoordinates(svg);
	svg.removeAttribute('font-family'); // inherit the page font
	// Plot writes font-variant="tabular-nums", which is no valid SVG attribute value: figures.css sets it instead.
	for (const element of [svg, ...svg.querySelectorAll('[font-variant]')]) element.removeAttribute('font-variant');
	svg.setAttribute('class', `sl-chart ${className}`);
	svg.setAttribute('font-size', String(FONT_SIZE));
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', label);
	return svg.outerHTML;
}

/** Caption: the figure's own sentence, then where it was measured. */
export function figureCaption(measurement: Measurement, what: string): string {
	const sentence = what.trim().replace(/[.]?$/, '.');
	return `${sentence} ${environmentLabel(measurement)}.`;
}

export function secondsTick(maxSeconds: number): (value: number) => string {
	// One unit for the whole axis, picked from its largest value.
	if (maxSeconds >= 1) return (v) => `${+v.toFixed(2)} s`;
	if (maxSeconds >= 1e-3) return (v) => `${+(v * 1e3).toFixed(1)} ms`;
	return (v) => `${+(v * 1e6).toFixed(0)} µs`;
}

/** Approximate width of a text at the chart's font size, for layout. */
export function textWidth(text: string): number {
	return text.length * FONT_SIZE * 0.6;
}

/**
 * Room a tick label needs on its axis: the page font's digits and units run wider than textWidth's estimate
 * (measured in Chromium: "400 ms" takes about 44 units, not 43), plus a gap so neighbours never touch.
 */
export function tickLabelWidth(text: string): number {
	return text.length * FONT_SIZE * 0.68 + 10;
}

/**
 * Ticks of a linear axis from 0 to `max`, drawn `width` units long: steps of 1, 2 or 5 times a power of ten,
 * at most `most` of them, and fewer when their labels would not fit side by side (tests/e2e/chart-text.spec.ts
 * checks that no two labels touch, at 390 and 1280 px).
 */
export function fittedTicks(max: number, width: number, format: (value: number) => string, most = 5): number[] {
	if (!(max > 0)) return [0];
	let power = 10 ** Math.floor(Math.log10(max / most));
	for (;;) {
		for (const multiple of [1, 2, 5]) {
			const step = multiple * power;
			if (step < max / most) continue;
			const ticks = Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, i) => +(i * step).toPrecision(12));
			const widest = Math.max(...ticks.map((t) => tickLabelWidth(format(t))));
			if (ticks.length <= 2 || (step / max) * width >= widest) return ticks;
		}
		power *= 10;
	}
}

/** Right margin that keeps the last tick's label, centred on its tick, inside the chart. */
export function marginForLastTick(
	ticks: readonly number[],
	max: number,
	width: number,
	format: (value: number) => string,
	least: number,
): number {
	const last = ticks[ticks.length - 1] ?? 0;
	const overhang = (tickLabelWidth(format(last)) - 10) / 2 - ((max - last) / max) * width;
	return Math.max(least, Math.ceil(overhang + 2));
}

/** A variant's label from the measurement (its id when the measurement does not list it). */
export function labelOf(measurement: Measurement, variant: string): string {
	return measurement.variants.find((v) => v.variant === variant)?.label ?? variant;
}
