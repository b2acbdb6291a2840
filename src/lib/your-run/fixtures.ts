/** Made-up learner reports for the your-run unit tests (src/ may not import scripts/lib's report fixtures). */
import type { ExampleScript } from '../examples/metadata.ts';
import { ENVIRONMENT, IO_SCRIPTS, tasks } from '../measurements/fixtures.ts';
import type { TimingReport } from './report-schema.ts';

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

/** A compare script's report of `io-demo`: the compare run with the variants it ran (sequential, threads) inside. */
export function compareReport(): TimingReport {
	const [sequential, threads] = IO_SCRIPTS as [(typeof IO_SCRIPTS)[0], (typeof IO_SCRIPTS)[0]];
	const seq = report('io-demo', sequential, { elapsed_s: 0.8, tasks: tasks(8, 1, 0.1, () => 'MainThread') });
	const thr = report('io-demo', threads, { elapsed_s: 0.2, tasks: tasks(8, 4, 0.1) });
	return { ...report('io-demo', { ...sequential, file: 'compare.py', variant: 'compare' }), runs: [seq, thr] };
}
