import { describe, expect, it } from 'vitest';
import { clone, ioMeasurement } from './fixtures.ts';
import { measurementSchema } from './schema.ts';

const issues = (value: unknown) => {
	const result = measurementSchema.safeParse(value);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('measurement schema', () => {
	it('accepts what summarize makes', () => {
		expect(issues(ioMeasurement())).toEqual([]);
	});

	it('rejects a made-up time on a skipped variant', () => {
		const m = clone(ioMeasurement()) as unknown as { variants: Array<Record<string, unknown>> };
		m.variants[3]!.elapsed_s = { median: 0.1, min: 0.1, max: 0.1, runs: [0.1] };
		expect(issues(m).join('\n')).toMatch(/variants\.3: Unrecognized key: "elapsed_s"/);
	});

	it('rejects a median that its runs do not give (a hand-edited number)', () => {
		const m = clone(ioMeasurement());
		const threads = m.variants[1]!;
		if (threads.status !== 'ok') throw new Error('fixture');
		threads.elapsed_s.median = 0.05;
		expect(issues(m).join('\n')).toMatch(/variants\.1\.elapsed_s\.median: median is 0\.05 but the runs .* give 0\.105/);
	});

	it('rejects a speedup that the medians do not give', () => {
		const m = clone(ioMeasurement());
		const threads = m.variants[1]!;
		if (threads.status !== 'ok') throw new Error('fixture');
		threads.speedup = 20;
		expect(issues(m).join('\n')).toMatch(/variants\.1\.speedup: speedup is 20 but the medians give 7\.71/);
	});

	it('rejects a skipped variant without a reason, a repeated variant and an unknown baseline', () => {
		const m = clone(ioMeasurement()) as unknown as { baseline: string; variants: Array<Record<string, unknown>> };
		m.variants[3]!.skip_reason = '';
		m.variants[2]!.variant = 'threads';
		m.baseline = 'nope';
		const found = issues(m).join('\n');
		expect(found).toMatch(/variants\.3\.skip_reason/);
		expect(found).toMatch(/variant "threads" appears twice/);
		expect(found).toMatch(/baseline "nope" is not one of the variants/);
	});
});
