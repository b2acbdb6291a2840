/**
 * Pages read well on a 390 px phone: the decision table keeps its "Why" column on screen, no name in the code is cut in two,
 * long identifiers in headings break where they should, self-check questions show their code,
 * and "Check yourself" is listed under "On this page".
 */
import { expect, test } from '@playwright/test';
import { thoroughOnly } from '../support/thorough.ts';
import { sitePages } from '../support/site-pages.ts';

test.use({ viewport: { width: 390, height: 844 } });
test.beforeEach(({}, testInfo) => thoroughOnly(testInfo));

test('the decision table shows its "Why" column on a phone, without scrolling sideways', async ({ page }) => {
	await page.goto('lessons/choosing/');
	const table = page.locator('table.stacks-when-narrow').first();
	await expect(table.locator('th').first()).toContainText('Your program spends its time');
	const width = await page.evaluate(() => document.documentElement.clientWidth);
	const why = table.locator('tbody tr').first().locator('td').nth(2);
	await why.scrollIntoViewIfNeeded();
	const box = (await why.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(width);
	expect(box.width, 'the Why cell is wide enough to read').toBeGreaterThan(width / 2);
	await expect(why).toHaveAttribute('data-label', 'Why');
	expect(await table.evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(0);
});

test('the ThreadPoolExecutor heading breaks between words, not inside one', async ({ page }) => {
	await page.goto('lessons/threading/');
	const heading = page.getByRole('heading', { level: 2, name: 'ThreadPoolExecutor' });
	// Top of each letter: a break inside "Executor" would put its last letter on a lower line than its first.
	const tops = await heading.evaluate((h) => {
		const range = document.createRange();
		const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
		const letters: Array<{ char: string; top: number }> = [];
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			for (let i = 0; i < node.textContent!.length; i++) {
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				letters.push({ char: node.textContent![i]!, top: Math.round(range.getBoundingClientRect().top) });
			}
		}
		return letters;
	});
	const word = tops.map((l) => l.char).join('');
	expect(word).toBe('ThreadPoolExecutor');
	const executor = tops.slice('ThreadPool'.length);
	const pool = tops.slice(0, 'ThreadPool'.length);
	expect(new Set(executor.map((l) => l.top)).size).toBe(1);
	expect(new Set(pool.map((l) => l.top)).size).toBe(1);
});

test('self-check questions show inline code as code, and "Check yourself" is listed under "On this page"', async ({
	page,
}) => {
	await page.goto('lessons/threading/');
	const question = page.locator('.question p').filter({ hasText: 'Two threads run' });
	await expect(question.locator('code')).toHaveText('if key not in cache: cache[key] = compute(key)');
	await expect(question).not.toContainText('`');
	await expect(page.locator('starlight-toc a[href="#check-yourself"]').first()).toHaveCount(1);
	await expect(page.getByRole('heading', { level: 2, name: 'Check yourself' })).toHaveCount(1);
});

test('"Run it yourself" leads with the download where the lesson needs threads or processes, and says why in one line', async ({
	page,
}) => {
	await page.goto('lessons/gil/');
	const block = page.locator('[data-run-example]');
	await expect(block).toHaveAttribute('data-lead', 'machine');
	const order = await block
		.locator('.run-example-line [data-way]')
		.evaluateAll((choices) => choices.map((c) => c.getAttribute('data-way')));
	expect(order).toEqual(['zip', 'stackblitz']);
	await expect(block.locator('.run-example-lead')).toContainText('needs threads');
	await page.goto('lessons/asyncio/');
	await expect(page.locator('[data-run-example]')).toHaveAttribute('data-lead', 'browser');
});

/** Names (identifiers) in the visible code blocks whose letters sit on more than one line. */
async function splitNames(page: import('@playwright/test').Page): Promise<string[]> {
	return page.locator('.expressive-code pre').evaluateAll((blocks) =>
		blocks
			.filter((pre) => pre.checkVisibility())
			.flatMap((pre) => {
				const split: string[] = [];
				const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					for (const match of node.textContent!.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
						const range = document.createRange();
						range.setStart(node, match.index);
						range.setEnd(node, match.index + match[0].length);
						const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
						if (tops.size > 1)
							split.push(`${match[0]} in "${node.parentElement!.closest('.ec-line')?.textContent?.trim()}"`);
					}
				}
				return split;
			}),
	);
}

test('a reader on a phone never sees a name in the code cut in two, with every panel open', async ({ page }) => {
	test.setTimeout(180_000);
	const lessons = sitePages().filter((p) => p.isLesson);
	for (const lesson of lessons) {
		await page.goto(lesson.path);
		await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
		await page.waitForFunction(() => !document.querySelector('details[open] > .example-code__loading'));
		expect(await splitNames(page), `${lesson.path} at 390 px`).toEqual([]);
	}
});
