import { describe, expect, it } from 'vitest';
import { clone, ioMeasurement } from '../../src/lib/measurements/fixtures.ts';
import { checkCrossClaim, describeCrossClaim, interpreterClaims, type CrossClaim } from './freshness-interpreters.ts';
import { STORY } from './freshness.ts';

const claim: CrossClaim = {
	example: 'io-demo',
	variant: 'sequential',
	interpreter: 'cpython-3.13t',
	than: 'cpython-3.13',
	is: 'slower',
	because: 'single-thread cost',
};

describe('checkCrossClaim', () => {
	const gil = ioMeasurement({ sequential: [2.0, 2.0, 2.0] });
	const noGil = ioMeasurement({ sequential: [2.3, 2.3, 2.3] });
	it('passes when the order holds and names both numbers', () => {
		const finding = checkCrossClaim(claim, noGil, gil);
		expect(finding.status).toBe('pass');
		expect(finding.message).toContain('2.30 s on cpython-3.13t, 2.00 s on cpython-3.13');
	});
	it('fails when it does not', () => {
		expect(checkCrossClaim(claim, gil, noGil).status).toBe('fail');
		expect(checkCrossClaim({ ...claim, is: 'faster' }, noGil, gil).status).toBe('fail');
	});
	it('needs the ratio when one is given, and 2 CPUs for it', () => {
		const by = { ...claim, is: 'faster' as const, by: 1.4 };
		expect(checkCrossClaim(by, gil, ioMeasurement({ sequential: [2.7, 2.7, 2.7] })).status).toBe('fail');
		expect(checkCrossClaim(by, gil, ioMeasurement({ sequential: [2.8, 2.8, 2.8] })).status).toBe('pass');
		const one = clone(gil);
		one.environment.cpu_count = 1;
		expect(checkCrossClaim(by, one, gil).status).toBe('skip');
	});
	it('fails for a variant that did not run', () => {
		expect(checkCrossClaim({ ...claim, variant: 'nope' }, gil, noGil).message).toMatch(/did not run/);
	});
	it('describes itself', () => {
		expect(describeCrossClaim({ ...claim, by: 1.4 })).toBe(
			'io-demo sequential is slower on cpython-3.13t than on cpython-3.13 by 1.4× (single-thread cost)',
		);
	});
});

describe('interpreterClaims', () => {
	it('adds the free-threaded claims to the story', () => {
		const claims = interpreterClaims('cpython-3.13t', 'cpu-bound', STORY);
		expect(claims.length).toBe((STORY['cpu-bound'] ?? []).length + 1);
		expect(interpreterClaims('cpython-3.13', 'cpu-bound', STORY)).toEqual(STORY['cpu-bound']);
	});
});
