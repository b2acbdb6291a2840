import { describe, expect, it } from 'vitest';
import { detailsSpans, moveHintsToAppendix, prefixIds } from './print.ts';

describe('prefixIds', () => {
	it('prefixes the ids a lesson defines and every reference to them, and nothing else', () => {
		const html =
			'<h2 id="check-yourself">Check</h2><a href="#check-yourself">up</a><a href="#lesson-gil">other lesson</a>' +
			'<section aria-labelledby="check-yourself x"></section><label for="box">b</label><input id="box">' +
			'<svg><clipPath id="c1"></clipPath><g clip-path="url(#c1)"></g></svg>';
		expect(prefixIds(html, 'lesson-a--')).toBe(
			'<h2 id="lesson-a--check-yourself">Check</h2><a href="#lesson-a--check-yourself">up</a><a href="#lesson-gil">other lesson</a>' +
				'<section aria-labelledby="lesson-a--check-yourself x"></section><label for="lesson-a--box">b</label><input id="lesson-a--box">' +
				'<svg><clipPath id="lesson-a--c1"></clipPath><g clip-path="url(#lesson-a--c1)"></g></svg>',
		);
	});
	it('leaves html without ids as it is', () => {
		expect(prefixIds('<p><a href="#x">x</a></p>', 'p-')).toBe('<p><a href="#x">x</a></p>');
	});
});

describe('detailsSpans', () => {
	it('ends each span at its own </details>, nested ones counted', () => {
		const html = 'a<details class="h"><summary>s</summary><details><summary>in</summary></details>x</details>b';
		const [span] = detailsSpans(html, 'h');
		expect(html.slice(span!.start, span!.end)).toBe(html.slice(1, -1));
	});
	it('names an unclosed panel', () => {
		expect(() => detailsSpans('<details class="h"><details></details>', 'h')).toThrow(/unclosed/);
	});
});

describe('moveHintsToAppendix', () => {
	const lesson =
		'<h2 id="exercise-pool">Exercise: <code>pool</code> it</h2><div class="exercise astro-x" data-exercise="io/pool" id="exercise-io-pool"><p>Task</p>' +
		'<details class="exercise-hints astro-x" data-pagefind-ignore><summary>Show the hints</summary><details class="exercise-hint"><summary>1</summary>h</details></details></div><h2>Check yourself</h2>';
	it('replaces each hints panel with a pointer to the appendix and returns the panels, titled', () => {
		const { body, entries } = moveHintsToAppendix(lesson, (id) => `#appendix-${id}`);
		expect(body).not.toContain('exercise-hints');
		expect(body).toContain('<a href="#appendix-exercise-io-pool">in the appendix</a>');
		expect(body).toContain('<h2>Check yourself</h2>');
		expect(entries).toEqual([
			{
				exercise: 'exercise-io-pool',
				title: 'Exercise: pool it',
				html: lesson.slice(lesson.indexOf('<details'), lesson.lastIndexOf('</div>')),
			},
		]);
	});
	it('leaves a lesson without exercises as it is', () => {
		expect(moveHintsToAppendix('<p>no exercise</p>', () => '#')).toEqual({ body: '<p>no exercise</p>', entries: [] });
	});
});

describe('dropWholeFilePanels', () => {
	it('removes the whole-file panels and the links to them, nested details included', async () => {
		const { dropWholeFilePanels } = await import('./print.ts');
		const html =
			'<p>keep</p><details class="example-code__whole-file" id="w"><summary>Whole file</summary><details><summary>x</summary></details></details>' +
			'<p class="example-code__whole-file" data-pagefind-ignore>Whole file: <a href="#w">a</a> (shown above)</p><p>end</p>';
		expect(dropWholeFilePanels(html)).toBe('<p>keep</p><p>end</p>');
	});
});
