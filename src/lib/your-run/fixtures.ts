/** Made-up learner reports for the your-run unit tests (src/ may not import scripts/lib's report fixtures). */
import type { ExampleScript } from '../examples/metadata.ts';
import { ENVIRONMENT } from '../measurements/fixtures.ts';
import type { TimingReport } from './report.ts';

/** One script's report, as timing.py prints it with --json; `fields` override any part. */
export function report(
	slug: string,
	s: Pick<ExampleScript, 'file' | 'variant'>,
	fields: Partial<TimingReport> = {},
): TimingReport {
	return {
		schema_version: 1,
		example: slug,
		script: s.file,
		variant: s.variant,
		status: 'ok',
		skip_reason: null,
		environment: { ...ENVIRONMENT, start_method: null },
		parameters: { items: 8 },
		elapsed_s: 1,
		cpu_s: 0.01,
		tasks: [],
		timestamp: '2026-11-24T23:59:00Z',
		...fields,
	};
}
