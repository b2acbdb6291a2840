/**
 * Build-time figures from the committed measurements: Observable Plot renders into a jsdom document, and the
 * result is inline SVG that needs no JavaScript in the browser.
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
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { sweepFacts } from '../measurements/sweep-facts.ts';
import {
	environmentLabel,
	findOkVariant,
	formatRange,
	formatSeconds,
	formatSpeedup,
	measuredValue,
	MeasurementError,
	repeatsLabel,
	timedVariants,
	type Measurement,
	type OkVariant,
	type Row,
	type Task,
} from '../measurements/schema.ts';

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
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star'] as const;
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'] as const;

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
			if (value) element.setAttribute(name, value.replace(/(\d+\.\d\d)\d+/g, (_, kept: string) => String(+kept)));
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

/** Tick labels of a log axis of seconds: each in its own unit ("1 ms", "10 ms", "0.1 s", "1 s"). */
function logSecondsTick(value: number): string {
	const clean = (x: number) => String(+x.toPrecision(3));
	if (value >= 1) return `${clean(value)} s`;
	if (value >= 1e-3) return `${clean(value * 1e3)} ms`;
	return `${clean(value * 1e6)} µs`;
}

/** Powers of ten from below the smallest value to above the largest: the only ticks of a log axis. */
function decades(values: readonly number[]): number[] {
	const low = Math.floor(Math.log10(Math.min(...values)));
	const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values))));
	return Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i)).map((x) => +x.toPrecision(1));
}

/** The decades around the values: the domain of a log axis whose ticks are exactly its ends and the powers between. */
function niceLog(values: readonly number[]): [number, number] {
	const ticks = decades(values);
	return [ticks[0]!, ticks[ticks.length - 1]!];
}

/** "1000000" as "1,000,000" (and "1M" on an axis). */
function formatX(value: number): string {
	return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

/** Approximate width of a text at the chart's font size, for layout. */
export function textWidth(text: string): number {
	return text.length * FONT_SIZE * 0.6;
}

// ------------------------------------------------------------------------------------------------
// Speedup chart: one bar per variant (median time), whiskers from min to max, speedup written at the end
// ------------------------------------------------------------------------------------------------

export interface SpeedupChartOptions {
	/** Variants to show, in this order (default: every variant with role `variant`, in example order). */
	variants?: readonly string[];
	/** First sentence of the caption (default: says what the bars are). */
	caption?: string;
}

interface BarDatum {
	variant: string;
	label: string;
	median: number;
	min: number;
	max: number;
	note: string;
	skipped: boolean;
}

export function speedupChart(measurement: Measurement, options: SpeedupChartOptions = {}): ChartFigure {
	const variants = timedVariants(measurement, options.variants);
	if (variants.length === 0) throw new MeasurementError(`example ${measurement.example} has no timed variants to chart`);
	const data: BarDatum[] = variants.map((v) => {
		if (v.status === 'skipped') {
			return { variant: v.variant, label: v.label, median: 0, min: 0, max: 0, note: 'skipped (see the table)', skipped: true };
		}
		const note =
			v.variant === measurement.baseline
				? `${formatSeconds(v.elapsed_s.median)} (baseline)`
				: v.speedup !== null
					? `${formatSeconds(v.elapsed_s.median)} · ${formatSpeedup(v.speedup)}`
					: formatSeconds(v.elapsed_s.median);
		return { variant: v.variant, label: v.label, median: v.elapsed_s.median, min: v.elapsed_s.min, max: v.elapsed_s.max, note, skipped: false };
	});
	const ran = data.filter((d) => !d.skipped);
	const maxX = Math.max(...ran.map((d) => d.max), 1e-9);
	const margin = { left: 20, right: 12, top: 4, bottom: 40 };
	const plotWidth = CHART_WIDTH - margin.left - margin.right;
	const noteWidth = Math.max(...data.map((d) => textWidth(d.note))) + 10;
	const domainMax = maxX * (plotWidth / Math.max(plotWidth - noteWidth, plotWidth * 0.4));
	const rowHeight = 46;
	const height = margin.top + margin.bottom + rowHeight * data.length;
	const ids = data.map((d) => d.variant);
	const y = (d: BarDatum) => d.variant;

	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height,
		marginLeft: margin.left,
		marginRight: margin.right,
		marginTop: margin.top,
		marginBottom: margin.bottom,
		x: {
			domain: [0, domainMax],
			label: `Wall time (${repeatsLabel(measurement)}) →`,
			labelAnchor: 'left',
			labelOffset: 34,
			tickFormat: secondsTick(domainMax),
			ticks: 4,
			grid: true,
		},
		y: { domain: ids, axis: null, paddingInner: 0, paddingOuter: 0 },
		marks: [
			Plot.barX(ran, { y, x: 'median', fill: 'var(--fig-bar)', insetTop: 24, insetBottom: 6 }),
			Plot.ruleY(ran, { y, x1: 'min', x2: 'max', stroke: 'currentColor', strokeWidth: 1.5, dy: 9 }),
			Plot.text(data, { y, x: 0, text: 'label', textAnchor: 'start', dy: -11, fontWeight: 600, ...HALO }),
			Plot.text(data, { y, x: (d: BarDatum) => d.max, text: 'note', textAnchor: 'start', dx: 6, dy: 9, ...HALO }),
			Plot.ruleX([0], { stroke: 'currentColor' }),
		],
	});

	const label =
		`Bar chart of wall time per approach (${repeatsLabel(measurement)}): ` +
		data
			.map((d) => {
				if (d.skipped) return `${d.label}: skipped`;
				const v = variants.find((x) => x.variant === d.variant) as OkVariant;
				return `${d.label}: ${formatSeconds(d.median)}${v.variant === measurement.baseline ? ' (baseline)' : v.speedup !== null ? `, ${formatSpeedup(v.speedup)} as fast as ${measurement.baseline}` : ''}`;
			})
			.join('; ') +
		'.';
	const what =
		options.caption ??
		`Wall time of each approach in examples/${measurement.example}, ${repeatsLabel(measurement)}: the bar is the median, the thin line spans the fastest to the slowest run` +
			(measurement.baseline ? `, and × says how many times faster than ${labelOf(measurement, measurement.baseline)}` : '');
	return {
		svg: finishSvg(plot, label, 'sl-chart-speedup'),
		label,
		caption: figureCaption(measurement, what),
		table: {
			head: ['Approach', 'Median', 'Range', 'Speedup'],
			rows: variants.map((v) =>
				v.status === 'skipped'
					? [v.label, `skipped: ${v.skip_reason}`, '', '']
					: [
							v.label,
							formatSeconds(v.elapsed_s.median),
							formatRange(v.elapsed_s.min, v.elapsed_s.max),
							v.variant === measurement.baseline ? 'baseline' : v.speedup === null ? '' : formatSpeedup(v.speedup),
						],
			),
		},
		legend: [],
	};
}

function labelOf(measurement: Measurement, variant: string): string {
	return measurement.variants.find((v) => v.variant === variant)?.label ?? variant;
}

// ------------------------------------------------------------------------------------------------
// Timeline chart: one row per worker, one bar per task
// ------------------------------------------------------------------------------------------------

export interface TimelineChartOptions {
	/** First sentence of the caption (default: says what the rows and bars are). */
	caption?: string;
	/**
	 * Other variants of the same example whose timelines the page compares with this one: the time axis runs to
	 * the longest of them all, so equal lengths mean equal times across the charts.
	 */
	sameAxisAs?: readonly string[];
}

/** End of a shared time axis: the longest run (or last task end) among these variants' timelines. */
export function timelineAxisEnd(measurement: Measurement, variants: readonly string[]): number {
	return Math.max(
		1e-9,
		...variants.map((id) => {
			const timeline = findOkVariant(measurement, id).timeline;
			if (!timeline) throw new MeasurementError(`variant "${id}" of example ${measurement.example} has no timeline to share an axis with`);
			return Math.max(timeline.elapsed_s, ...timeline.tasks.map((t) => t.end_s));
		}),
	);
}

/**
 * "9.61": the mean number of tasks in flight, written exactly as `<MeasuredValue value="metric:mean_in_flight">`
 * writes it when the script reported that metric (the median over the runs), so text and figure never disagree;
 * otherwise computed from the run shown.
 */
export function inFlightText(measurement: Measurement, variant: OkVariant): string {
	if ('mean_in_flight' in variant.metrics) return measuredValue(measurement, variant.variant, 'metric:mean_in_flight').text;
	const timeline = variant.timeline;
	return timeline ? measuredValueText(meanInFlight(timeline.tasks, timeline.elapsed_s)) : '0';
}

/** Same rule as MeasuredValue's numbers: integers as they are, others to three significant digits. */
function measuredValueText(value: number): string {
	return Number.isInteger(value) ? String(value) : String(+value.toPrecision(3));
}

/** Rows with more workers than this lose their names (they would not fit); the caption says so. */
const MAX_NAMED_WORKERS = 16;
const MAX_WORKER_NAME = 16;

/** Average number of tasks running at once: total task time / wall time. */
export function meanInFlight(tasks: readonly Task[], elapsed: number): number {
	if (!(elapsed > 0)) return 0;
	return tasks.reduce((sum, t) => sum + (t.end_s - t.start_s), 0) / elapsed;
}

/** Workers in order of their first task. */
export function workersOf(tasks: readonly Task[]): string[] {
	const order: string[] = [];
	for (const task of [...tasks].sort((a, b) => a.start_s - b.start_s || a.id - b.id)) {
		if (!order.includes(task.worker)) order.push(task.worker);
	}
	return order;
}

function shortName(name: string): string {
	return name.length <= MAX_WORKER_NAME ? name : `${name.slice(0, MAX_WORKER_NAME - 1)}…`;
}

export function timelineChart(measurement: Measurement, variant: string, options: TimelineChartOptions = {}): ChartFigure {
	const v = findOkVariant(measurement, variant);
	if (!v.timeline) {
		throw new MeasurementError(
			v.task_count === 0
				? `variant "${variant}" of example ${measurement.example} recorded no tasks, so it has no timeline`
				: `variant "${variant}" of example ${measurement.example} recorded ${v.task_count} tasks: too many to draw, so the measurement keeps no timeline`,
		);
	}
	const { tasks, elapsed_s: elapsed } = v.timeline;
	const workers = workersOf(tasks);
	const named = workers.length <= MAX_NAMED_WORKERS;
	const labels = named ? workers.map(shortName) : [];
	const marginLeft = named ? Math.max(...labels.map(textWidth)) + 14 : 14;
	const rowHeight = workers.length <= 4 ? 26 : workers.length <= MAX_NAMED_WORKERS ? 20 : Math.max(6, Math.min(14, 360 / workers.length));
	const margin = { top: 8, bottom: 42 };
	const height = margin.top + margin.bottom + rowHeight * workers.length;
	const domainMax = timelineAxisEnd(measurement, [variant, ...(options.sameAxisAs ?? [])]);
	// A task shorter than a pixel is still drawn one pixel wide, so no task disappears.
	const pixel = domainMax / (CHART_WIDTH - marginLeft - 12);

	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height,
		marginLeft,
		marginRight: 12,
		marginTop: margin.top,
		marginBottom: margin.bottom,
		x: {
			domain: [0, domainMax],
			label: 'Time since the run started →',
			labelAnchor: 'left',
			labelOffset: 36,
			tickFormat: secondsTick(domainMax),
			ticks: 5,
			grid: true,
		},
		y: {
			domain: workers,
			label: null,
			tickFormat: named ? (w: string) => shortName(w) : () => '',
			tickSize: 0,
			axis: named ? 'left' : null,
			paddingInner: rowHeight >= 14 ? 0.25 : 0.1,
			paddingOuter: 0.1,
		},
		marks: [
			Plot.barX(tasks, {
				y: 'worker',
				x1: 'start_s',
				x2: (t: Task) => Math.max(t.end_s, t.start_s + pixel),
				fill: 'var(--fig-bar)',
				// A thin gap in the page colour keeps back-to-back tasks apart.
				stroke: 'var(--fig-bg)',
				strokeWidth: 0.75,
			}),
			Plot.ruleX([0], { stroke: 'currentColor' }),
		],
	});

	const inFlight = inFlightText(measurement, v);
	const tasksWord = (count: string) => `task${count === '1' ? '' : 's'}`;
	const workerWord = workers.length === 1 ? 'worker' : 'workers';
	const shared = domainMax > Math.max(elapsed, ...tasks.map((t) => t.end_s)) * 1.01;
	const label =
		`Timeline of ${v.label}: ${tasks.length} ${tasksWord(String(tasks.length))} on ${workers.length} ${workerWord} over ${formatSeconds(elapsed)}; ` +
		`on average ${inFlight} ${tasksWord(inFlight)} ran at once.`;
	const what =
		options.caption ??
		`When each task of ${v.script} ran: one row per worker${named ? '' : ` (${workers.length} rows)`}, one bar per task, ` +
			`in the run closest to the median (${formatSeconds(elapsed)}); on average ${inFlight} ${tasksWord(inFlight)} were in flight` +
			(shared ? `. The time axis runs to ${formatSeconds(domainMax)}, as in the other timelines of this page, so lengths compare` : '');
	return {
		svg: finishSvg(plot, label, 'sl-chart-timeline'),
		label,
		caption: figureCaption(measurement, what),
		table: {
			head: ['Task', 'Worker', 'Start', 'End', 'Duration'],
			rows: [...tasks]
				.sort((a, b) => a.id - b.id)
				.map((t) => [String(t.id), t.worker, formatSeconds(t.start_s), formatSeconds(t.end_s), formatSeconds(t.end_s - t.start_s)]),
		},
		legend: [],
	};
}

// ------------------------------------------------------------------------------------------------
// Sweep chart: y against x, one line per approach (log x)
// ------------------------------------------------------------------------------------------------

export interface SweepChartOptions {
	/** Row field on the x axis (default `x`). */
	x?: string;
	/** Row field on the y axis, in seconds (default `elapsed_s`). */
	y?: string;
	/** Axis title for x (default: the field name). */
	xLabel?: string;
	/** Axis title for y (default: "Wall time"). */
	yLabel?: string;
	/** Scale of the y axis (default: log when the values span more than two orders of magnitude). */
	yScale?: 'log' | 'linear';
	/** First sentence of the caption. */
	caption?: string;
	/**
	 * With `y: "speedup"`: an approach whose crossover (the task size from which it beat the baseline at every
	 * larger size, src/lib/measurements/sweep-facts.ts) the chart marks with a vertical line.
	 */
	mark?: string;
}

interface SweepPoint {
	series: string;
	label: string;
	x: number;
	y: number;
}

export function sweepChart(measurement: Measurement, variant: string, options: SweepChartOptions = {}): ChartFigure {
	const v = findOkVariant(measurement, variant);
	const xField = options.x ?? 'x';
	const yField = options.y ?? 'elapsed_s';
	// Speedup over the baseline: the baseline is the 1× line, not a series of its own.
	const ratio = yField === 'speedup';
	if (!v.rows || v.rows.length === 0) {
		throw new MeasurementError(`variant "${variant}" of example ${measurement.example} has no rows to draw a sweep from`);
	}
	const allPoints: SweepPoint[] = v.rows.map((row: Row, i) => {
		const x = row[xField];
		const y = row[yField];
		if (typeof x !== 'number' || typeof y !== 'number') {
			throw new MeasurementError(
				`row ${i} of variant "${variant}" (example ${measurement.example}) has no numeric "${xField}" and "${yField}" (fields: ${Object.keys(row).join(', ')})`,
			);
		}
		return { series: String(row.variant), label: typeof row.label === 'string' ? row.label : String(row.variant), x, y };
	});
	const baselineId = ratio ? measurement.baseline : null;
	if (ratio && !baselineId) throw new MeasurementError(`sweep "${variant}": a speedup chart needs the example to have a baseline`);
	const points = ratio ? allPoints.filter((p) => p.series !== baselineId) : allPoints;
	const baselineLabel = ratio ? (allPoints.find((p) => p.series === baselineId)?.label ?? labelOf(measurement, baselineId!)) : '';
	const series = [...new Set(points.map((p) => p.series))];
	if (series.length > SERIES_COLOURS) throw new MeasurementError(`a sweep chart shows at most ${SERIES_COLOURS} series; ${variant} has ${series.length}`);
	const seriesLabel = new Map(points.map((p) => [p.series, p.label]));
	const colours = series.map((_, i) => `var(--fig-series-${i + (ratio ? 2 : 1)})`);
	const ys = points.map((p) => p.y).filter((y) => y > 0);
	const yScale = ratio ? 'log' : (options.yScale ?? (ys.length && Math.max(...ys) / Math.min(...ys) > 100 ? 'log' : 'linear'));
	if (points.some((p) => p.x <= 0)) throw new MeasurementError(`sweep "${variant}": the x axis is logarithmic, so every ${xField} must be above 0`);
	if (yScale === 'log' && points.some((p) => p.y <= 0)) throw new MeasurementError(`sweep "${variant}": a log y axis needs every ${yField} above 0`);
	const maxY = Math.max(...points.map((p) => p.y));
	const xs = points.map((p) => p.x);
	const xLabel = options.xLabel ?? xField.replaceAll('_', ' ');
	const yLabel = options.yLabel ?? (ratio ? `Speedup over the ${baselineLabel.toLowerCase()}` : 'Wall time');
	const marked = ratio && options.mark ? sweepFacts(measurement, variant, options.mark, xField) : null;
	if (marked && !series.includes(options.mark!)) throw new MeasurementError(`sweep "${variant}": cannot mark "${options.mark}", it is not one of the lines`);

	// A speedup axis: log (0.1× and 10× are equally far from 1×), from the decade below the data to a bit above it.
	const ratioDomain: [number, number] = [10 ** Math.floor(Math.log10(Math.min(...ys, 1))), Math.max(...ys, 1) * 1.6];
	const ratioTicks = [0.001, 0.01, 0.1, 1, 2, 10, 100].filter((t) => t >= ratioDomain[0] && t <= ratioDomain[1]);
	const yAxis = ratio
		? { domain: ratioDomain, ticks: ratioTicks, tickFormat: (t: number) => `${+t}×` }
		: yScale === 'log'
			? { domain: niceLog(ys), ticks: decades(ys), tickFormat: yField.endsWith('_s') ? logSecondsTick : '~s' }
			: { ticks: 5, tickFormat: yField.endsWith('_s') ? secondsTick(maxY) : '~s' };
	const crossover = marked?.crossover ?? null;

	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height: 340,
		marginLeft: ratio ? 44 : 62,
		marginRight: 16,
		marginTop: 28,
		marginBottom: 44,
		x: {
			type: 'log',
			domain: niceLog(xs),
			label: `${xLabel} →`,
			labelAnchor: 'right',
			labelOffset: 38,
			grid: true,
			ticks: decades(xs),
			tickFormat: '~s',
			insetLeft: 10,
		},
		y: { type: yScale, label: `↑ ${yLabel}`, labelAnchor: 'top', grid: true, insetBottom: 10, ...yAxis },
		color: { type: 'ordinal', domain: series, range: colours },
		symbol: { type: 'ordinal', domain: series, range: SYMBOLS.slice(0, series.length) },
		marks: [
			...(ratio
				? [
						Plot.ruleY([1], { stroke: 'currentColor', strokeWidth: 1.5 }),
						Plot.text([`1× = as fast as the ${baselineLabel.toLowerCase()}`], { frameAnchor: 'left', y: 1, dx: 14, dy: -9, textAnchor: 'start', ...HALO }),
					]
				: []),
			...(crossover
				? [
						Plot.ruleX([crossover.x], { stroke: 'currentColor', strokeDasharray: '4 3', strokeWidth: 1.25 }),
						Plot.text([`${marked!.label} faster from ${formatTick(crossover.x)}`], {
							x: crossover.x,
							frameAnchor: 'top',
							dy: 4,
							dx: -6,
							textAnchor: 'end',
							fontWeight: 600,
							...HALO,
						}),
					]
				: []),
			...series.map((id, i) =>
				Plot.lineY(
					points.filter((p) => p.series === id),
					{ x: 'x', y: 'y', stroke: colours[i], strokeWidth: 2, strokeDasharray: DASHES[i + (ratio ? 1 : 0)] || undefined },
				),
			),
			Plot.dot(points, { x: 'x', y: 'y', stroke: 'series', symbol: 'series', fill: 'var(--fig-bg)', strokeWidth: 1.75, r: 4 }),
		],
	});

	const xValues = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
	const fmtY = (y: number) => (ratio ? formatSpeedup(y) : yField.endsWith('_s') ? formatSeconds(y) : String(y));
	const xWords = lowerFirst(xLabel);
	const scaleWords = ratio || yScale === 'log' ? 'log scale on both axes' : 'log scale on x';
	const label =
		`Line chart of ${lowerFirst(yLabel)} against ${xWords} (${scaleWords}) for ${series.length} approach${series.length === 1 ? '' : 'es'}` +
		(ratio ? `; a line at 1× marks the ${baselineLabel.toLowerCase()}` : '') +
		': ' +
		series
			.map((id) => {
				const own = points.filter((p) => p.series === id).sort((a, b) => a.x - b.x);
				const first = own[0]!;
				const last = own[own.length - 1]!;
				return `${seriesLabel.get(id)} from ${fmtY(first.y)} at ${formatX(first.x)} to ${fmtY(last.y)} at ${formatX(last.x)}`;
			})
			.join('; ') +
		(crossover ? `. ${marked!.label} beat the ${baselineLabel.toLowerCase()} from ${formatX(crossover.x)} on (${formatSpeedup(crossover.speedup)} there)` : '') +
		'.';
	const what =
		options.caption ??
		`${yLabel} against ${xWords} for each approach of ${v.script} (${repeatsLabel(measurement)} per point; ${scaleWords})` +
			(ratio ? `. Above the 1× line an approach beats the ${baselineLabel.toLowerCase()}, below it loses` : '');
	return {
		svg: finishSvg(plot, label, 'sl-chart-sweep'),
		label,
		caption: figureCaption(measurement, what),
		table: {
			head: [xLabel, ...series.map((id) => seriesLabel.get(id)!)],
			rows: xValues.map((x) => [
				formatX(x),
				...series.map((id) => {
					const point = points.find((p) => p.series === id && p.x === x);
					return point ? fmtY(point.y) : '';
				}),
			]),
		},
		legend: series.map((id, i) => ({ label: seriesLabel.get(id)!, className: `fig-series-${i + (ratio ? 2 : 1)}`, symbol: SYMBOLS[i]! })),
	};
}

/** "Task size" as "task size" inside a sentence; "CPU time" stays as it is. */
function lowerFirst(text: string): string {
	return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** 100000 as "100k", as on the log x axis. */
function formatTick(value: number): string {
	const units: Array<[number, string]> = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
	for (const [size, suffix] of units) if (value >= size) return `${+(value / size).toPrecision(3)}${suffix}`;
	return String(value);
}
