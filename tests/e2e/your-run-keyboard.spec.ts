/**
 * "Compare with your run" with the keyboard and a screen reader: a learner tabs to the file input, opens the file
 * chooser with the keyboard, picks their report, hears the status, reads their chart's legend and the comparison
 * table (focusable, so it scrolls on a phone), and forgets the run with the keyboard. The page with their run shown
 * passes axe with no violation of any impact, in both themes (Lighthouse's accessibility 100 asks as much).
 * On the root build only: none of it depends on the base. Offline: requests to other hosts are blocked.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type FileChooser } from '@playwright/test';
import { comparePages, learnerReport } from '../support/learner-reports.ts';
import { tabFromSectionTo } from '../support/keyboard.ts';
import { thoroughOnly } from '../support/thorough.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

test.beforeEach(async ({ context, baseURL }, testInfo) => {
	thoroughOnly(testInfo);
	const origin = new URL(baseURL!).origin;
	await context.route(
		(url) => url.protocol.startsWith('http') && url.origin !== origin,
		(route) => route.abort('blockedbyclient'),
	);
});

// A sweep (a chart with a legend) shows the most: the overhead example's, wherever a lesson draws it.
const SLUG = 'overhead';

const TITLE =
	'a keyboard user loads their run, reads it beside ours with a legend and a table, and forgets it; axe finds nothing';
test(TITLE, async ({ page }) => {
	// The report comes from the global setup, which makes every example's side by side: on a busy machine this test
	// can wait for it a while before its own steps start.
	test.setTimeout(120_000);
	const lesson = comparePages().find((p) => p.examples.includes(SLUG));
	expect(lesson, `a lesson with a figure of examples/${SLUG}`).toBeDefined();
	const text = await learnerReport(SLUG);
	// Listening before the page loads turns Chromium's interception of file choosers on in time: a listener added just
	// before the key press races it (on a loaded machine the press won, and no chooser event came).
	const choosers: FileChooser[] = [];
	page.on('filechooser', (chooser) => choosers.push(chooser));
	await page.goto(lesson!.path);
	const root = page.locator(`[data-your-run="${SLUG}"]`);
	const input = root.getByLabel('Compare with your run', { exact: true });
	expect(await tabFromSectionTo(page, input), 'Tab reaches the file input').toBe(true);
	// Space opens the file chooser of a focused file input (Enter does not, in Chromium). The focus is checked again
	// right before: on a loaded machine the page's late scripts run meanwhile, and a lost focus must say so.
	await expect(input).toBeFocused();
	await page.keyboard.press('Space');
	await expect.poll(() => choosers.length, { timeout: 30_000 }).toBe(1); // a hang guard: at once when idle
	await choosers[0]!.setFiles({ name: 'my-run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(root.getByRole('status')).toContainText('is drawn beside ours', { timeout: 30_000 });
	await expect(root.getByRole('alert')).toBeEmpty();

	// Their chart has the same legend as ours: the same series, names, colours and symbols.
	const slot = page.locator(`[data-your-run-slot="${SLUG}"]`).first();
	const figure = page.locator('.sl-figure', { has: slot });
	const ourLegend = figure.locator(':scope > figure').getByRole('list', { name: 'Legend' });
	const yourLegend = slot.getByRole('list', { name: 'Legend of your run' });
	await expect(yourLegend).toBeVisible();
	expect(await yourLegend.getByRole('listitem').allTextContents()).toEqual(
		await ourLegend.getByRole('listitem').allTextContents(),
	);
	expect(await yourLegend.locator('svg').evaluateAll((s) => s.map((e) => e.getAttribute('class')))).toEqual(
		await ourLegend.locator('svg').evaluateAll((s) => s.map((e) => e.getAttribute('class'))),
	);

	// The comparison table: reached with Tab, captioned, with column and row headers.
	const table = root.getByRole('table');
	const wrap = root.locator('.yr-table .sl-table-wrap');
	await wrap.focus();
	await expect(wrap).toBeFocused();
	expect(await table.locator('caption').textContent()).toBeTruthy();
	expect(await table.locator('thead th[scope="col"]').count()).toBeGreaterThan(1);
	expect(await table.locator('tbody th[scope="row"]').count()).toBeGreaterThan(0);

	// Nothing for axe to report, whatever the impact, in either theme.
	for (const theme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: theme });
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
		expect(
			results.violations.map((v) => `${theme}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(', ')}`),
		).toEqual([]);
	}

	// Forget, with the keyboard: Tab from the table to the button, Enter.
	const forget = root.getByRole('button', { name: 'Forget my run' });
	for (let i = 0; i < 5 && !(await forget.evaluate((b) => b === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(forget).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(root.getByRole('status')).toHaveText(/Your run is forgotten/);
	await expect(input).toBeFocused();
	await expect(slot).toBeHidden();
});
