/**
 * How measured numbers are rounded and summarised (significant digits, medians, speedups), so that the measurement
 * files diff well and the schema's checks are exact.
 */

/** Significant digits kept for times (seconds) and other measured floats. */
export const TIME_DIGITS = 4;
/** Significant digits kept for speedups (baseline median / variant median). */
export const SPEEDUP_DIGITS = 3;

/** Rounds to `digits` significant digits (integers of that size or less are kept exact). */
export function roundSig(value: number, digits: number = TIME_DIGITS): number {
	if (!Number.isFinite(value) || value === 0) return value;
	if (Number.isInteger(value) && Math.abs(value) < 10 ** digits) return value;
	const magnitude = Math.floor(Math.log10(Math.abs(value)));
	const factor = 10 ** (digits - 1 - magnitude);
	// Dividing by an integer factor (rather than multiplying by a fraction) gives the shortest decimal form.
	return factor >= 1 ? Math.round(value * factor) / factor : Math.round(value * factor) * (1 / factor);
}

/** Median of a non-empty list (mean of the two middle values when the count is even). */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new Error('median of an empty list');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Speedup of a variant over the baseline, from their medians, rounded as stored. */
export function speedupOf(baselineMedian: number, variantMedian: number): number | null {
	if (!(variantMedian > 0) || !(baselineMedian > 0)) return null;
	return roundSig(baselineMedian / variantMedian, SPEEDUP_DIGITS);
}
