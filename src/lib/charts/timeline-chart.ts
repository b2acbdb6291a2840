/** The timeline chart: one row per worker, one bar per task of the measured run closest to the median. */
import * as Plot from '@observablehq/plot';
import { formatSeconds } from '../measurements/format.ts';
import { findOkVariant, MeasurementError } from '../measurements/find.ts';
import { measuredValue } from '../measurements/measured-value.ts';
import type { Measurement, OkVariant, Task } from '../measurements/schema.ts';
import {
	CHART_WIDTH,
	figureCaption,
	finishSvg,
	fittedTicks,
	marginForLastTick,
	plotDocument,
	secondsTick,
	tickLabelWidth,
	type ChartFigure,
} from './plot.ts';
import { labelWithName, workerLabels } from './worker-labels.ts';

export interface TimelineChartOptions {
	/** First sentence of the caption (default: says what the rows and bars are). */
	caption?: string;
	/** The time axis reaches at least this far, in seconds: a learner's run and ours on one scale. */
	axisEnd?: number;
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
			if (!timeline)
				throw new MeasurementError(
					`variant "${id}" of example ${measurement.example} has no timeline to share an axis with`,
				);
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
	if ('mean_in_flight' in variant.metrics)
		return measuredValue(measurement, variant.variant, 'metric:mean_in_flight').text;
	const timeline = variant.timeline;
	return timeline ? measuredValueText(meanInFlight(timeline.tasks, timeline.elapsed_s)) : '0';
}

/** Same rule as MeasuredValue's numbers: integers as they are, others to three significant digits. */
function measuredValueText(value: number): string {
	return Number.isInteger(value) ? String(value) : String(+value.toPrecision(3));
}

/** Row labels closer than this (SVG units; the font is 12) would touch: every 2nd, 5th... row is named instead. */
const LABEL_SPACING = 14;

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

/** Name every row, or every 2nd, 5th, 10th... when rows are too thin for a label each. */
export function labelEvery(rowHeight: number): number {
	for (let power = 1; ; power *= 10) {
		for (const step of [1, 2, 5]) if (step * power * rowHeight >= LABEL_SPACING) return step * power;
	}
}

export function timelineChart(
	measurement: Measurement,
	variant: string,
	options: TimelineChartOptions = {},
): ChartFigure {
	const v = findOkVariant(measurement, variant);
	if (!v.timeline) {
		throw new MeasurementError(
			v.task_count === 0
				? `variant "${variant}" of example ${measurement.example} recorded no tasks, so it has no timeline`
				: `variant "${variant}" of example ${measurement.example} recorded ` +
						`${v.task_count} tasks: too many to draw, so the measurement keeps no timeline`,
		);
	}
	const { tasks, elapsed_s: elapsed } = v.timeline;
	const workers = workersOf(tasks);
	const labels = workerLabels(workers);
	const labelOf = new Map(workers.map((w, i) => [w, labels[i]!]));
	const rowHeight =
		workers.length <= 4 ? 26 : workers.length <= 16 ? 20 : Math.max(6, Math.min(14, 360 / workers.length));
	// Thin rows keep a label on every n-th row, and the axis says so.
	const every = labelEvery(rowHeight);
	const shown = new Set(workers.filter((_, i) => i % every === 0));
	const marginLeft = Math.max(...[...shown].map((w) => tickLabelWidth(labelOf.get(w)!))) + 4;
	const rowsTitle = every > 1 ? `↓ One row per worker, every ${ordinal(every)} named` : null;
	const margin = { top: rowsTitle ? 24 : 8, bottom: 42 };
	const height = margin.top + margin.bottom + rowHeight * workers.length;
	const domainMax = Math.max(
		options.axisEnd ?? 0,
		timelineAxisEnd(measurement, [variant, ...(options.sameAxisAs ?? [])]),
	);
	const tickFormat = secondsTick(domainMax);
	const ticks = fittedTicks(domainMax, CHART_WIDTH - marginLeft - 12, tickFormat);
	const marginRight = marginForLastTick(ticks, domainMax, CHART_WIDTH - marginLeft - 12, tickFormat, 12);
	// A task shorter than a pixel is still drawn one pixel wide, so no task disappears.
	const pixel = domainMax / (CHART_WIDTH - marginLeft - marginRight);

	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height,
		marginLeft,
		marginRight,
		marginTop: margin.top,
		marginBottom: margin.bottom,
		x: {
			domain: [0, domainMax],
			label: 'Time since the run started →',
			labelAnchor: 'left',
			labelOffset: 36,
			tickFormat,
			ticks,
			grid: true,
		},
		y: {
			domain: workers,
			label: rowsTitle,
			labelAnchor: 'top',
			labelArrow: 'none',
			ticks: [...shown],
			tickFormat: (w: string) => labelOf.get(w) ?? w,
			tickSize: 0,
			axis: 'left',
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
		`Timeline of ${v.label}: ${tasks.length} ${tasksWord(String(tasks.length))} ` +
		`on ${workers.length} ${workerWord} over ${formatSeconds(elapsed)}; ` +
		`on average ${inFlight} ${tasksWord(inFlight)} ran at once.`;
	const what =
		options.caption ??
		`When each task of ${v.script} ran: one row per ` +
			`worker${every > 1 ? ` (${workers.length} rows)` : ''}, one bar per task, ` +
			`in the run closest to the median (${formatSeconds(elapsed)}); ` +
			`on average ${inFlight} ${tasksWord(inFlight)} were in flight` +
			(shared
				? `. The time axis runs to ${formatSeconds(domainMax)}, as in the other timelines of this page, so lengths compare`
				: '');
	return {
		svg: finishSvg(plot, label, 'sl-chart-timeline'),
		label,
		caption: figureCaption(measurement, what),
		table: {
			head: ['Task', 'Worker', 'Start', 'End', 'Duration'],
			rows: [...tasks]
				.sort((a, b) => a.id - b.id)
				.map((t) => [
					String(t.id),
					labelWithName(labelOf.get(t.worker)!, t.worker),
					formatSeconds(t.start_s),
					formatSeconds(t.end_s),
					formatSeconds(t.end_s - t.start_s),
				]),
		},
		legend: [],
	};
}

/** 2 as "2nd", 5 as "5th", 10 as "10th". */
function ordinal(n: number): string {
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
}
