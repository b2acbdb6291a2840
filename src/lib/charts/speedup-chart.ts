/** The speedup chart: one bar per variant (its median time), whiskers from min to max, the speedup at the end. */
import * as Plot from '@observablehq/plot';
import { formatRange, formatSeconds, formatSpeedup, repeatsLabel } from '../measurements/format.ts';
import { MeasurementError } from '../measurements/find.ts';
import { timedVariants } from '../measurements/results-table.ts';
import type { Measurement, OkVariant } from '../measurements/schema.ts';
import {
	CHART_WIDTH,
	HALO,
	figureCaption,
	finishSvg,
	fittedTicks,
	labelOf,
	marginForLastTick,
	plotDocument,
	secondsTick,
	textWidth,
	type ChartFigure,
} from './plot.ts';

export interface SpeedupChartOptions {
	/** Variants to show, in this order (default: every variant with role `variant`, in example order). */
	variants?: readonly string[];
	/** First sentence of the caption (default: says what the bars are). */
	caption?: string;
	/** The time axis reaches at least this far, in seconds: two charts on one scale (see {@link speedupAxisEnd}). */
	axisEnd?: number;
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

function bars(
	measurement: Measurement,
	options: SpeedupChartOptions,
): { variants: ReturnType<typeof timedVariants>; data: BarDatum[] } {
	const variants = timedVariants(measurement, options.variants);
	if (variants.length === 0)
		throw new MeasurementError(`example ${measurement.example} has no timed variants to chart`);
	const data: BarDatum[] = variants.map((v) => {
		if (v.status === 'skipped') {
			return {
				variant: v.variant,
				label: v.label,
				median: 0,
				min: 0,
				max: 0,
				note: 'skipped (see the table)',
				skipped: true,
			};
		}
		const note =
			v.variant === measurement.baseline
				? `${formatSeconds(v.elapsed_s.median)} (baseline)`
				: v.speedup !== null
					? `${formatSeconds(v.elapsed_s.median)} · ${formatSpeedup(v.speedup)}`
					: formatSeconds(v.elapsed_s.median);
		return {
			variant: v.variant,
			label: v.label,
			median: v.elapsed_s.median,
			min: v.elapsed_s.min,
			max: v.elapsed_s.max,
			note,
			skipped: false,
		};
	});
	return { variants, data };
}

const margin = { left: 20, right: 12, top: 4, bottom: 40 };
const plotWidth = CHART_WIDTH - margin.left - margin.right;

/** Right end of the time axis: the slowest run, plus room for the notes written after the bars. */
function naturalEnd(data: readonly BarDatum[]): number {
	const maxX = Math.max(...data.filter((d) => !d.skipped).map((d) => d.max), 1e-9);
	const noteWidth = Math.max(...data.map((d) => textWidth(d.note))) + 10;
	return maxX * (plotWidth / Math.max(plotWidth - noteWidth, plotWidth * 0.4));
}

/** The axis end this chart would have on its own: the larger of two charts' is the shared scale. */
export function speedupAxisEnd(measurement: Measurement, options: SpeedupChartOptions = {}): number {
	return naturalEnd(bars(measurement, options).data);
}

export function speedupChart(measurement: Measurement, options: SpeedupChartOptions = {}): ChartFigure {
	const { variants, data } = bars(measurement, options);
	const ran = data.filter((d) => !d.skipped);
	const domainMax = Math.max(options.axisEnd ?? 0, naturalEnd(data));
	const tickFormat = secondsTick(domainMax);
	const ticks = fittedTicks(domainMax, plotWidth, tickFormat, 4);
	const marginRight = marginForLastTick(ticks, domainMax, plotWidth, tickFormat, margin.right);
	const rowHeight = 46;
	const height = margin.top + margin.bottom + rowHeight * data.length;
	const ids = data.map((d) => d.variant);
	const y = (d: BarDatum) => d.variant;

	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height,
		marginLeft: margin.left,
		marginRight,
		marginTop: margin.top,
		marginBottom: margin.bottom,
		x: {
			domain: [0, domainMax],
			label: `Wall time (${repeatsLabel(measurement)}) →`,
			labelAnchor: 'left',
			labelOffset: 34,
			tickFormat,
			ticks,
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
			(measurement.baseline
				? `, and × says how many times faster than ${labelOf(measurement, measurement.baseline)}`
				: '');
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
