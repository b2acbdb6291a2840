import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	closingLine,
	parsePyrightJson,
	parseUnittest,
	playwrightFailures,
	unittestFailures,
	vitestFailures,
	vitestSkips,
} from './counts.ts';

describe('parseUnittest', () => {
	it('reads a passing run with skips', () => {
		expect(parseUnittest('...\nRan 12 tests in 3.2s\n\nOK (skipped=2)\n')).toEqual({
			passed: 10,
			failed: 0,
			skipped: 2,
		});
	});
	it('reads failures and errors', () => {
		expect(parseUnittest('Ran 5 tests in 1.0s\n\nFAILED (failures=1, errors=2, skipped=1)\n')).toEqual({
			passed: 1,
			failed: 3,
			skipped: 1,
		});
	});
	it('returns null when unittest did not get to run', () => {
		expect(parseUnittest('Traceback (most recent call last): ...')).toBeNull();
	});
});

describe('closingLine', () => {
	it('is the line CI reads', () => {
		expect(closingLine({ passed: 3, failed: 0, skipped: 1 })).toBe('total: 3 passed, 0 failed, 1 skipped');
	});
});

describe('parsePyrightJson', () => {
	it('counts each analysed file, failing those with an error', () => {
		const report = {
			generalDiagnostics: [
				{ file: 'a.py', severity: 'error', message: 'x' },
				{ file: 'a.py', severity: 'error', message: 'y' },
				{ file: 'b.py', severity: 'warning', message: 'z' },
			],
			summary: { filesAnalyzed: 5, errorCount: 2 },
		};
		expect(parsePyrightJson(JSON.stringify(report))).toEqual({ passed: 4, failed: 1, skipped: 0 });
	});
	it('returns null when pyright printed no report', () => {
		expect(parsePyrightJson('No configuration file found.')).toBeNull();
	});
});

describe('failure names, for the summary', () => {
	it('names unittest failures and errors with their exception line', () => {
		const output = [
			'test_a (tests.python.test_x.ATest.test_a) ... FAIL',
			'======================================================================',
			"FAIL: test_a (tests.python.test_x.ATest.test_a) (exercise='io-bound/threads')",
			'----------------------------------------------------------------------',
			'Traceback (most recent call last):',
			'  File "x.py", line 3, in test_a',
			'AssertionError: 1 != 0 : stdout:',
			'lots of output',
			'',
			'======================================================================',
			'ERROR: test_b (tests.python.test_x.BTest.test_b)',
			'----------------------------------------------------------------------',
			'Traceback (most recent call last):',
			'subprocess.TimeoutExpired: timed out',
			'',
			'----------------------------------------------------------------------',
			'Ran 2 tests in 1.0s',
			'',
			'FAILED (failures=1, errors=1)',
		].join('\n');
		expect(unittestFailures(output)).toEqual([
			'tests.python.test_x.ATest.test_a: AssertionError: 1 != 0 : stdout:',
			'tests.python.test_x.BTest.test_b: subprocess.TimeoutExpired: timed out',
		]);
		expect(unittestFailures('Ran 3 tests in 1s\n\nOK\n')).toEqual([]);
	});
	it('names Vitest and Playwright failures from their JSON reports', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counts-'));
		const vitest = path.join(dir, 'unit.json');
		fs.writeFileSync(
			vitest,
			JSON.stringify({
				testResults: [
					{
						name: '/repo/src/lib/a.test.ts',
						assertionResults: [
							{ fullName: 'a works', status: 'passed' },
							{
								fullName: 'a fails',
								status: 'failed',
								failureMessages: ['\u001b[31mAssertionError: no\u001b[39m\n  at x'],
							},
						],
					},
				],
			}),
		);
		expect(vitestFailures(vitest)).toEqual(['src/lib/a.test.ts > a fails: AssertionError: no']);
		const playwright = path.join(dir, 'e2e.json');
		fs.writeFileSync(
			playwright,
			JSON.stringify({
				suites: [
					{
						title: 'pages.spec.ts',
						specs: [],
						suites: [
							{
								title: 'page home',
								specs: [
									{ title: 'loads', tests: [{ projectName: 'site-root', status: 'expected', results: [{}] }] },
									{
										title: 'has links',
										tests: [
											{
												projectName: 'site-root',
												status: 'unexpected',
												results: [{ error: { message: 'Error: 404\nmore' } }],
											},
										],
									},
								],
							},
						],
					},
				],
			}),
		);
		expect(playwrightFailures(playwright)).toEqual(['[site-root] pages.spec.ts › page home › has links: Error: 404']);
		expect(vitestFailures(path.join(dir, 'missing.json'))).toEqual([]);
		fs.rmSync(dir, { recursive: true });
	});
	it('repeats, once each, the reasons Vitest tests give in their names for skipping', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counts-'));
		const file = path.join(dir, 'integration.json');
		const reason = 'fresh quick runs on cpython-3.13t (skipped: no cpython-3.13t here)';
		fs.writeFileSync(
			file,
			JSON.stringify({
				testResults: [
					{
						name: '/repo/tests/integration/a.test.ts',
						assertionResults: [
							{ fullName: reason, status: 'skipped' },
							{ fullName: `${reason} > again`, status: 'pending' },
							{ fullName: 'b (skipped: never shown when it passed)', status: 'passed' },
							{ fullName: 'c skipped for a reason only its output says', status: 'skipped' },
						],
					},
				],
			}),
		);
		expect(vitestSkips(file)).toEqual(['skipped: no cpython-3.13t here']);
		fs.rmSync(dir, { recursive: true });
	});
});
