import { describe, expect, it } from 'vitest';
import {
	assertVisibleLength,
	countLines,
	extractExcerpts,
	ExcerptError,
	MAX_VISIBLE_LINES,
	narrowExcerpt,
	type Excerpt,
} from './excerpt.ts';

const SOURCE = [
	'"""Docstring."""', // 1
	'import time', // 2
	'', // 3
	'', // 4
	'class Counter:', // 5
	'    value = 0', // 6
	'', // 7
	'', // 8
	'def add_many(counter: Counter) -> None:', // 9
	'    counter.value += 1', // 10
	'', // 11
	'', // 12
	'MAIN = 1', // 13
	'', // 14
	'', // 15
	'def run() -> None:', // 16
	'    add_many(Counter())', // 17
	'', // 18
].join('\n');
const WHERE = '<ExampleCode example="demo" file="demo.py">';

describe('extractExcerpts', () => {
	it('returns one named block with its real line numbers', () => {
		expect(extractExcerpts(SOURCE, ['run'], WHERE)).toEqual([
			{ names: ['run'], startLine: 16, endLine: 17, code: 'def run() -> None:\n    add_many(Counter())' },
		]);
	});

	it('joins blocks separated only by blank lines, whatever order the names are given in', () => {
		const [excerpt, ...rest] = extractExcerpts(SOURCE, ['add_many', 'Counter'], WHERE) as [Excerpt, ...Excerpt[]];
		expect(rest).toEqual([]);
		expect(excerpt.names).toEqual(['Counter', 'add_many']);
		expect([excerpt.startLine, excerpt.endLine]).toEqual([5, 10]);
	});

	it('keeps blocks with code between them apart', () => {
		const excerpts = extractExcerpts(SOURCE, ['add_many', 'run'], WHERE);
		expect(excerpts.map((e) => [e.startLine, e.endLine])).toEqual([
			[9, 10],
			[16, 17],
		]);
	});

	it('fails with the lesson tag, the missing name and the names that exist', () => {
		expect(() => extractExcerpts(SOURCE, ['download_all'], WHERE)).toThrow(ExcerptError);
		expect(() => extractExcerpts(SOURCE, ['run', 'download_all'], WHERE)).toThrow(
			new RegExp(
				/<ExampleCode example="demo" file="demo.py">: no top-level function or class named "download_all"/.source +
					/.*Counter, add_many, run/.source,
			),
		);
	});

	it('does not find a nested function or a constant by name', () => {
		expect(() => extractExcerpts('def outer():\n    def inner():\n        pass\n', ['inner'], WHERE)).toThrow(
			/"inner"/,
		);
		expect(() => extractExcerpts(SOURCE, ['MAIN'], WHERE)).toThrow(/"MAIN"/);
	});

	it('refuses an empty list of names', () => {
		expect(() => extractExcerpts(SOURCE, [], WHERE)).toThrow(ExcerptError);
	});
});

describe('narrowExcerpt', () => {
	const [counter] = extractExcerpts(SOURCE, ['Counter', 'add_many'], WHERE) as [Excerpt];

	it('keeps the lines from one text through another, with their real line numbers', () => {
		expect(narrowExcerpt(counter, WHERE, 'value = 0', 'def add_many')).toEqual({
			names: ['Counter', 'add_many'],
			startLine: 6,
			endLine: 9,
			code: '    value = 0\n\n\ndef add_many(counter: Counter) -> None:',
		});
		expect(narrowExcerpt(counter, WHERE, 'def add_many').startLine).toBe(9);
		expect(narrowExcerpt(counter, WHERE, undefined, 'value = 0').endLine).toBe(6);
	});

	it('fails when a text is not in the excerpt, or `to` only comes before `from`', () => {
		expect(() => narrowExcerpt(counter, WHERE, 'def run')).toThrow(/from="def run" is not in Counter, add_many/);
		expect(() => narrowExcerpt(counter, WHERE, 'def add_many', 'class Counter')).toThrow(
			/to="class Counter" is not in/,
		);
	});
});

describe('the 30-line rule', () => {
	const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

	it('allows exactly the maximum, with or without a final newline', () => {
		expect(MAX_VISIBLE_LINES).toBe(30);
		expect(countLines(`${lines(30)}\n`)).toBe(30);
		expect(() => assertVisibleLength(lines(30), WHERE)).not.toThrow();
	});

	it('fails one line over, naming the block and the count', () => {
		expect(() => assertVisibleLength(lines(31), WHERE)).toThrow(
			/demo\.py">: shows 31 lines without a click; at most 30/,
		);
	});
});
