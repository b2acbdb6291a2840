import { describe, expect, it } from 'vitest';
import { median, roundSig } from './numbers.ts';

describe('numbers', () => {
	it('rounds to significant digits and keeps small integers exact', () => {
		expect(roundSig(2.051234)).toBe(2.051);
		expect(roundSig(0.000123456)).toBe(0.0001235);
		expect(roundSig(38240)).toBe(38240);
		expect(roundSig(9.4749, 3)).toBe(9.47);
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});
