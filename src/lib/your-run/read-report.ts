/**
 * A learner's own timing report read in the browser: every way it can be wrong gets one clear sentence that says
 * what to do, and nothing else happens. The report's shape is report-schema.ts.
 *
 * Browser-safe: no Node modules.
 */
import { runsOf, timingReportSchema, type TimingReport } from './report-schema.ts';

/** Files above this are refused before they are read (a whole example's report is well under 1 MB). */
export const REPORT_SIZE_LIMIT = 5 * 1024 * 1024;

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
