/**
 * A learner's own timing report (what an example prints with `--json`, examples/timing-report.schema.json), read in
 * the browser: every way it can be wrong gets one clear sentence that says what to do, and nothing else happens.
 *
 * Browser-safe: no Node modules, only Zod. The Zod schema mirrors the JSON Schema field by field
 * (report.test.ts checks that the two agree, and that the examples' real reports pass both).
 */
import { z } from 'zod';

/** Files above this are refused before they are read (a whole example's report is well under 1 MB). */
export const REPORT_SIZE_LIMIT = 5 * 1024 * 1024;

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

/** What the page knows when it reads a report. */
export interface ReportContext {
	/** The page's example slug. */
	example: string;
	/** The report format version this site reads (the JSON Schema's `schema_version` const). */
	schemaVersion: number;
	/** The command that prints the example's report, e.g. `python3 compare.py --json`, for the messages. */
	command: string;
}

export type ProblemKind =
	| 'too-big'
	| 'empty'
	| 'not-json'
	| 'truncated'
	| 'not-a-report'
	| 'older-version'
	| 'newer-version'
	| 'other-example'
	| 'no-timelines';

export interface ReportProblem {
	kind: ProblemKind;
	/** One or two sentences for the alert: what is wrong, and what to do. */
	message: string;
}

export type ReadResult = { ok: true; report: TimingReport } | { ok: false; problem: ReportProblem };

function fail(kind: ProblemKind, message: string): ReadResult {
	return { ok: false, problem: { kind, message } };
}

function howTo(context: ReportContext): string {
	return `In examples/${context.example}, run ${context.command} > my-run.json and load my-run.json.`;
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Checked before reading a file: too big, or empty. Null when it may be read. */
export function checkFileSize(name: string, bytes: number, context: ReportContext): ReportProblem | null {
	if (bytes > REPORT_SIZE_LIMIT) {
		return {
			kind: 'too-big',
			message:
				`${name} is ${megabytes(bytes)}: this page reads reports up to ${megabytes(REPORT_SIZE_LIMIT)}, ` +
				`so it was not read. A report of this example is far smaller: ${howTo(context)}`,
		};
	}
	if (bytes === 0) return { kind: 'empty', message: `${name} is empty. ${howTo(context)}` };
	return null;
}

/**
 * Does this text stop in the middle of a JSON value (an open string, object or array at the end)? Then it was cut
 * off, e.g. a copy that missed its end or a run stopped while printing; otherwise it is something else than JSON.
 */
export function looksTruncated(text: string): boolean {
	const trimmed = text.trim();
	if (!/^[[{]/.test(trimmed)) return false;
	let depth = 0;
	let inString = false;
	for (let i = 0; i < trimmed.length; i++) {
		const c = trimmed[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') depth--;
	}
	return inString || depth > 0;
}

/** Every ok run in a report: itself and the variants it ran (a compare script's `runs`), depth first. */
export function runsOf(report: TimingReport): TimingReport[] {
	return [report, ...(report.runs ?? []).flatMap(runsOf)];
}

/** Reads a report for the page: the parsed report, or the one problem to tell the learner. */
export function readReport(text: string, context: ReportContext): ReadResult {
	if (text.trim() === '') return fail('empty', `The report is empty. ${howTo(context)}`);
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return looksTruncated(text)
			? fail(
					'truncated',
					`This report stops before its end (it was cut off, ${text.length.toLocaleString('en-US')} ` +
						`characters in), so nothing was read from it. ${howTo(context)}`,
				)
			: fail(
					'not-json',
					`This is not JSON (${(error as Error).message}). The page ` +
						`reads the JSON report an example prints: ${howTo(context)}`,
				);
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('schema_version' in raw)) {
		return fail('not-a-report', `This JSON is not a timing report (it has no schema_version). ${howTo(context)}`);
	}
	const version = (raw as { schema_version: unknown }).schema_version;
	if (typeof version === 'number' && version < context.schemaVersion) {
		return fail(
			'older-version',
			`This report has format version ${version}, older than the version ` +
				`${context.schemaVersion} this page reads: it comes from an older copy of the examples. ` +
				`Download the example again from this page and rerun it: ${howTo(context)}`,
		);
	}
	if (typeof version === 'number' && version > context.schemaVersion) {
		return fail(
			'newer-version',
			`This report has format version ${version}, newer than the version ${context.schemaVersion} ` +
				`this page reads: your examples are newer than this copy of the course. Use the course ` +
				`pages that came with them, or download this example again from this page and rerun it.`,
		);
	}
	const other = (raw as { example?: unknown }).example;
	if (typeof other === 'string' && other !== context.example) {
		return fail(
			'other-example',
			`This is a report of examples/${other}; this page compares ` +
				`examples/${context.example}. Load it on a lesson about ${other}, or: ${howTo(context)}`,
		);
	}
	const parsed = timingReportSchema.safeParse(exampleReportAsCompare(raw));
	if (!parsed.success) {
		const issues = parsed.error.issues
			.slice(0, 3)
			.map((issue) => `${issue.path.join('.') || 'the report'}: ${issue.message}`);
		return fail('not-a-report', `This is not a valid timing report (${issues.join('; ')}). ${howTo(context)}`);
	}
	const report = parsed.data;
	// A sweep's report draws from its rows; every other report needs a run that recorded its tasks.
	const runs = runsOf(report).filter((run) => run.status === 'ok');
	if (!runs.some((run) => run.tasks.length > 0 || (run.rows?.length ?? 0) > 0)) {
		const skipped = report.status === 'skipped' ? ` (it was skipped: ${report.skip_reason})` : '';
		return fail(
			'no-timelines',
			`This report has no timelines: none of its runs recorded a task${skipped}, so there is nothing to draw. ` +
				howTo(context),
		);
	}
	return { ok: true, report };
}

/**
 * The whole example's report (`reportCommand`, e.g. `compare.py all --json`) holds one report per script in
 * `reports`: read it as a compare script's report whose `runs` are those reports, so one reader serves both.
 */
export function exampleReportAsCompare(raw: object): unknown {
	const envelope = raw as { reports?: unknown; script?: unknown };
	if (envelope.script !== undefined || !Array.isArray(envelope.reports) || envelope.reports.length === 0) return raw;
	const reports = envelope.reports as Record<string, unknown>[];
	const first = reports[0]!;
	return {
		schema_version: (raw as { schema_version: unknown }).schema_version,
		example: (raw as { example: unknown }).example,
		script: 'compare.py',
		variant: 'compare',
		status: 'ok',
		skip_reason: null,
		environment: first.environment,
		parameters: {},
		// The envelope has no time of its own: the sum of its runs', as a compare script's would be about.
		elapsed_s: reports.reduce((sum, r) => sum + (typeof r.elapsed_s === 'number' ? r.elapsed_s : 0), 0),
		cpu_s: null,
		tasks: [],
		runs: reports,
		timestamp: first.timestamp,
	};
}
