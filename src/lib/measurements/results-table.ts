/** The model of `<ResultsTable>`: one row per timed variant (time, range, speedup, CPU, metrics) and its caption. */
import {
	environmentLabel,
	formatCount,
	formatRange,
	formatSeconds,
	formatSpeedup,
	metricTitle,
	repeatsLabel,
} from './format.ts';
import { findVariant, MeasurementError } from './find.ts';
import type { MeasuredVariant, Measurement } from './schema.ts';

/** One line of a results table. */
export interface ResultRow {
	variant: string;
	label: string;
	status: 'ok' | 'skipped';
	/** Median wall time, e.g. "2.05 s"; null when skipped. */
	time: string | null;
	/** Median in seconds, for sorting or charts; null when skipped. */
	seconds: number | null;
	/** "1.98–2.10 s" over the runs; null when skipped or when there was a single run. */
	range: string | null;
	/** "9.8×" faster than the baseline; "baseline" on the baseline row; null when not applicable. */
	speedup: string | null;
	/** Median CPU time of the main process, e.g. "0.05 s"; null when unknown. */
	cpu: string | null;
	/** Requested metrics, formatted; null where a variant has no such metric. */
	metrics: Record<string, string | null>;
	/** Why it was skipped, or null. */
	skipReason: string | null;
}

/** Variants with a time to compare: role `variant` (compare and sweep scripts get their own figures). */
export function timedVariants(measurement: Measurement, only?: readonly string[]): MeasuredVariant[] {
	if (only) return only.map((id) => findVariant(measurement, id));
	return measurement.variants.filter((v) => v.role === 'variant');
}

/** Rows for `<ResultsTable>`: time, range and speedup per variant (skipped ones say why). */
export function resultRows(
	measurement: Measurement,
	options: { variants?: readonly string[]; metrics?: readonly string[] } = {},
): ResultRow[] {
	const metricNames = options.metrics ?? [];
	return timedVariants(measurement, options.variants).map((v) => {
		if (v.status === 'skipped') {
			return {
				variant: v.variant,
				label: v.label,
				status: 'skipped',
				time: null,
				seconds: null,
				range: null,
				speedup: null,
				cpu: null,
				metrics: Object.fromEntries(metricNames.map((name) => [name, null])),
				skipReason: v.skip_reason,
			};
		}
		for (const name of metricNames) {
			if (!measurement.variants.some((other) => other.status === 'ok' && name in other.metrics)) {
				throw new MeasurementError(`no variant of example ${measurement.example} has a metric "${name}"`);
			}
		}
		const { median: med, min, max, runs } = v.elapsed_s;
		return {
			variant: v.variant,
			label: v.label,
			status: 'ok',
			time: formatSeconds(med),
			seconds: med,
			range: runs.length > 1 ? formatRange(min, max) : null,
			speedup: v.variant === measurement.baseline ? 'baseline' : v.speedup === null ? null : formatSpeedup(v.speedup),
			cpu: v.cpu_s ? formatSeconds(v.cpu_s.median) : null,
			metrics: Object.fromEntries(
				metricNames.map((name) => [name, name in v.metrics ? formatCount(v.metrics[name]!) : null]),
			),
			skipReason: null,
		};
	});
}

/** Everything `<ResultsTable>` shows: caption, column headings, rows. */
export interface ResultsTableModel {
	caption: string;
	/** Column headings after "Approach". */
	columns: Array<{ key: 'time' | 'range' | 'speedup' | 'cpu' | `metric:${string}`; title: string }>;
	rows: ResultRow[];
}

export function resultsTable(
	measurement: Measurement,
	options: {
		variants?: readonly string[];
		metrics?: readonly string[];
		metricTitles?: Record<string, string>;
		range?: boolean;
		cpu?: boolean;
		caption?: string;
		/**
		 * Variants that simulate their waits (e.g. asyncio.sleep instead of the network): a real-network baseline is
		 * no fair yardstick for them, so they show their time and no speedup, and the caption says why.
		 */
		simulated?: readonly string[];
	} = {},
): ResultsTableModel {
	const simulated = new Set(options.simulated ?? []);
	for (const id of simulated) findVariant(measurement, id);
	const rows = resultRows(measurement, options).map((row) =>
		simulated.has(row.variant) && row.status === 'ok' ? { ...row, speedup: 'not compared' } : row,
	);
	const baselineLabel = measurement.baseline
		? (measurement.variants.find((v) => v.variant === measurement.baseline)?.label ?? measurement.baseline)
		: null;
	const columns: ResultsTableModel['columns'] = [{ key: 'time', title: 'Wall time' }];
	const notes = [
		measurement.repeats === 1 ? 'wall time is from a single run' : `wall time is the ${repeatsLabel(measurement)}`,
	];
	if (options.range && rows.some((r) => r.range !== null)) {
		columns.push({ key: 'range', title: 'Range' });
		notes.push('range goes from the fastest to the slowest run');
	}
	if (baselineLabel && rows.some((r) => r.speedup !== null)) {
		columns.push({ key: 'speedup', title: 'Speedup' });
		notes.push(`speedup says how many times faster than ${baselineLabel}`);
		if (simulated.size > 0) {
			const names = rows.filter((r) => simulated.has(r.variant)).map((r) => r.label);
			notes.push(
				`${names.join(' and ')} simulate${names.length === 1 ? 's' : ''} the network, so ` +
					`${names.length === 1 ? 'it is' : 'they are'} not compared with a baseline that waits for a real one`,
			);
		}
	}
	if (options.cpu) {
		columns.push({ key: 'cpu', title: 'CPU time' });
		notes.push('CPU time is that of the main process (time.process_time)');
	}
	for (const name of options.metrics ?? [])
		columns.push({ key: `metric:${name}`, title: options.metricTitles?.[name] ?? metricTitle(name) });
	const what = (options.caption ?? `Results of examples/${measurement.example}`).trim().replace(/[.]?$/, '.');
	const explained = notes.join('; ');
	return {
		caption: `${what} ${explained.charAt(0).toUpperCase()}${explained.slice(1)}. ${environmentLabel(measurement)}.`,
		columns,
		rows,
	};
}

/** The text of one cell of a {@link ResultsTableModel} row. */
export function resultCell(row: ResultRow, key: ResultsTableModel['columns'][number]['key']): string {
	if (key.startsWith('metric:')) return row.metrics[key.slice('metric:'.length)] ?? '';
	return row[key as 'time' | 'range' | 'speedup' | 'cpu'] ?? '';
}
