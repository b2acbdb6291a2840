import { describe, expect, it } from 'vitest';
import { closingLine, parsePyrightJson, parseUnittest } from './counts.ts';

describe('parseUnittest', () => {
	it('reads a passing run with skips', () => {
		expect(parseUnittest('...\nRan 12 tests in 3.2s\n\nOK (skipped=2)\n')).toEqual({ passed: 10, failed: 0, skipped: 2 });
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
