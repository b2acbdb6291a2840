import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { LIMITS, countProse, countProseHtml, countProseScript } from './lib/prose-count.ts';
import { countLessons, mainColumn, overBudget } from './prose-count.ts';

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
	it(
		'counts the main column only (inline code included), ' + 'outside code blocks, tables, figures and closed details',
		() => {
			const html = `<main><nav><p>sidebar words</p></nav><div class="sl-markdown-content">
			<h2>Two words</h2><p>Three <code>npm</code> words</p><ul><li><p>nested once</p></li></ul>
			<figure><figcaption>not counted</figcaption></figure><table><tr><td>no</td></tr></table>
			<details><summary>Show</summary><p>hidden answer</p></details><pre>code here</pre></div></main>`;
			const count = countProseHtml(new JSDOM(html).window.document);
			expect(count.words).toBe(2 + 3 + 2);
			expect(count.machinery).toEqual(['npm']);
		},
	);
});

describe('mainColumn', () => {
	it('keeps what the count reads, so a page counts the same with or without it', () => {
		const html = `<html><head><script>var npm;</script></head><body><nav><p>sidebar</p></nav><main>
			<div class="sl-markdown-content"><h2>Two words</h2><ul><li>Get it.zip (JS)<script>x</script>Get it</li></ul>
			<p>A <svg><text>chart words</text></svg> figure here</p><ul><li>x<pre>code</pre>y</li></ul>
			<table><tr><td>no</td></tr></table>
			<figure><figcaption>not counted</figcaption></figure></div></main><footer><p>foot</p></footer></body></html>`;
		const full = countProseHtml(new JSDOM(html).window.document);
		expect(mainColumn(html)).not.toMatch(/sidebar|foot|<script|<svg|<pre|<table|<figure/);
		expect(countProseHtml(new JSDOM(mainColumn(html)).window.document)).toEqual(full);
		expect(full.words).toBe(2 + 4 + 3 + 1);
	});
});

describe('countProseScript', () => {
	it('counts in the page that evaluates it, as countProseHtml does (its source needs nothing from outside)', () => {
		const html = `<main><div class="sl-markdown-content"><h2>Two words</h2><p>Open StackBlitz or npm</p></div></main>`;
		const dom = new JSDOM(html, { runScripts: 'outside-only' });
		expect(dom.window.eval(countProseScript())).toEqual(countProseHtml(dom.window.document));
		expect(countProseHtml(dom.window.document)).toEqual({ words: 6, machinery: ['StackBlitz', 'npm'] });
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

// The built pages' counts (widgets' text included) are checked on the build npm test makes for the browser tests:
// tests/e2e/page-weight.spec.ts.
describe('the course', () => {
	it(
		`keeps every lesson within ${LIMITS.lesson} prose words, the course within ` +
			`${LIMITS.course} (with pipelines), and at most ${LIMITS.machinery} machinery words`,
		() => {
			expect(overBudget(countLessons())).toEqual([]);
		},
	);
});
