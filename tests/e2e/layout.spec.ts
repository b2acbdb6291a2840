/**
 * The layout of every page, code blocks and tables first, as a reader sees it at 390 and 1280 px: nothing scrolls
 * sideways (the page, a listing or a table, even with every whole file open), listings are short, and the whole
 * example file is one click away.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { thoroughOnly } from '../support/thorough.ts';
import { MAX_VISIBLE_LINES } from '../../src/lib/text/excerpt.ts';
import { sitePages } from '../support/site-pages.ts';

const PAGES = sitePages();
const WIDTHS = [390, 1280] as const;

/** How far the page itself scrolls sideways, in px (0 or less: not at all). */
function pageOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Screenshots for review at 1280 and 390 px, light and dark, under reports/screenshots/<project>/ (also scripts/screenshots.ts). */
async function screenshots(page: Page, project: string, name: string) {
	const dir = path.join('reports', 'screenshots', project);
	fs.mkdirSync(dir, { recursive: true });
	for (const width of [1280, 390]) {
		for (const theme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: theme });
			await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
			await page.screenshot({ path: path.join(dir, `${name}-${width}-${theme}.png`), fullPage: true });
		}
	}
	await page.emulateMedia({ colorScheme: null });
}

/** Code blocks and tables whose content is wider than their box, described for the failure message. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
	return page.locator('pre, table').evaluateAll((elements) =>
		elements
			.filter((el) => el.scrollWidth > el.clientWidth + 1)
			.map((el) => {
				const title = el.closest('figure')?.querySelector('.title')?.textContent ?? '';
				const text = (el.textContent ?? '').trim().slice(0, 60);
				return `<${el.tagName.toLowerCase()}> ${title} "${text}…": ${el.scrollWidth} px of content in ${el.clientWidth} px`;
			}),
	);
}

for (const sitePage of PAGES) {
	test.describe(`page ${sitePage.name}`, () => {
		// Layout and listings do not depend on the base path: the thorough (root) build checks them.
		test.beforeEach(({}, testInfo) => {
			thoroughOnly(testInfo);
		});
		test(`fits ${WIDTHS.join(' and ')} px: neither the page nor a code block or table scrolls sideways, even with every whole file open; no code block a reader sees without a click is longer than ${MAX_VISIBLE_LINES} lines`, async ({
			page,
		}, testInfo) => {
			await page.setViewportSize({ width: WIDTHS[0]!, height: 844 });
			await page.goto(sitePage.path);
			expect(await pageOverflow(page), `the page scrolls sideways at ${WIDTHS[0]} px`).toBeLessThanOrEqual(0);
			const tooLong = await page.locator('pre').evaluateAll(
				(blocks, max) =>
					blocks
						.filter((pre) => pre.checkVisibility())
						.map((pre) => {
							const ecLines = pre.querySelectorAll('.ec-line').length;
							const lines = ecLines || (pre.textContent ?? '').replace(/\n$/, '').split('\n').length;
							const title =
								pre.closest('figure')?.querySelector('.title')?.textContent ?? pre.textContent?.slice(0, 40);
							return { title, lines };
						})
						.filter((block) => block.lines > max),
				MAX_VISIBLE_LINES,
			);
			expect(tooLong, 'code blocks a reader sees without a click').toEqual([]);
			// Screenshots for review cost seconds per page: taken when asked for (SCREENSHOTS=1 npm test -- --only e2e).
			if (process.env.SCREENSHOTS && (sitePage.isLesson || sitePage.name === 'home'))
				await screenshots(page, testInfo.project.name, sitePage.name);

			await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
			// A whole file's listing enters the page when its panel opens.
			await page.waitForFunction(() => !document.querySelector('details[open] > .example-code__loading'));
			for (const width of WIDTHS) {
				// The layout follows the window, as when a reader resizes it: one load serves every width.
				await page.setViewportSize({ width, height: 900 });
				expect(
					await pageOverflow(page),
					`the page scrolls sideways at ${width} px with every panel open`,
				).toBeLessThanOrEqual(0);
				expect(await sidewaysScrollers(page), `at ${width} px`).toEqual([]);
			}
		});

		if (sitePage.isLesson) {
			test('every example excerpt opens its whole file with one click', async ({ page }) => {
				await page.goto(sitePage.path);
				// Panels a reader can see: not those inside a closed panel, such as an exercise's solution.
				const panels = page.locator('details.example-code__whole-file:not(details:not([open]) *)');
				for (let i = 0; i < (await panels.count()); i++) {
					const panel = panels.nth(i);
					const code = panel.locator('pre');
					await expect(code).toHaveCount(0); // kept out of the page until asked for
					await panel.locator('summary').click();
					await expect(code).toBeVisible();
					const summary = await panel.locator('summary').textContent();
					const lines = Number(/\((\d+) lines\)/.exec(summary ?? '')?.[1]);
					expect(await code.locator('.ec-line').count(), summary ?? '').toBe(lines);
				}
				// A file already shown on the page is linked to, and the link opens it.
				const links = page.locator('p.example-code__whole-file a');
				for (let i = 0; i < (await links.count()); i++) {
					const panel = page.locator(`[id="${(await links.nth(i).getAttribute('href'))!.slice(1)}"]`);
					await panel.evaluate((d) => ((d as HTMLDetailsElement).open = false));
					await links.nth(i).click();
					await expect(panel.locator('pre')).toBeVisible();
				}
			});
		}
	});
}
