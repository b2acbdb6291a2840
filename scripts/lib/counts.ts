/**
 * Reads pass/fail/skip counts from each test runner's output, so `npm test` can print one closing line.
 */
import fs from 'node:fs';

export interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}

export const ZERO: Counts = { passed: 0, failed: 0, skipped: 0 };

export function add(a: Counts, b: Counts): Counts {
	return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

/** Counts from `python -m unittest` output: "Ran N tests" then "OK (skipped=2)" or "FAILED (failures=1, errors=2)". */
export function parseUnittest(output: string): Counts | null {
	const ran = /^Ran (\d+) tests? in /m.exec(output);
	if (!ran) return null;
	const total = Number(ran[1]);
	const field = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(output.slice(ran.index))?.[1] ?? 0);
	const failed = field('failures') + field('errors') + field('unexpected successes');
	const skipped = field('skipped') + field('expected failures');
	return { passed: total - failed - skipped, failed, skipped };
}

/** Counts from Vitest's JSON reporter file. */
export function parseVitestJson(file: string): Counts | null {
	if (!fs.existsSync(file)) return null;
	const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	};
	return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

/** Counts from Playwright's JSON reporter file. */
export function parsePlaywrightJson(file: string): Counts | null {
	if (!fs.existsSync(file)) return null;
	const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		stats: { expected: number; unexpected: number; flaky: number; skipped: number };
		errors?: unknown[];
	};
	const { expected, unexpected, flaky, skipped } = report.stats;
	// A flaky test passed only on retry: count it as a failure, the suite must pass 10 runs out of 10.
	return { passed: expected, failed: unexpected + flaky + (report.errors?.length ?? 0), skipped };
}

/** Pyright's `--outputjson` report: one check per analysed file, failed when the file has an error. */
export interface PyrightReport {
	generalDiagnostics: { file: string; severity: string; message: string; range?: { start: { line: number; character: number } } }[];
	summary: { filesAnalyzed: number; errorCount: number };
}

/** Counts from Pyright's JSON output: a file with at least one error is one failure. */
export function parsePyrightJson(text: string): Counts | null {
	let report: PyrightReport;
	try {
		report = JSON.parse(text) as PyrightReport;
	} catch {
		return null;
	}
	if (!report.summary) return null;
	const failing = new Set(report.generalDiagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
	return { passed: report.summary.filesAnalyzed - failing, failed: failing, skipped: 0 };
}

/** The closing line CI reads: "total: N passed, N failed, N skipped". */
export function closingLine(counts: Counts): string {
	return `total: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}
