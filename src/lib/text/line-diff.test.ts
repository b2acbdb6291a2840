import { describe, expect, it } from 'vitest';
import { HUNK_SEPARATOR, lineDiff, LineDiffError } from './line-diff.ts';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('lineDiff', () => {
	it('marks removed and added lines, with unchanged context around them', () => {
		const before = ['def add(c):', '    c.value += 1', '    return c'].join('\n');
		const after = ['def add(c):', '    with c.lock:', '        c.value += 1', '    return c'].join('\n');
		expect(lineDiff(before, after, 'demo', 1).split('\n')).toEqual([
			' def add(c):',
			'-    c.value += 1',
			'+    with c.lock:',
			'+        c.value += 1',
			'     return c',
		]);
	});

	it('stands a separator line for unchanged lines left out, between and around hunks', () => {
		const before = lines(20);
		const after = [...before];
		after[4] = 'changed 5';
		after[14] = 'changed 15';
		const out = lineDiff(before.join('\n'), after.join('\n'), 'demo', 1).split('\n');
		expect(out).toEqual([
			HUNK_SEPARATOR,
			' line 4',
			'-line 5',
			'+changed 5',
			' line 6',
			HUNK_SEPARATOR,
			' line 14',
			'-line 15',
			'+changed 15',
			' line 16',
			HUNK_SEPARATOR,
		]);
	});

	it('writes no patch headers, so Expressive Code marks the lines instead of showing a raw patch', () => {
		const out = lineDiff('a\nb\n', 'a\nc', 'demo');
		expect(out).not.toMatch(/^(---|\+\+\+|@@)/m);
		expect(out).not.toContain('No newline');
	});

	it('fails when there is no difference', () => {
		expect(() => lineDiff('a\n', 'a\n', 'the pair')).toThrow(LineDiffError);
		expect(() => lineDiff('a\n', 'a\n', 'the pair')).toThrow(/the pair: the two listings are identical/);
	});
});
