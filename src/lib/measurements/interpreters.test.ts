import { describe, expect, it } from 'vitest';
import {
	comparisonMeasureArgs,
	gilEnabledFor,
	gilOption,
	INTERPRETER_ID_PATTERN,
	interpreterId,
	interpreterLabel,
	interpreterShortLabel,
	minorOf,
} from './interpreters.ts';

describe('gilOption', () => {
	it('reads -X gil=N in both spellings, the last one winning', () => {
		expect(gilOption(['-X', 'gil=1'])).toBe(1);
		expect(gilOption(['-Xgil=0'])).toBe(0);
		expect(gilOption(['-X', 'gil=0', '-X', 'gil=1'])).toBe(1);
	});
	it('ignores other options', () => {
		expect(gilOption([])).toBeUndefined();
		expect(gilOption(['-X', 'dev', '-W', 'error'])).toBeUndefined();
		expect(gilOption(['-X', 'gil=2'])).toBeUndefined();
	});
});

describe('interpreterId', () => {
	it('names GIL builds, free-threaded builds and free-threaded builds with the GIL forced on', () => {
		expect(interpreterId('3.13.5', false)).toBe('cpython-3.13');
		expect(interpreterId('3.13.5', true)).toBe('cpython-3.13t');
		expect(interpreterId('3.13.5', true, ['-X', 'gil=1'])).toBe('cpython-3.13t-gil1');
		expect(interpreterId('3.14.0', true, ['-X', 'gil=0'])).toBe('cpython-3.14t');
	});
	it('ignores -X gil on a GIL build (which refuses gil=0 anyway)', () => {
		expect(interpreterId('3.11.7', false, ['-X', 'gil=1'])).toBe('cpython-3.11');
	});
	it('gives ids the pattern accepts', () => {
		for (const id of ['cpython-3.11', 'cpython-3.13t', 'cpython-3.13t-gil1'])
			expect(id).toMatch(INTERPRETER_ID_PATTERN);
		expect('cpython-3.13-gil1').not.toMatch(INTERPRETER_ID_PATTERN);
	});
	it('rejects what is not a version', () => {
		expect(() => minorOf('latest')).toThrow(/not a Python version/);
	});
});

describe('gilEnabledFor and interpreterLabel', () => {
	it('knows where the GIL is on', () => {
		expect(gilEnabledFor('cpython-3.13')).toBe(true);
		expect(gilEnabledFor('cpython-3.13t')).toBe(false);
		expect(gilEnabledFor('cpython-3.13t-gil1')).toBe(true);
	});
	it('labels each kind', () => {
		expect(interpreterLabel('cpython-3.13')).toBe('CPython 3.13 (GIL)');
		expect(interpreterLabel('cpython-3.13t')).toBe('CPython 3.13t (no GIL)');
		expect(interpreterLabel('cpython-3.13t-gil1')).toBe('CPython 3.13t, -X gil=1');
		expect(['cpython-3.13', 'cpython-3.13t', 'cpython-3.13t-gil1'].map(interpreterShortLabel)).toEqual([
			'3.13, GIL',
			'3.13t, no GIL',
			'3.13t, -X gil=1',
		]);
	});
});

describe('comparisonMeasureArgs', () => {
	it('passes -X gil=1 in one argument, which parseArgs accepts although it starts with a dash', () => {
		expect(
			comparisonMeasureArgs({ interpreter: 'cpython-3.13t-gil1', examples: ['cpu-bound', 'race-conditions'] }),
		).toEqual(['--python', 'cpython-3.13t', '--python-args=-X gil=1', '--example', 'cpu-bound,race-conditions']);
		expect(comparisonMeasureArgs({ interpreter: 'cpython-3.13', examples: ['io-bound'] })).toEqual([
			'--python',
			'cpython-3.13',
			'--example',
			'io-bound',
		]);
	});
});
