/**
 * Draws a figure from a spec with the chart functions the build uses (one source): in the browser, Observable Plot
 * renders into the page's own document. Ours and the learner's are drawn on one scale: the longer of the two axes.
 */
import type { ChartFigure } from '../charts/plot.ts';
import { replayFigure } from '../charts/replay.ts';
import { speedupAxisEnd, speedupChart } from '../charts/speedup-chart.ts';
import { sweepChart } from '../charts/sweep-chart.ts';
import { timelineAxisEnd, timelineChart } from '../charts/timeline-chart.ts';
import type { Measurement } from '../measurements/schema.ts';
import type { ChartSpec } from './chart-spec.ts';

/** The spec restricted to what a measurement has, or the sentence that says why it cannot be drawn. */
export function fitSpec(m: Measurement, spec: ChartSpec): ChartSpec | string {
	const ok = (id: string) => m.variants.find((v) => v.variant === id && v.status === 'ok');
	const timed = (id: string) => {
		const v = ok(id);
		return v?.status === 'ok' && v.timeline !== null;
	};
	switch (spec.kind) {
		case 'speedup': {
			const variants = (spec.variants ?? m.variants.filter((v) => v.role === 'variant').map((v) => v.variant)).filter(
				(id) => m.variants.some((v) => v.variant === id),
			);
			return variants.some(ok)
				? { kind: 'speedup', variants }
				: `Your report has none of the runs this chart shows (${(spec.variants ?? []).join(', ') || 'its variants'}).`;
		}
		case 'timeline':
			return timed(spec.variant)
				? { kind: 'timeline', variant: spec.variant, sameAxisAs: (spec.sameAxisAs ?? []).filter(timed) }
				: `Your report has no timeline of ${spec.variant}: run the whole example (or ${spec.variant}) with --json.`;
		case 'replay': {
			const variants = spec.variants.filter(timed);
			return variants.length
				? { kind: 'replay', variants }
				: `Your report has no timeline of ${spec.variants.join(' or ')}.`;
		}
		case 'sweep': {
			const v = ok(spec.variant);
			return v?.status === 'ok' && v.rows?.length ? spec : `Your report has no sweep (${spec.variant}) to draw.`;
		}
	}
}

/** Right end of the time axis this spec needs for this measurement (null: the chart has no time axis to share). */
export function axisEnd(m: Measurement, spec: ChartSpec): number | null {
	if (spec.kind === 'timeline') return timelineAxisEnd(m, [spec.variant, ...(spec.sameAxisAs ?? [])]);
	if (spec.kind === 'replay') return timelineAxisEnd(m, spec.variants);
	if (spec.kind === 'speedup') return speedupAxisEnd(m, { variants: spec.variants });
	return null;
}

/**
 * The figure of a spec; `axis` (seconds) stretches the time axis to a shared end; `caption` is its first sentence;
 * `yDomain` sets a sweep's log y axis (the union of two runs' `yDomain`s puts them on one scale).
 */
export function drawSpec(
	m: Measurement,
	spec: ChartSpec,
	axis?: number,
	caption?: string,
	yDomain?: [number, number],
): ChartFigure {
	switch (spec.kind) {
		case 'speedup':
			return speedupChart(m, { variants: spec.variants, caption, axisEnd: axis });
		case 'timeline':
			return timelineChart(m, spec.variant, { sameAxisAs: spec.sameAxisAs, caption, axisEnd: axis });
		case 'replay':
			return replayFigure(m, spec.variants, caption, { axisEnd: axis });
		case 'sweep':
			return sweepChart(m, spec.variant, { ...spec.options, caption, yDomain });
	}
}

/** One log y scale for two sweep figures: from the lower of their bottoms to the higher of their tops. */
export function sharedYDomain(a: ChartFigure, b: ChartFigure): [number, number] | undefined {
	if (!a.yDomain || !b.yDomain) return undefined;
	return [Math.min(a.yDomain[0], b.yDomain[0]), Math.max(a.yDomain[1], b.yDomain[1])];
}
