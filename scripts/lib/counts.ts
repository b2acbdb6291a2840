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
	return {
		passed: report.numPassedTests,
		failed: report.numFailedTests,
		skipped: report.numPendingTests + report.numTodoTests,
	};
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
	generalDiagnostics: {
		file: string;
		severity: string;
		message: string;
		range?: { start: { line: number; character: number } };
	}[];
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

/** How many failed tests the summary names, per suite: enough to start from, short enough for a CI log's tail. */
export const NAMED_FAILURES = 10;

/** The failed tests in `python -m unittest -v` output ("FAIL: test_x (module.Class.test_x)"), with the reason's last line. */
export function unittestFailures(output: string): string[] {
	const names: string[] = [];
	const block = /^(?:FAIL|ERROR): (\S+) \(([^)]+)\)[^\n]*\n-+\n([\s\S]*?)(?=\n={20,}|\n-{20,}\nRan |(?![\s\S]))/gm;
	for (const match of output.matchAll(block)) {
		const lines = match[3]!.split('\n').filter((line) => line.trim() !== '');
		// The exception line ("AssertionError: ..."), not what a long message prints after it.
		const reason =
			lines.find((line) => /^[A-Za-z_][\w.]*(: |$)/.test(line) && !line.startsWith('Traceback')) ?? lines.at(-1) ?? '';
		// A check's own verdict line, when the output has one, says more than the assertion.
		const verdict = lines.find((line) => /^\s*\[FAIL\]/.test(line))?.trim();
		names.push(`${match[2]}: ${reason.trim()}${verdict ? ` ${verdict}` : ''}`.slice(0, 300));
	}
	return names;
}

/** The failed tests in Vitest's JSON report, with the first line of each failure message. */
export function vitestFailures(file: string): string[] {
	if (!fs.existsSync(file)) return [];
	const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		testResults: {
			name: string;
			message?: string;
			assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
		}[];
	};
	const names: string[] = [];
	for (const result of report.testResults) {
		const file = result.name.split(/[\\/]/).slice(-3).join('/');
		for (const a of result.assertionResults) {
			if (a.status === 'failed')
				names.push(`${file} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`.slice(0, 300));
		}
		// A file that failed to load has no assertion results, only a message.
		if (result.assertionResults.length === 0 && result.message)
			names.push(`${file}: ${firstLine(result.message)}`.slice(0, 300));
	}
	return names;
}

/**
 * The skips in Vitest's JSON report that say why in their name ("... (skipped: no cpython-3.13t here ...)"): a test
 * file skips that way what it cannot run on this machine, and the summary repeats it. Once per reason.
 */
export function vitestSkips(file: string): string[] {
	if (!fs.existsSync(file)) return [];
	const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		testResults: { assertionResults: { fullName: string; status: string }[] }[];
	};
	const reasons = report.testResults
		.flatMap((result) => result.assertionResults)
		.filter((a) => a.status !== 'passed' && a.status !== 'failed')
		.map((a) => /\(skipped: (.*)\)/.exec(a.fullName))
		.filter((m) => m !== null)
		.map((m) => m[0].slice(1, -1));
	return [...new Set(reasons)];
}

interface PlaywrightSuite {
	title: string;
	specs?: {
		title: string;
		tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[];
	}[];
	suites?: PlaywrightSuite[];
}

/** The failed (or flaky) tests in Playwright's JSON report, as "[project] file › title: first line of the error". */
export function playwrightFailures(file: string): string[] {
	if (!fs.existsSync(file)) return [];
	const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { suites: PlaywrightSuite[] };
	const names: string[] = [];
	const walk = (suite: PlaywrightSuite, titles: string[]) => {
		const here = suite.title ? [...titles, suite.title] : titles;
		for (const spec of suite.specs ?? []) {
			for (const test of spec.tests) {
				if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
				const message = test.results.map((r) => r.error?.message).find(Boolean);
				names.push(`[${test.projectName}] ${[...here, spec.title].join(' › ')}: ${firstLine(message)}`.slice(0, 300));
			}
		}
		for (const child of suite.suites ?? []) walk(child, here);
	};
	for (const suite of report.suites) walk(suite, []);
	return names;
}

function firstLine(text: string | undefined): string {
	// eslint-disable-next-line no-control-regex
	return (
		(text ?? '')
			.replace(/\u001b\[[0-9;]*m/g, '')
			.trim()
			.split('\n')[0] ?? ''
	);
}
