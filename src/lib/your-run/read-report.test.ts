import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IO_SCRIPTS, tasks } from '../measurements/fixtures.ts';
import { compareReport, report } from './fixtures.ts';
import { TIMING_REPORT_SCHEMA } from '../paths.ts';
import { checkFileSize, looksTruncated, readReport, REPORT_SIZE_LIMIT, type ReportContext } from './read-report.ts';
import { runsOf } from './report-schema.ts';

const jsonSchema = JSON.parse(fs.readFileSync(TIMING_REPORT_SCHEMA, 'utf8'));
const context: ReportContext = {
	example: 'io-demo',
	schemaVersion: jsonSchema.properties.schema_version.const,
	command: 'python3 compare.py --json',
};
const threads = IO_SCRIPTS[1]!;

describe('reading a report', () => {
	it('reads a compare report with its runs', () => {
		const result = readReport(JSON.stringify(compareReport()), context);
		expect(result.ok).toBe(true);
		if (result.ok) expect(runsOf(result.report).map((r) => r.variant)).toEqual(['compare', 'sequential', 'threads']);
	});

	it('reads one variant report', () => {
		expect(readReport(JSON.stringify(report('io-demo', threads, { tasks: tasks(4, 2, 0.1) })), context).ok).toBe(true);
	});

	const problems: Array<[string, string, RegExp]> = [
		['not-json', 'elapsed: 1.2 s', /not JSON/],
		['truncated', JSON.stringify(compareReport(), null, 2).slice(0, 500), /stops before its end/],
		['truncated', '{"schema_version": 1, "example": "io-de', /stops before its end/],
		['not-a-report', '[1, 2]', /not a timing report/],
		[
			'other-example',
			JSON.stringify({ ...compareReport(), example: 'cpu-bound' }),
			/examples\/cpu-bound; this page compares examples\/io-demo/,
		],
		['older-version', JSON.stringify({ ...compareReport(), schema_version: 0 }), /older than the version 1/],
		['newer-version', JSON.stringify({ ...compareReport(), schema_version: 2 }), /newer than the version 1/],
		['no-timelines', JSON.stringify(report('io-demo', threads, { tasks: [] })), /no timelines/],
		[
			'not-a-report',
			JSON.stringify({ ...compareReport(), elapsed_s: 'fast' }),
			/not a valid timing report \(elapsed_s/,
		],
		['empty', '  ', /empty/],
	];
	for (const [kind, text, message] of problems) {
		it(`says what is wrong: ${kind} (${text.slice(0, 30)}…)`, () => {
			const result = readReport(text, context);
			expect(result.ok).toBe(false);
			if (!result.ok) {
				expect(result.problem.kind).toBe(kind);
				expect(result.problem.message).toMatch(message);
			}
		});
	}

	it('says how to make a good report in every answer but the newer-version one', () => {
		for (const [kind, text] of problems) {
			const result = readReport(text, context);
			if (!result.ok && kind !== 'newer-version')
				expect(result.problem.message).toContain('run python3 compare.py --json > my-run.json');
		}
	});

	it('refuses a file over 5 MB before reading it, and an empty one', () => {
		expect(checkFileSize('big.json', REPORT_SIZE_LIMIT + 1, context)?.kind).toBe('too-big');
		expect(checkFileSize('big.json', REPORT_SIZE_LIMIT + 1, context)?.message).toMatch(
			/big\.json is 5\.0 MB: this page reads reports up to 5\.0 MB, so it was not read/,
		);
		expect(checkFileSize('empty.json', 0, context)?.kind).toBe('empty');
		expect(checkFileSize('run.json', 20_000, context)).toBeNull();
	});

	it('tells a cut-off JSON text from text that is no JSON', () => {
		expect(looksTruncated('{"a": [1, 2')).toBe(true);
		expect(looksTruncated('{"a": "b}')).toBe(true);
		expect(looksTruncated('{"a": "\\"}"}')).toBe(false);
		expect(looksTruncated('hello')).toBe(false);
		expect(looksTruncated('{"a": 1}}')).toBe(false);
	});
});
