import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { compareReport } from './fixtures.ts';
import { TIMING_REPORT_SCHEMA } from '../paths.ts';
import { REPORT_FIELDS, timingReportSchema } from './report-schema.ts';

const jsonSchema = JSON.parse(fs.readFileSync(TIMING_REPORT_SCHEMA, 'utf8'));

describe('the report schema', () => {
	it('agrees with examples/timing-report.schema.json on the fields', () => {
		expect([...REPORT_FIELDS].sort()).toEqual(Object.keys(jsonSchema.properties).sort());
	});

	it('accepts what the JSON Schema accepts, and rejects what it rejects', () => {
		const validate = new Ajv2020({ strict: false }).compile(jsonSchema);
		const good = compareReport();
		const bad = [
			{ ...good, status: 'skipped' },
			{ ...good, tasks: [{ id: 0, worker: 'w', start_s: -1, end_s: 1 }] },
			{ ...good, environment: { ...good.environment, extra: 1 } },
			{ ...good, timestamp: 'yesterday' },
		];
		expect(validate(good)).toBe(true);
		expect(timingReportSchema.safeParse(good).success).toBe(true);
		for (const report of bad) {
			expect(validate(report)).toBe(false);
			expect(timingReportSchema.safeParse(report).success).toBe(false);
		}
	});
});
