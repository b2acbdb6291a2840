/**
 * Pages read well on a 390 px phone: the decision table keeps its "Why" column on screen, the support matrix shows
 * its StackBlitz column, long identifiers in headings break where they should, self-check questions show their code,
 * and "Check yourself" is listed under "On this page".
 */
import { expect, test } from '@playwright/test';
import { thoroughOnly } from '../support/thorough.ts';

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

test('the support matrix shows its StackBlitz column on a phone and says "Runs" on your machine once', async ({ page }) => {
	await page.goto('lessons/welcome/');
	const wrap = page.locator('.sl-support-wrap').first();
	await wrap.scrollIntoViewIfNeeded();
	const cell = wrap.locator('td[data-way="stackblitz"]').first();
	const [cellBox, wrapBox] = [(await cell.boundingBox())!, (await wrap.boundingBox())!];
	expect(cellBox.x + cellBox.width).toBeLessThanOrEqual(wrapBox.x + wrapBox.width + 1);
	await expect(wrap.locator('td[data-way="clone"], td[data-way="zip"]')).toHaveCount(0);
	await expect(wrap.locator('caption')).toContainText('Every script also runs on your machine');
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

test('self-check questions show inline code as code, and "Check yourself" is listed under "On this page"', async ({ page }) => {
	await page.goto('lessons/threading/');
	const question = page.locator('.question p').filter({ hasText: 'Two threads run' });
	await expect(question.locator('code')).toHaveText('if key not in cache: cache[key] = compute(key)');
	await expect(question).not.toContainText('`');
	await expect(page.locator('starlight-toc a[href="#check-yourself"]').first()).toHaveCount(1);
	await expect(page.getByRole('heading', { level: 2, name: 'Check yourself' })).toHaveCount(1);
});

test('"Run it yourself" leads with your machine where the lesson needs threads or processes, with the browser last', async ({ page }) => {
	await page.goto('lessons/gil/');
	const block = page.locator('[data-run-example]');
	await expect(block).toHaveAttribute('data-lead', 'machine');
	const order = await block.locator('[data-way-section]').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-way-section')));
	expect(order).toEqual(['zip', 'clone', 'browser']);
	await expect(block.locator('.run-example-lead')).toContainText('needs threads');
	await page.goto('lessons/asyncio/');
	await expect(page.locator('[data-run-example]')).toHaveAttribute('data-lead', 'browser');
});
