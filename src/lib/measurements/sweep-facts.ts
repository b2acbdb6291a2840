/**
 * What a sweep says, in numbers a sentence can quote: where an approach starts to beat the baseline (the
 * crossover) and its best speedup. The chart marks the same crossover, and `<SweepValue>` prints it, so the figure
 * and the text come from one computation over `measurements/<example>.json`.
 */
import { findOkVariant, MeasurementError } from './find.ts';
import type { Measurement, Row } from './schema.ts';

/** One point of one approach: x (e.g. task size) and its speedup over the baseline at that x. */
export interface SweepPoint {
	x: number;
	speedup: number;
}

export interface SweepFacts {
	/** The approach (row `variant`), e.g. "process-pool". */
	series: string;
	/** Its label in the rows, e.g. "Process pool". */
	label: string;
	/** Its points, by increasing x. */
	points: SweepPoint[];
	/** Smallest x from which it beat the baseline (speedup above 1) at every larger x of the sweep; null if never. */
	crossover: SweepPoint | null;
	/** Its highest speedup over the sweep, and where. */
	best: SweepPoint;
}

/** Smallest x from which every point, that one included, has a speedup above 1; null when the last one does not. */
export function crossoverOf(points: readonly SweepPoint[]): SweepPoint | null {
	const sorted = [...points].sort((a, b) => a.x - b.x);
	let found: SweepPoint | null = null;
	for (let i = sorted.length - 1; i >= 0; i--) {
		if (!(sorted[i]!.speedup > 1)) break;
		found = sorted[i]!;
	}
	return found;
}

/** Rows of a sweep variant that belong to one approach, as points (x field default `x`). */
export function sweepFacts(measurement: Measurement, variant: string, series: string, xField = 'x'): SweepFacts {
	const v = findOkVariant(measurement, variant);
	const rows = (v.rows ?? []).filter((row: Row) => row.variant === series);
	if (rows.length === 0) {
		const known = [...new Set((v.rows ?? []).map((row) => String(row.variant)))];
		throw new MeasurementError(
			`sweep "${variant}" of example ${measurement.example} has no ` +
				`rows for "${series}" (it has ${known.join(', ') || 'none'})`,
		);
	}
	const points = rows
		.map((row, i) => {
			const x = row[xField];
			const speedup = row.speedup;
			if (typeof x !== 'number' || typeof speedup !== 'number') {
				throw new MeasurementError(
					`row ${i} of "${series}" in sweep "${variant}" (example ` +
						`${measurement.example}) has no numeric "${xField}" and "speedup"`,
				);
			}
			return { x, speedup };
		})
		.sort((a, b) => a.x - b.x);
	const best = points.reduce((top, p) => (p.speedup > top.speedup ? p : top));
	const label = typeof rows[0]!.label === 'string' ? rows[0]!.label : series;
	return { series, label, points, crossover: crossoverOf(points), best };
}
