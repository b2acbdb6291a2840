/** One measured number for a sentence (`<MeasuredValue>`): which value of which variant, and how to write it. */
import { formatNumber, formatPercent, formatSeconds, formatSpeedup } from './format.ts';
import { findVariant, MeasurementError } from './find.ts';
import type { Measurement } from './schema.ts';

/** What `<MeasuredValue value="...">` can show. */
export type ValueSpec = 'elapsed' | 'min' | 'max' | 'cpu' | 'speedup' | `metric:${string}` | `parameter:${string}`;
/** How to write it: default picks by kind (seconds for times, × for speedups, % for metrics named *_fraction). */
export type ValueFormat = 'auto' | 'seconds' | 'speedup' | 'percent' | 'number';

/**
 * One measured number, formatted for a sentence: `elapsed` (median wall time), `min`, `max`, `cpu` (median CPU
 * time), `speedup` (vs the baseline), `metric:NAME` (median of a metric), `parameter:NAME` (an input of the run).
 * Throws a {@link MeasurementError} for a skipped variant, an unknown metric or parameter, or a missing speedup.
 */
export function measuredValue(
	measurement: Measurement,
	variant: string,
	spec: ValueSpec,
	format: ValueFormat = 'auto',
): { text: string; value: number | string | boolean } {
	const where = `<MeasuredValue example="${measurement.example}" variant="${variant}" value="${spec}">`;
	const v = findVariant(measurement, variant);
	if (spec.startsWith('parameter:')) {
		const name = spec.slice('parameter:'.length);
		if (!(name in v.parameters)) {
			throw new MeasurementError(
				`${where}: no parameter "${name}" (it has ${Object.keys(v.parameters).join(', ') || 'none'})`,
			);
		}
		const value = v.parameters[name]!;
		return {
			value,
			text: typeof value === 'number' ? applyFormat(value, format === 'auto' ? 'number' : format) : String(value),
		};
	}
	if (v.status !== 'ok')
		throw new MeasurementError(
			`${where}: the variant was skipped when measured (${v.skip_reason}), so it has no numbers`,
		);
	let value: number;
	let auto: Exclude<ValueFormat, 'auto'>;
	if (spec === 'elapsed' || spec === 'min' || spec === 'max') {
		value = v.elapsed_s[spec === 'elapsed' ? 'median' : spec];
		auto = 'seconds';
	} else if (spec === 'cpu') {
		if (!v.cpu_s) throw new MeasurementError(`${where}: the script reported no CPU time`);
		value = v.cpu_s.median;
		auto = 'seconds';
	} else if (spec === 'speedup') {
		if (v.speedup === null)
			throw new MeasurementError(`${where}: no speedup (the example has no baseline, or this is not a timed variant)`);
		value = v.speedup;
		auto = 'speedup';
	} else if (spec.startsWith('metric:')) {
		const name = spec.slice('metric:'.length);
		if (!(name in v.metrics))
			throw new MeasurementError(
				`${where}: no metric "${name}" (it has ${Object.keys(v.metrics).join(', ') || 'none'})`,
			);
		value = v.metrics[name]!;
		auto = name.endsWith('_fraction') ? 'percent' : name.endsWith('_s') ? 'seconds' : 'number';
	} else {
		throw new MeasurementError(
			`${where}: value must be elapsed, min, max, cpu, speedup, metric:NAME or parameter:NAME`,
		);
	}
	return { value, text: applyFormat(value, format === 'auto' ? auto : format) };
}

function applyFormat(value: number, format: Exclude<ValueFormat, 'auto'>): string {
	switch (format) {
		case 'seconds':
			return formatSeconds(value);
		case 'speedup':
			return formatSpeedup(value);
		case 'percent':
			return formatPercent(value);
		case 'number':
			return formatNumber(value);
	}
}
