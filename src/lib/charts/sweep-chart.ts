/** The sweep chart: a time or speedup against a size (log x), one line per approach, the crossover marked. */
import * as Plot from '@observablehq/plot';
import { formatSeconds, formatSpeedup, repeatsLabel } from '../measurements/format.ts';
import { findOkVariant, MeasurementError } from '../measurements/find.ts';
import type { Measurement, Row } from '../measurements/schema.ts';
import { sweepFacts } from '../measurements/sweep-facts.ts';
import {
	CHART_WIDTH,
	HALO,
	SERIES_COLOURS,
	figureCaption,
	finishSvg,
	labelOf,
	plotDocument,
	secondsTick,
	tickLabelWidth,
	type ChartFigure,
} from './plot.ts';
import { crossoverInRightHalf, decades, formatTick, logSecondsTick, niceLog } from './log-axis.ts';

const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star'] as const;
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'] as const;

/** "1000000" as "1,000,000" (and "1M" on an axis). */
function formatX(value: number): string {
	return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

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
	/** Ends of a log y axis (speedups or log times), to draw two runs on one scale: the union of their `yDomain`s. */
	yDomain?: [number, number];
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
		throw new MeasurementError(
			`variant "${variant}" of example ${measurement.example} has no rows to draw a sweep from`,
		);
	}
	const allPoints: SweepPoint[] = v.rows.map((row: Row, i) => {
		const x = row[xField];
		const y = row[yField];
		if (typeof x !== 'number' || typeof y !== 'number') {
			throw new MeasurementError(
				`row ${i} of variant "${variant}" (example ${measurement.example}) has no ` +
					`numeric "${xField}" and "${yField}" (fields: ${Object.keys(row).join(', ')})`,
			);
		}
		return {
			series: String(row.variant),
			label: typeof row.label === 'string' ? row.label : String(row.variant),
			x,
			y,
		};
	});
	const baselineId = ratio ? measurement.baseline : null;
	if (ratio && !baselineId)
		throw new MeasurementError(`sweep "${variant}": a speedup chart needs the example to have a baseline`);
	const points = ratio ? allPoints.filter((p) => p.series !== baselineId) : allPoints;
	const baselineLabel = ratio
		? (allPoints.find((p) => p.series === baselineId)?.label ?? labelOf(measurement, baselineId!))
		: '';
	const series = [...new Set(points.map((p) => p.series))];
	if (series.length > SERIES_COLOURS)
		throw new MeasurementError(`a sweep chart shows at most ${SERIES_COLOURS} series; ${variant} has ${series.length}`);
	const seriesLabel = new Map(points.map((p) => [p.series, p.label]));
	const colours = series.map((_, i) => `var(--fig-series-${i + (ratio ? 2 : 1)})`);
	const ys = points.map((p) => p.y).filter((y) => y > 0);
	const yScale = ratio
		? 'log'
		: (options.yScale ?? (ys.length && Math.max(...ys) / Math.min(...ys) > 100 ? 'log' : 'linear'));
	if (points.some((p) => p.x <= 0))
		throw new MeasurementError(`sweep "${variant}": the x axis is logarithmic, so every ${xField} must be above 0`);
	if (yScale === 'log' && points.some((p) => p.y <= 0))
		throw new MeasurementError(`sweep "${variant}": a log y axis needs every ${yField} above 0`);
	const maxY = Math.max(...points.map((p) => p.y));
	const xs = points.map((p) => p.x);
	const xLabel = options.xLabel ?? xField.replaceAll('_', ' ');
	const yLabel = options.yLabel ?? (ratio ? `Speedup over the ${baselineLabel.toLowerCase()}` : 'Wall time');
	const marked = ratio && options.mark ? sweepFacts(measurement, variant, options.mark, xField) : null;
	if (marked && !series.includes(options.mark!))
		throw new MeasurementError(`sweep "${variant}": cannot mark "${options.mark}", it is not one of the lines`);

	// A speedup axis: log (0.1× and 10× are equally far from 1×), from the decade below the data to a bit above it.
	const ratioDomain: [number, number] = options.yDomain ?? [
		10 ** Math.floor(Math.log10(Math.min(...ys, 1))),
		Math.max(...ys, 1) * 1.6,
	];
	const ratioTicks = [0.001, 0.01, 0.1, 1, 2, 10, 100].filter((t) => t >= ratioDomain[0] && t <= ratioDomain[1]);
	const logDomain = options.yDomain ?? niceLog(ys);
	const yAxis = ratio
		? { domain: ratioDomain, ticks: ratioTicks, tickFormat: (t: number) => `${+t}×` }
		: yScale === 'log'
			? { domain: logDomain, ticks: decades(logDomain), tickFormat: yField.endsWith('_s') ? logSecondsTick : '~s' }
			: { ticks: 5, tickFormat: yField.endsWith('_s') ? secondsTick(maxY) : '~s' };
	const crossover = marked?.crossover ?? null;
	// Room for the widest y tick label, right-aligned 9 units left of the axis (tick and padding).
	const { ticks: yTicks, tickFormat: yFormat } = yAxis;
	const yTickLabels: string[] =
		Array.isArray(yTicks) && typeof yFormat === 'function' ? yTicks.map((t) => yFormat(t)) : [];
	const marginLeft = Math.max(ratio ? 44 : 62, ...yTickLabels.map((text) => Math.ceil(tickLabelWidth(text) - 10 + 13)));

	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height: 340,
		marginLeft,
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
						Plot.text([`1× = as fast as the ${baselineLabel.toLowerCase()}`], {
							frameAnchor: 'left',
							y: 1,
							dx: 14,
							dy: -9,
							textAnchor: 'start',
							...HALO,
						}),
					]
				: []),
			...(crossover
				? [
						Plot.ruleX([crossover.x], { stroke: 'currentColor', strokeDasharray: '4 3', strokeWidth: 1.25 }),
						Plot.text([`${marked!.label.replace(/ \(.*\)$/, '')} faster from ${formatTick(crossover.x)}`], {
							x: crossover.x,
							frameAnchor: 'top',
							dy: 4,
							// Left of the line when the crossover sits in the right half of the axis, else right of it,
							// so the label stays inside the chart.
							...(crossoverInRightHalf(crossover.x, niceLog(xs))
								? { dx: -6, textAnchor: 'end' as const }
								: { dx: 6, textAnchor: 'start' as const }),
							fontWeight: 600,
							...HALO,
						}),
					]
				: []),
			...series.map((id, i) =>
				Plot.lineY(
					points.filter((p) => p.series === id),
					{
						x: 'x',
						y: 'y',
						stroke: colours[i],
						strokeWidth: 2,
						strokeDasharray: DASHES[i + (ratio ? 1 : 0)] || undefined,
					},
				),
			),
			Plot.dot(points, {
				x: 'x',
				y: 'y',
				stroke: 'series',
				symbol: 'series',
				fill: 'var(--fig-bg)',
				strokeWidth: 1.75,
				r: 4,
			}),
		],
	});

	const xValues = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
	const fmtY = (y: number) => (ratio ? formatSpeedup(y) : yField.endsWith('_s') ? formatSeconds(y) : String(y));
	const xWords = lowerFirst(xLabel);
	const scaleWords = ratio || yScale === 'log' ? 'log scale on both axes' : 'log scale on x';
	const label =
		`Line chart of ${lowerFirst(yLabel)} against ${xWords} (${scaleWords}) ` +
		`for ${series.length} approach${series.length === 1 ? '' : 'es'}` +
		(ratio ? `; a line at 1× marks the ${baselineLabel.toLowerCase()}` : '') +
		': ' +
		series
			.map((id) => {
				const own = points.filter((p) => p.series === id).sort((a, b) => a.x - b.x);
				const first = own[0]!;
				const last = own[own.length - 1]!;
				return (
					`${seriesLabel.get(id)} from ${fmtY(first.y)} at ` +
					`${formatX(first.x)} to ${fmtY(last.y)} at ${formatX(last.x)}`
				);
			})
			.join('; ') +
		(crossover
			? `. ${marked!.label} beat the ${baselineLabel.toLowerCase()} from ` +
				`${formatX(crossover.x)} on (${formatSpeedup(crossover.speedup)} there)`
			: '') +
		'.';
	const what =
		options.caption ??
		`${yLabel} against ${xWords} for each approach of ${v.script} ` +
			`(${repeatsLabel(measurement)} per point; ${scaleWords})` +
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
		legend: series.map((id, i) => ({
			label: seriesLabel.get(id)!,
			className: `fig-series-${i + (ratio ? 2 : 1)}`,
			symbol: SYMBOLS[i]!,
		})),
		yDomain: ratio ? ratioDomain : yScale === 'log' ? logDomain : undefined,
	};
}

/** "Task size" as "task size" inside a sentence; "CPU time" stays as it is. */
function lowerFirst(text: string): string {
	return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
