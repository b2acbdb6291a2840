/**
 * A replay of measured runs at their real speed: the committed timelines of several variants, drawn at build time
 * on one time axis (one SVG), with what CSS needs to animate them: every task bar carries its start and duration as
 * custom properties (`--t0`, `--d`), the playhead the run length (`--run`) and the distance to travel (`--w`).
 * figures.css does the animation when the figure gets the class `is-playing`; without it, the SVG is the finished
 * picture, which is also what readers who ask for reduced motion see.
 */
import * as Plot from '@observablehq/plot';
import {
	CHART_WIDTH,
	HALO,
	figureCaption,
	finishSvg,
	fittedTicks,
	marginForLastTick,
	plotDocument,
	secondsTick,
	textWidth,
	type ChartFigure,
} from './plot.ts';
import { inFlightText, timelineAxisEnd, workersOf } from './timeline-chart.ts';
import { formatSeconds, formatSpeedup } from '../measurements/format.ts';
import { findOkVariant, MeasurementError } from '../measurements/find.ts';
import type { Measurement, Task } from '../measurements/schema.ts';

export interface ReplayFigure extends ChartFigure {
	/** Seconds the replay lasts: the longest of the runs. */
	duration: number;
	/** Variants replayed, with their labels and wall times, for the button and the live announcement. */
	runs: Array<{ variant: string; label: string; elapsed: number }>;
}

/** Rows of the chart in SVG units: a heading line per run, then one lane per worker. */
const HEADER = 18;
const GROUP_GAP = 12;
const MARGIN = { top: 4, bottom: 40, left: 20, right: 14 } as const;

function laneHeight(workers: number): number {
	return workers <= 4 ? 14 : workers <= 16 ? 8 : Math.max(2.5, 120 / workers);
}

interface Bar {
	variant: string;
	y1: number;
	y2: number;
	start: number;
	end: number;
}

/** `axisEnd`: the time axis reaches at least this far, in seconds (a learner's run and ours on one scale). */
export function replayFigure(
	measurement: Measurement,
	variants: readonly string[],
	caption?: string,
	options: { axisEnd?: number } = {},
): ReplayFigure {
	if (variants.length < 1) throw new MeasurementError('a replay needs at least one variant');
	const end = Math.max(options.axisEnd ?? 0, timelineAxisEnd(measurement, variants));
	const tickFormat = secondsTick(end);
	const ticks = fittedTicks(end, CHART_WIDTH - MARGIN.left - MARGIN.right, tickFormat);
	const marginRight = marginForLastTick(ticks, end, CHART_WIDTH - MARGIN.left - MARGIN.right, tickFormat, MARGIN.right);
	const plotWidth = CHART_WIDTH - MARGIN.left - marginRight;
	const bars: Bar[] = [];
	const headers: Array<{ y: number; text: string }> = [];
	const finishes: Array<{ y: number; x: number; text: string; anchor: 'start' | 'end' }> = [];
	const runs: ReplayFigure['runs'] = [];
	let y = 0;
	for (const id of variants) {
		const v = findOkVariant(measurement, id);
		const timeline = v.timeline!; // timelineAxisEnd has checked it
		const workers = workersOf(timeline.tasks);
		const lane = laneHeight(workers.length);
		const gap = lane >= 8 ? 2 : 0.5;
		headers.push({ y: y + HEADER - 5, text: v.label });
		y += HEADER;
		for (const task of timeline.tasks as Task[]) {
			const row = workers.indexOf(task.worker);
			bars.push({
				variant: id,
				y1: y + row * lane + gap / 2,
				y2: y + (row + 1) * lane - gap / 2,
				start: task.start_s,
				end: task.end_s,
			});
		}
		const done = `done in ${formatSeconds(timeline.elapsed_s)}`;
		// The "done" note goes right after the run's last bar, mid-lanes, when it fits; else at the end of its heading.
		const after = (timeline.elapsed_s / end) * plotWidth + 6 + textWidth(done) < plotWidth;
		const middle = y + (workers.length * lane) / 2;
		finishes.push(
			after
				? { y: middle, x: timeline.elapsed_s, text: done, anchor: 'start' }
				: { y: headers.at(-1)!.y, x: end, text: done, anchor: 'end' },
		);
		runs.push({ variant: id, label: v.label, elapsed: timeline.elapsed_s });
		y += workers.length * lane + GROUP_GAP;
	}
	const height = y - GROUP_GAP;
	const pixel = end / plotWidth;

	const plot = Plot.plot({
		document: plotDocument(),
		width: CHART_WIDTH,
		height: height + MARGIN.top + MARGIN.bottom,
		marginLeft: MARGIN.left,
		marginRight,
		marginTop: MARGIN.top,
		marginBottom: MARGIN.bottom,
		x: {
			domain: [0, end],
			label: 'Time since the run started →',
			labelAnchor: 'left',
			labelOffset: 34,
			tickFormat,
			ticks,
			grid: true,
		},
		y: { domain: [0, height], range: [MARGIN.top, MARGIN.top + height], axis: null },
		marks: [
			Plot.rectX(bars, {
				x1: 'start',
				x2: (b: Bar) => Math.max(b.end, b.start + pixel),
				y1: 'y1',
				y2: 'y2',
				fill: 'var(--fig-bar)',
				className: 'replay-tasks',
			}),
			Plot.text(headers, {
				x: 0,
				y: 'y',
				text: 'text',
				textAnchor: 'start',
				fontWeight: 600,
				className: 'replay-label',
				...HALO,
			}),
			...(['start', 'end'] as const).map((anchor) =>
				Plot.text(
					finishes.filter((f) => f.anchor === anchor),
					{
						x: 'x',
						y: 'y',
						text: 'text',
						textAnchor: anchor,
						dx: anchor === 'start' ? 6 : 0,
						className: 'replay-done',
						...HALO,
					},
				),
			),
			Plot.ruleX([0], { y1: 0, y2: height, stroke: 'currentColor', strokeWidth: 2, className: 'replay-head' }),
			Plot.ruleX([0], { stroke: 'currentColor' }),
		],
	});

	// Animation timing, as custom properties read by figures.css.
	const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg')!;
	svg.querySelectorAll('.replay-tasks rect').forEach((rect, i) => {
		const bar = bars[i]!;
		rect.setAttribute('style', `--t0:${round(bar.start)}s;--d:${round(Math.max(bar.end - bar.start, 0.001))}s`);
	});
	const doneIn = (['start', 'end'] as const).flatMap((anchor) => finishes.filter((f) => f.anchor === anchor));
	const finishedAt = new Map(runs.map((r, i) => [finishes[i]!, r.elapsed]));
	svg
		.querySelectorAll('.replay-done text')
		.forEach((text, i) => text.setAttribute('style', `--t0:${round(finishedAt.get(doneIn[i]!)!)}s`));
	const head = svg.querySelector('.replay-head');
	head?.setAttribute('style', `--run:${round(end)}s;--w:${round(plotWidth)}`);

	const [first, ...others] = runs;
	const baseline = measurement.baseline ? runs.find((r) => r.variant === measurement.baseline) : undefined;
	const label =
		`Replay of ${runs.length} measured run${runs.length === 1 ? '' : 's'} on one time axis: ` +
		runs
			.map((r) => {
				const v = findOkVariant(measurement, r.variant);
				const speed = baseline && r !== baseline && v.speedup !== null ? `, ${formatSpeedup(v.speedup)} as fast` : '';
				return `${r.label} took ${formatSeconds(r.elapsed)} with ${v.timeline!.tasks.length} tasks, ${inFlightText(measurement, v)} in flight on average${speed}`;
			})
			.join('; ') +
		'.';
	const what =
		caption ??
		`Measured runs of ${[first!, ...others].map((r) => findOkVariant(measurement, r.variant).script).join(' and ')} on one time axis: ` +
			`one lane per worker, one bar per task, from the run closest to the median of each. Play replays them at their real speed`;
	return {
		svg: finishSvg(plot, label, 'sl-chart-timeline sl-chart-replay'),
		label,
		caption: figureCaption(measurement, what),
		table: {
			head: ['Approach', 'Tasks', 'Workers', 'Wall time'],
			rows: runs.map((r) => {
				const timeline = findOkVariant(measurement, r.variant).timeline!;
				return [
					r.label,
					String(timeline.tasks.length),
					String(workersOf(timeline.tasks).length),
					formatSeconds(r.elapsed),
				];
			}),
		},
		legend: [],
		duration: end,
		runs,
	};
}

function round(value: number): number {
	return +value.toFixed(4);
}
