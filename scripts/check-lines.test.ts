import { describe, expect, it } from 'vitest';
import { lineLength, longLines, MAX_LINE } from './check-lines.ts';

describe('check-lines', () => {
	it('counts characters, not bytes', () => {
		expect(lineLength('9.8× in 512 µs')).toBe(14);
	});

	it('lets a line through when only a URL makes it long', () => {
		const url = `https://docs.python.org/3/library/${'x'.repeat(MAX_LINE)}.html`;
		expect(longLines('a.mdx', `See [the docs](${url}).`)).toEqual([]);
		expect(longLines('a.ts', `// ${'word '.repeat(30)}${url}`)).toEqual(['a.ts:1: 156 characters']);
	});

	it('lets through the MDX lines that cannot wrap: table rows and lines that start with a component', () => {
		const long = 'word '.repeat(30);
		expect(longLines('a.mdx', `| ${long} |\n<Question q="${long}">\n  <ResultsTable caption="${long}" />`)).toEqual([]);
		expect(longLines('a.mdx', `Prose ${long}`)).toEqual(['a.mdx:1: 156 characters']);
		expect(longLines('a.ts', `<div title="${long}">`)).toEqual(['a.ts:1: 164 characters']);
	});

	it('names each long line by file and line number', () => {
		expect(longLines('src/a.ts', `short\n${'x'.repeat(MAX_LINE + 1)}\n`)).toEqual([
			`src/a.ts:2: ${MAX_LINE + 1} characters`,
		]);
	});
});
