import { describe, expect, it } from 'vitest';
import { crossoverOf, sweepFacts } from './sweep-facts.ts';
import { clone, sweepMeasurement } from './fixtures.ts';

describe('crossoverOf', () => {
	it('is the smallest x from which every larger x beats the baseline', () => {
		expect(
			crossoverOf([
				{ x: 10, speedup: 0.1 },
				{ x: 100, speedup: 1.2 },
				{ x: 1000, speedup: 1.9 },
			]),
		).toEqual({ x: 100, speedup: 1.2 });
	});
	it('ignores an early win that a larger size loses again', () => {
		expect(
			crossoverOf([
				{ x: 10, speedup: 1.1 },
				{ x: 100, speedup: 0.9 },
				{ x: 1000, speedup: 1.5 },
			]),
		).toEqual({ x: 1000, speedup: 1.5 });
	});
	it('is null when the largest size does not beat the baseline (a tie is no win)', () => {
		expect(
			crossoverOf([
				{ x: 10, speedup: 0.5 },
				{ x: 100, speedup: 1 },
			]),
		).toBeNull();
	});
});

describe('sweepFacts', () => {
	const m = clone(sweepMeasurement());
	const sweep = m.variants.find((v) => v.variant === 'sweep');
	if (sweep?.status !== 'ok' || !sweep.rows) throw new Error('fixture');
	for (const row of sweep.rows) {
		const loop = sweep.rows.find((r) => r.variant === 'loop' && r.x === row.x)!;
		row.speedup = (loop.elapsed_s as number) / (row.elapsed_s as number);
	}

	it('finds the crossover and the best speedup of one approach', () => {
		const facts = sweepFacts(m, 'sweep', 'process-pool');
		expect(facts.label).toBe('Process pool');
		expect(facts.crossover?.x).toBe(100000);
		expect(facts.best.x).toBe(100000);
		expect(sweepFacts(m, 'sweep', 'thread-pool').crossover).toBeNull();
	});

	it('fails clearly for an unknown approach or rows without speedups', () => {
		expect(() => sweepFacts(m, 'sweep', 'nope')).toThrow(
			/no rows for "nope" \(it has loop, thread-pool, process-pool\)/,
		);
		expect(() => sweepFacts(sweepMeasurement(), 'sweep', 'loop')).toThrow(/no numeric "x" and "speedup"/);
	});
});
