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
/** The jsdom document Observable Plot renders into (shared by every build-time figure). */
export function plotDocument(): Document {
	document ??= new JSDOM('<!doctype html><html><body></body></html>').window.document;
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

/** A variant's label from the measurement (its id when the measurement does not list it). */
export function labelOf(measurement: Measurement, variant: string): string {
	return measurement.variants.find((v) => v.variant === variant)?.label ?? variant;
}
