/**
 * The interpreter comparison figure: the same example's variants measured on several interpreters (the GIL build,
 * the free-threaded build, the free-threaded build with `-X gil=1`), one bar per variant and interpreter, each
 * labelled in words (colour is a second cue, never the only one). Built like the other figures (plot.ts): Observable
 * Plot into jsdom at build time, inline SVG, an accessible label, a caption stamped with every environment, and
 * the numbers as a table.
 */
import * as Plot from '@observablehq/plot';
import {
	CHART_WIDTH,
	HALO,
	SERIES_COLOURS,
	finishSvg,
	fittedTicks,
	marginForLastTick,
	plotDocument,
	type ChartFigure,
} from './plot.ts';
import { interpreterLabel, interpreterShortLabel } from '../measurements/interpreters.ts';
import { environmentSummary, formatRange, formatSeconds, formatSpeedup, repeatsLabel } from '../measurements/format.ts';
import { MeasurementError } from '../measurements/find.ts';
import { timedVariants } from '../measurements/results-table.ts';
import type { Measurement, OkVariant } from '../measurements/schema.ts';

export interface InterpreterChartOptions {
	/** Variants to show, in this order (default: every variant with role `variant` of the first measurement). */
	variants?: readonly string[];
	/** First sentence of the caption. */
	caption?: string;
}

/** One interpreter's measurement of the example. */
export interface InterpreterMeasurement {
	/** Interpreter id (src/lib/measurements/interpreters.ts), e.g. `cpython-3.13t`. */
	interpreter: string;
	measurement: Measurement;
}

interface Datum {
	key: string;
	/** Short interpreter name drawn above the bar ("3.13t, no GIL"). */
	short: string;
	variant: string;
	interpreter: string;
	text: string;
	median: number;
	min: number;
	max: number;
	note: string;
	series: number;
}

const FONT_SIZE = 12;

/** The measurements must be of one example, from one machine, with the same arguments: a fair comparison. */
export function checkComparable(items: readonly InterpreterMeasurement[]): void {
	if (items.length < 2) throw new MeasurementError('an interpreter comparison needs at least two interpreters');
	const [first, ...rest] = items;
	for (const item of rest) {
		const a = first!.measurement;
		const b = item.measurement;
		if (b.example !== a.example)
			throw new MeasurementError(
				`cannot compare example ${a.example} on ${first!.interpreter} with ${b.example} on ${item.interpreter}`,
			);
		const machine = (m: Measurement) => `${m.environment.os} ${m.environment.machine} ${m.environment.cpu_count}`;
		if (b.environment.python_version !== a.environment.python_version) {
			throw new MeasurementError(
				`${a.example}: ${first!.interpreter} is Python ${a.environment.python_version}, ` +
					`${item.interpreter} ${b.environment.python_version}; compare builds of one version`,
			);
		}
		if (machine(a) !== machine(b)) {
			throw new MeasurementError(
				`${a.example}: ${first!.interpreter} was measured on ${machine(a)}, ` +
					`${item.interpreter} on ${machine(b)}; measure both on one machine`,
			);
		}
		for (const v of b.variants) {
			const other = a.variants.find((x) => x.variant === v.variant);
			if (other && JSON.stringify(other.args) !== JSON.stringify(v.args)) {
				throw new MeasurementError(
					`${a.example}: ${v.variant} ran with ${other.args.join(' ')} on ${first!.interpreter} ` +
						`but ${v.args.join(' ')} on ${item.interpreter}; measure again with the same arguments`,
				);
			}
		}
	}
}

/**
 * Every environment, once each: "CPython 3.13.5 on Linux x86_64, 2 CPUs, 2026-11-29 and CPython 3.13.5
 * (free-threaded...)...".
 */
export function environmentsLabel(items: readonly InterpreterMeasurement[]): string {
	const parts = items.map(({ measurement: m }) => `${environmentSummary(m.environment, m.python_args)}, ${m.date}`);
	return `Measured with ${[...new Set(parts)].join('; ')}`;
}

export function interpreterChart(
	items: readonly InterpreterMeasurement[],
	options: InterpreterChartOptions = {},
): ChartFigure {
	checkComparable(items);
	const first = items[0]!.measurement;
	const variantIds = options.variants ?? timedVariants(first).map((v) => v.variant);
	const data: Datum[] = [];
	const tableRows: string[][] = [];
	for (const variant of variantIds) {
		items.forEach(({ interpreter, measurement }, i) => {
			const found = timedVariants(measurement, [variant])[0]!;
			if (found.status !== 'ok')
				throw new MeasurementError(
					`${measurement.example} on ${interpreter}: ${variant} was skipped (${found.skip_reason})`,
				);
			const v = found as OkVariant;
			const speedup =
				v.variant === measurement.baseline ? 'baseline' : v.speedup === null ? '' : formatSpeedup(v.speedup);
			data.push({
				key: `${variant}|${interpreter}`,
				variant,
				interpreter,
				text: `${v.label} · ${interpreterLabel(interpreter)}`,
				short: interpreterShortLabel(interpreter),
				median: v.elapsed_s.median,
				min: v.elapsed_s.min,
				max: v.elapsed_s.max,
				note: `${formatSeconds(v.elapsed_s.median)}${speedup && speedup !== 'baseline' ? ` · ${speedup}` : ''}`,
				series: (i % SERIES_COLOURS) + 1,
			});
			tableRows.push([
				`${v.label}, ${interpreterLabel(interpreter)}`,
				formatSeconds(v.elapsed_s.median),
				formatRange(v.elapsed_s.min, v.elapsed_s.max),
				speedup,
			]);
		});
	}
	const maxX = Math.max(...data.map((d) => d.max), 1e-9);
	const margin = { left: 20, right: 12, top: 4, bottom: 40 };
	const plotWidth = CHART_WIDTH - margin.left - margin.right;
	const noteWidth = Math.max(...data.map((d) => d.note.length * FONT_SIZE * 0.6)) + 10;
	const domainMax = maxX * (plotWidth / Math.max(plotWidth - noteWidth, plotWidth * 0.4));
	// Each approach gets a heading, then one row per interpreter: its short name above its bar. The y scale is
	// an identity scale in pixels, so headings and gaps need no band trickery.
	const headingHeight = 24;
	const rowHeight = 34;
	const groupGap = 10;
	const rowTop = new Map<string, number>();
	const headings: { text: string; y: number }[] = [];
	let top = margin.top;
	variantIds.forEach((variant, g) => {
		if (g > 0) top += groupGap;
		headings.push({ text: data.find((d) => d.variant === variant)!.text.split(' · ')[0]!, y: top + 14 });
		top += headingHeight;
		for (const item of items) {
			rowTop.set(`${variant}|${item.interpreter}`, top);
			top += rowHeight;
		}
	});
	const height = top + margin.bottom;
	const y1 = (d: Datum) => rowTop.get(d.key)! + 17;
	const y2 = (d: Datum) => rowTop.get(d.key)! + rowHeight - 3;
	const yText = (d: Datum) => rowTop.get(d.key)! + 7;
	const yMid = (d: Datum) => (y1(d) + y2(d)) / 2;
	const tickFormat = (v: number) => (domainMax >= 1 ? `${+v.toFixed(2)} s` : `${+(v * 1e3).toFixed(1)} ms`);
	const ticks = fittedTicks(domainMax, plotWidth, tickFormat, 4);
	const marginRight = marginForLastTick(ticks, domainMax, plotWidth, tickFormat, margin.right);
	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height,
		marginLeft: margin.left,
		marginRight,
		marginTop: 0,
		marginBottom: margin.bottom,
		x: {
			domain: [0, domainMax],
			label: `Wall time (${repeatsLabel(first)}) →`,
			labelAnchor: 'left',
			labelOffset: 34,
			tickFormat,
			ticks,
			grid: true,
		},
		y: { type: 'identity', axis: null },
		marks: [
			...Array.from({ length: Math.min(items.length, SERIES_COLOURS) }, (_, i) =>
				Plot.rectX(
					data.filter((d) => d.series === i + 1),
					{ x1: 0, x2: 'median', y1, y2, fill: `var(--fig-series-${i + 1})` },
				),
			),
			Plot.ruleY(data, { y: yMid, x1: 'min', x2: 'max', stroke: 'currentColor', strokeWidth: 1.5 }),
			Plot.text(headings, { x: 0, y: 'y', text: 'text', textAnchor: 'start', fontWeight: 700, ...HALO }),
			Plot.text(data, { x: 0, y: yText, text: 'short', textAnchor: 'start', ...HALO }),
			Plot.text(data, { x: 'max', y: yMid, text: 'note', textAnchor: 'start', dx: 6, ...HALO }),
			Plot.ruleX([0], { stroke: 'currentColor' }),
		],
	});
	const label =
		`Bar chart of wall time per approach and interpreter (${repeatsLabel(first)}): ` +
		data
			.map(
				(d) =>
					`${d.text}: ` +
					`${d.note.replace(' · ', ', ')}${d.note.includes('×') ? ' as fast as sequential on the same interpreter' : ''}`,
			)
			.join('; ') +
		'.';
	const what =
		options.caption ??
		`Wall time of examples/${first.example} on each interpreter: the bar is ` +
			`the median, the thin line spans the fastest to the slowest run, and × ` +
			`compares with ${first.baseline ?? 'the baseline'} on the same interpreter`;
	return {
		svg: finishSvg(plot, label, 'sl-chart-interpreters'),
		label,
		caption: `${what.trim().replace(/[.]?$/, '.')} ${environmentsLabel(items)}.`,
		table: { head: ['Approach, interpreter', 'Median', 'Range', 'Speedup'], rows: tableRows },
		legend: [],
	};
}
