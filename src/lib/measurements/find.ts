/**
 * Finding a variant in a measurement, and the error every measurement module throws: no file access, so the chart
 * modules that use them also run in the browser (src/lib/your-run/). load.ts re-exports them.
 */
import type { MeasuredVariant, Measurement, OkVariant } from './schema.ts';

/** Thrown for a missing or invalid measurement, or an unknown variant; the message says what to do. */
export class MeasurementError extends Error {
	override name = 'MeasurementError';
}

/** The command that (re)makes the measurement of one example. */
export function measureCommand(slug: string): string {
	return `npm run measure -- --example ${slug}`;
}

/** The entry of one variant; throws a {@link MeasurementError} naming the variants there are. */
export function findVariant(measurement: Measurement, variant: string): MeasuredVariant {
	const found = measurement.variants.find((v) => v.variant === variant);
	if (!found) {
		throw new MeasurementError(
			`the measurement of example ${measurement.example} has no variant "${variant}" ` +
				`(it has ${measurement.variants.map((v) => v.variant).join(', ')}); ` +
				`if the example has it now, run ${measureCommand(measurement.example)}`,
		);
	}
	return found;
}

/** Like {@link findVariant}, but the variant must have run (a chart cannot show a skipped variant). */
export function findOkVariant(measurement: Measurement, variant: string): OkVariant {
	const found = findVariant(measurement, variant);
	if (found.status !== 'ok') {
		throw new MeasurementError(
			`variant "${variant}" of example ${measurement.example} was skipped ` +
				`when measured (${found.skip_reason}), so it has no numbers to show`,
		);
	}
	return found;
}
