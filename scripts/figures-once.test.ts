import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureKeys, repeatedFigures } from './lib/figures-once.ts';
import { LESSONS_DIR } from './prose-count.ts';

describe('figureKeys', () => {
	it('names a figure by its data, not its caption', () => {
		const a = '<TimelineChart example="io-bound" variant="threads" caption="one" />';
		const b = '<TimelineChart\n\tcaption="two"\n\tvariant="threads"\n\texample="io-bound"\n/>';
		expect(figureKeys(a)).toEqual(figureKeys(b));
		expect(figureKeys('<ResultsTable example="cpu-bound" variants={["sequential", "threads"]} cpu />')).toEqual([
			'ResultsTable example=cpu-bound variants=[sequential,threads]',
		]);
	});
	it('finds a figure drawn in two lessons', () => {
		const chart = '<SpeedupChart example="cpu-bound" />';
		expect(repeatedFigures({ a: chart, b: `text\n${chart}` })).toEqual(['SpeedupChart example=cpu-bound: a, b']);
	});
});

it('draws each measured chart, table and replay once in the course', () => {
	const lessons = Object.fromEntries(
		fs
			.readdirSync(LESSONS_DIR)
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => [f.replace(/\.mdx$/, ''), fs.readFileSync(path.join(LESSONS_DIR, f), 'utf8')]),
	);
	expect(repeatedFigures(lessons)).toEqual([]);
});
