import { describe, expect, it } from 'vitest';
import { inlineCode } from './inline-code.ts';

describe('inlineCode', () => {
	it('splits backtick spans out as code', () => {
		expect(inlineCode('Why does `asyncio.run()` need `await`?')).toEqual([
			{ text: 'Why does ', code: false },
			{ text: 'asyncio.run()', code: true },
			{ text: ' need ', code: false },
			{ text: 'await', code: true },
			{ text: '?', code: false },
		]);
	});
	it('leaves text without backticks, and an unmatched backtick, as text', () => {
		expect(inlineCode('Plain question?')).toEqual([{ text: 'Plain question?', code: false }]);
		expect(inlineCode('A lone ` backtick')).toEqual([{ text: 'A lone ` backtick', code: false }]);
	});
	it('keeps markup as text, for Astro to escape', () => {
		expect(inlineCode('`<b>`')).toEqual([{ text: '<b>', code: true }]);
	});
});
