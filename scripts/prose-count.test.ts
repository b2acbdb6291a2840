import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { LIMITS, countProse, countProseHtml } from './lib/prose-count.ts';
import { countBuiltLessons, countLessons, overBudget } from './prose-count.ts';

describe('countProse (MDX source)', () => {
	it('counts paragraphs, list items, headings and asides, one word per inline figure', () => {
		const mdx = [
			'---',
			'title: Not counted',
			'---',
			"import X from './X.astro';",
			'',
			'## Two words',
			'',
			'A paragraph of five words. <MeasuredValue example="a" variant="b" value="speedup" />',
			'',
			'- one item',
			'',
			'<Aside type="note">Inside an aside.</Aside>',
		].join('\n');
		expect(countProse(mdx).words).toBe(2 + 6 + 2 + 3);
	});
	it('leaves out code, tables, figures, collapsed parts and self-check answers', () => {
		const mdx = [
			'```python',
			'print("runner npm")',
			'```',
			'| a | b |',
			'| - | - |',
			'<TimelineChart example="io-bound" variant="threads" caption="many words in a caption" />',
			'<details><summary>How this was measured</summary>npm run measure and many more words</details>',
			'<SelfCheck>',
			'  <Question q="Is this counted?">',
			'    No, the answer is collapsed.',
			'  </Question>',
			'</SelfCheck>',
		].join('\n');
		const count = countProse(mdx);
		expect(count.words).toBe(3);
		expect(count.machinery).toEqual([]);
	});
	it('finds machinery words in prose', () => {
		expect(countProse('Press Run here: Pyodide runs it, or open StackBlitz, or `npm run measure`.').machinery).toEqual([
			'Pyodide',
			'StackBlitz',
			'npm',
		]);
	});
});

describe('countProseHtml (built page)', () => {
	it('counts the main column only (inline code included), outside code blocks, tables, figures and closed details', () => {
		const html = `<main><nav><p>sidebar words</p></nav><div class="sl-markdown-content">
			<h2>Two words</h2><p>Three <code>npm</code> words</p><ul><li><p>nested once</p></li></ul>
			<figure><figcaption>not counted</figcaption></figure><table><tr><td>no</td></tr></table>
			<details><summary>Show</summary><p>hidden answer</p></details><pre>code here</pre></div></main>`;
		const count = countProseHtml(new JSDOM(html).window.document);
		expect(count.words).toBe(2 + 3 + 2);
		expect(count.machinery).toEqual(['npm']);
	});
});

describe('overBudget', () => {
	it('keeps room in the source for the run control and each exercise, and none on a built page', () => {
		const lesson = {
			lesson: 'x',
			words: LIMITS.lesson - LIMITS.widgetReserve - LIMITS.exerciseReserve,
			machinery: [],
			exercises: 1,
		};
		expect(overBudget([lesson])).toEqual([]);
		expect(overBudget([{ ...lesson, words: lesson.words + 1 }])[0]).toMatch(/^x: /);
		expect(overBudget([{ ...lesson, words: LIMITS.lesson, exercises: 0 }], false)).toEqual([]);
		expect(overBudget([{ ...lesson, words: 10, machinery: Array(LIMITS.machinery + 1).fill('npm') }], false)).toEqual([
			`machinery words: ${LIMITS.machinery + 1} > ${LIMITS.machinery}`,
		]);
	});
});

describe('the course', () => {
	it(`keeps every lesson within ${LIMITS.lesson} prose words, the course within ${LIMITS.course} (with pipelines), and at most ${LIMITS.machinery} machinery words`, () => {
		expect(overBudget(countLessons())).toEqual([]);
	});
	const dist = path.resolve(process.env.DIST ?? 'dist');
	const built = fs.existsSync(path.join(dist, 'lessons'));
	it.skipIf(!built)(`the built pages in ${dist} keep the same budgets (skipped: no build there; set DIST)`, () => {
		expect(overBudget(countBuiltLessons(dist), false)).toEqual([]);
	});
});
