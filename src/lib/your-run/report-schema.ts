/**
 * The shape of a learner's own timing report (what an example prints with `--json`,
 * examples/timing-report.schema.json): the Zod schema the page validates it with, and its types.
 *
 * Browser-safe: no Node modules, only Zod. The Zod schema mirrors the JSON Schema field by field
 * (report-schema.test.ts checks that the two agree on the fields, and on what they accept and reject).
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** Where the learner ran it: `environment` of the report. */
export const reportEnvironmentSchema = z.strictObject({
	/** e.g. `3.13.5`. */
	python_version: z.string().regex(/^[0-9]+\.[0-9]+\.[0-9]+/),
	/** e.g. `CPython`. */
	implementation: z.string().min(1),
	/** Whether the GIL was on during the run. */
	gil_enabled: z.boolean(),
	/** Whether the interpreter is a free-threaded build. */
	free_threaded_build: z.boolean(),
	/** `platform.system()`. */
	os: z.string(),
	/** `platform.platform()`. */
	platform: z.string(),
	/** `platform.machine()`. */
	machine: z.string(),
	/** CPUs the process could use, or null. */
	cpu_count: z.number().int().min(1).nullable(),
	/** multiprocessing start method, or null. */
	start_method: z.enum(['fork', 'forkserver', 'spawn']).nullable(),
});
export type ReportEnvironment = z.infer<typeof reportEnvironmentSchema>;

/** One unit of work; offsets in seconds from the start of the run. */
export const reportTaskSchema = z.strictObject({
	/** Task number. */
	id: z.number().int().min(0),
	/** Thread name, "pid 1234" or asyncio task name. */
	worker: z.string().min(1),
	/** When it started. */
	start_s: z.number().min(0),
	/** When it ended. */
	end_s: z.number().min(0),
});
export type ReportTask = z.infer<typeof reportTaskSchema>;

/** One report: a variant's run, or a compare/sweep script's with the variants it ran in `runs`. */
export interface TimingReport {
	schema_version: number;
	example: string;
	script: string;
	variant: string;
	status: 'ok' | 'skipped';
	skip_reason: string | null;
	environment: ReportEnvironment;
	parameters: Record<string, number | string | boolean>;
	elapsed_s: number | null;
	cpu_s: number | null;
	cpu_unmeasured_reason?: string;
	tasks: ReportTask[];
	metrics?: Record<string, number>;
	rows?: Array<Record<string, number | string | boolean | null>>;
	runs?: TimingReport[];
	note?: string;
	contention?: { others_cpu_share: number; busy: boolean };
	timestamp: string;
}

const reportObjectSchema = z.strictObject({
	/** Version of the report format: the page knows one (the JSON Schema's const). */
	schema_version: z.number().int(),
	/** Folder slug of the example. */
	example: slug,
	/** Script that printed it. */
	script: z.string().regex(/^[A-Za-z0-9_]+\.py$/),
	/** Variant id, as in example.json. */
	variant: slug,
	/** `ok`, or `skipped` with a reason. */
	status: z.enum(['ok', 'skipped']),
	/** Why it was skipped, or null. */
	skip_reason: z.string().nullable(),
	/** Where it ran. */
	environment: reportEnvironmentSchema,
	/** Inputs of the run. */
	parameters: z.record(z.string(), scalar),
	/** Wall time; null only when skipped. */
	elapsed_s: z.number().min(0).nullable(),
	/** CPU time of the main process; null when skipped or not measurable here. */
	cpu_s: z.number().min(0).nullable(),
	/** Why a run that happened has no CPU time (e.g. under Pyodide). */
	cpu_unmeasured_reason: z.string().min(1).optional(),
	/** Its tasks. */
	tasks: z.array(reportTaskSchema),
	/** Example-specific numbers. */
	metrics: z.record(z.string(), z.number()).optional(),
	/** Lines of a comparison or sweep table. */
	rows: z
		.array(
			z
				.record(z.string(), z.union([scalar, z.null()]))
				.refine((row) => typeof row.variant === 'string' && row.variant.length > 0, 'a row needs a "variant" string'),
		)
		.optional(),
	/** Reports of the variants a compare script ran. */
	runs: z.lazy(() => z.array(timingReportSchema)).optional(),
	/** A sentence that reads the result (example.json's note, filled in). */
	note: z.string().optional(),
	/** Linux: the share of the CPUs other programs used during the run; busy from a quarter on. */
	contention: z.strictObject({ others_cpu_share: z.number().min(0), busy: z.boolean() }).optional(),
	/** When it ran, UTC. */
	timestamp: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/),
});

/** The fields a report may have (the test compares them with the JSON Schema's). */
export const REPORT_FIELDS = Object.keys(reportObjectSchema.shape);

export const timingReportSchema: z.ZodType<TimingReport> = reportObjectSchema.superRefine((report, ctx) => {
	if (report.status === 'ok' && (report.skip_reason !== null || report.elapsed_s === null)) {
		ctx.addIssue({ code: 'custom', path: ['elapsed_s'], message: 'a run that happened has a time and no skip reason' });
	}
	if (
		report.status === 'skipped' &&
		(!report.skip_reason || report.elapsed_s !== null || report.cpu_s !== null || report.tasks.length > 0)
	) {
		ctx.addIssue({ code: 'custom', path: ['skip_reason'], message: 'a skipped run has a reason and no numbers' });
	}
}) as z.ZodType<TimingReport>;

/** Every ok run in a report: itself and the variants it ran (a compare script's `runs`), depth first. */
export function runsOf(report: TimingReport): TimingReport[] {
	return [report, ...(report.runs ?? []).flatMap(runsOf)];
}
