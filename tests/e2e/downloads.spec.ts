/**
 * The whole-course downloads, as a learner gets them from the built site: the course as one PDF (printed by
 * `npm run pdf`) and all the code in one zip, each linked with its real size.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { thoroughOnly } from '../support/thorough.ts';
import {
	appendixStartPage,
	lessonStartPages,
	pdfPageTexts,
	pdfTitle,
	widgetTextsIn,
} from '../../scripts/lib/pdf-text.ts';
import { PRINT_PAGE_PATH, formatBytes } from '../../src/lib/ways-in/downloads.ts';
import { WHOLE_FILE_CLASS } from '../../src/lib/lessons/print.ts';
import { loadExamples } from '../../src/lib/examples/metadata.ts';
import { buildAllExamplesZip } from '../../src/lib/ways-in/zip.ts';
import { sitePages } from '../support/site-pages.ts';

/** The lesson titles in sidebar order, as a learner sees them in the sidebar. */
async function sidebarTitles(page: import('@playwright/test').Page): Promise<string[]> {
	await page.goto('lessons/welcome/');
	return (await page.locator('nav[aria-label="Main"] a[href*="/lessons/"]').allInnerTexts()).map((text) => text.trim());
}

test('learner can download the whole course as one PDF from the home page, its size stated on the link', async ({
	page,
	request,
}) => {
	await page.goto('./');
	const link = page.locator('a[data-course-pdf]');
	await expect(link).toBeVisible();
	const response = await request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	const bytes = await response.body();
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	expect(Number(await link.locator('[data-pdf-size]').getAttribute('data-pdf-size'))).toBe(bytes.length);
	await expect(link).toHaveText(`The whole course as one PDF (${formatBytes(bytes.length)})`);
});

test('every lesson links the same PDF in its footer, with the same size', async ({ page, request }) => {
	await page.goto('./');
	const home = page.locator('a[data-course-pdf]');
	const href = await home.getAttribute('href');
	const size = await home.locator('[data-pdf-size]').getAttribute('data-pdf-size');
	const lessons = sitePages().filter((p) => p.isLesson);
	expect(lessons.length).toBeGreaterThan(0);
	for (const lesson of lessons) {
		await page.goto(lesson.path);
		const link = page.locator('a[data-course-pdf]');
		await expect(link, lesson.path).toHaveCount(1);
		expect(await link.getAttribute('href'), lesson.path).toBe(href);
		expect(await link.locator('[data-pdf-size]').getAttribute('data-pdf-size'), lesson.path).toBe(size);
	}
	expect((await request.head(href!)).status()).toBe(200);
});

test('the PDF holds a title page, the contents with page numbers, then every lesson in sidebar order, numbered pages', async ({
	page,
	request,
}) => {
	const titles = await sidebarTitles(page);
	expect(titles.length).toBeGreaterThan(5);
	await page.goto('./');
	const bytes = await (await request.get((await page.locator('a[data-course-pdf]').getAttribute('href'))!)).body();
	const pages = await pdfPageTexts(bytes);
	expect(pages[0]).toContain('Speed Up Python With Concurrency');
	const contents = pages.findIndex((text) => /^Contents\b/.test(text));
	expect(contents, 'a contents page right after the title page').toBe(1);
	const starts = lessonStartPages(pages, titles, contents + 1);
	expect(
		starts.every((start) => start !== null),
		`lessons found at pages ${starts.join(', ')}`,
	).toBe(true);
	// In sidebar order, each lesson from a new page, and at least a page each.
	for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
	expect(pages.length).toBeGreaterThanOrEqual(titles.length + 2);
	// The contents says where each lesson starts.
	titles.forEach((title, i) => expect(pages[contents], title).toContain(`${i + 1}. ${title} ${starts[i]}`));
	// Every page is numbered "page n of total" by the print footer.
	pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`page ${i + 1} of ${pages.length}`));
});

test('the PDF reads like a book: a cover with the address, no widget text, hints and solutions in an appendix after the last lesson', async ({
	page,
	request,
}, testInfo) => {
	const titles = await sidebarTitles(page);
	await page.goto('./');
	const bytes = await (await request.get((await page.locator('a[data-course-pdf]').getAttribute('href'))!)).body();
	const pages = await pdfPageTexts(bytes);
	expect(widgetTextsIn(pages), "texts of the site's widgets printed in the PDF").toEqual([]);
	expect(await pdfTitle(bytes), 'the title metadata, once').toBe('Speed Up Python With Concurrency');
	// The cover gives the address where the course is published (SITE + BASE of the build).
	expect(pages[0]).toMatch(
		new RegExp(`https?://\\S+${(testInfo.project.metadata.base as string).replace(/\//g, '\\/')}`),
	);
	const starts = lessonStartPages(pages, titles, 2);
	const appendix = appendixStartPage(pages, Math.max(...starts.map((n) => n ?? 0)));
	expect(appendix, 'an appendix after the last lesson').not.toBeNull();
	const solution = /The solution \(solution\.py\)/;
	expect(
		pages.slice(0, appendix! - 1).filter((text) => solution.test(text)),
		'solutions before the appendix',
	).toEqual([]);
	const exercises = await (await request.get(PRINT_PAGE_PATH)).text();
	const count = (exercises.match(/class="print-appendix-entry/g) ?? []).length;
	expect(count).toBeGreaterThan(0);
	expect(
		pages
			.slice(appendix! - 1)
			.join(' ')
			.match(new RegExp(solution.source, 'g'))?.length,
		"every exercise's solution in the appendix",
	).toBe(count);
});

test('the printable course page has each id once (valid HTML), however many lessons share a heading', async ({
	request,
}) => {
	const html = await (await request.get(PRINT_PAGE_PATH)).text();
	const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
	expect(ids.length).toBeGreaterThan(100);
	expect([...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]).toEqual([]);
});

/**
 * The printable course is every lesson on one page: 20 to 40 s to load and lay out on a busy 2-core machine, so
 * its tests get three minutes rather than the default one.
 */
const PRINT_PAGE_TIMEOUT_MS = 180_000;

test('the printable course shows every self-check answer and wraps code instead of clipping it', async ({ page }) => {
	test.setTimeout(PRINT_PAGE_TIMEOUT_MS);
	await page.emulateMedia({ media: 'print', colorScheme: 'light' });
	await page.goto(PRINT_PAGE_PATH);
	expect(await page.locator(`details:not([open]):not(.${WHOLE_FILE_CLASS})`).count()).toBe(0);
	expect(await page.locator('.self-check details').count()).toBeGreaterThan(0);
	const clipped = await page
		.locator('pre')
		.evaluateAll((blocks) => blocks.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length);
	expect(clipped, 'code blocks wider than the printed page').toBe(0);
	await expect(page.locator('nav.sidebar, header.header, .pagination-links').first()).toBeHidden();
});

test('learner can download all the code in one zip from the home page, its size stated on the link', async ({
	page,
	request,
}) => {
	await page.goto('./');
	const link = page.locator('a[data-all-examples-zip]');
	await expect(link).toBeVisible();
	const response = await request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	const bytes = await response.body();
	// The same bytes as the library builds from examples/ (unzipped and run in tests/integration/zip.run.test.ts).
	expect(bytes.equals(Buffer.from(buildAllExamplesZip(loadExamples())))).toBe(true);
	expect(Number(await link.getAttribute('data-bytes'))).toBe(bytes.length);
	await expect(link).toContainText(`(${formatBytes(bytes.length)})`);
});

test('the printable course page: its own parts pass axe, and its contents and lesson links stay inside it', async ({
	page,
}, testInfo) => {
	thoroughOnly(testInfo);
	test.setTimeout(PRINT_PAGE_TIMEOUT_MS);
	await page.goto(PRINT_PAGE_PATH, { waitUntil: 'load' });
	// Every in-page link (the contents, links between lessons) points at an element of this page.
	const missing = await page
		.locator('a[href^="#"]')
		.evaluateAll((links) =>
			links
				.map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)))
				.filter((id) => id && id !== '_top' && !document.getElementById(id)),
		);
	expect([...new Set(missing)]).toEqual([]);
	const titles = await page.locator('.print-lesson-title').count();
	expect(await page.locator('.print-contents a[href^="#lesson-"]').count()).toBe(titles);
	expect(
		await page.locator('a[href*="/lessons/"], a[href^="../"]').count(),
		'links leaving the document for a lesson page',
	).toBe(0);
	// The lessons' content is audited on the lesson pages (pages.spec.ts), and axe over all of it at once takes
	// minutes: audit what this page adds (title page, contents, lesson titles and goals) with the lesson bodies taken out.
	await page.evaluate(() =>
		document
			.querySelectorAll('.print-lesson > :not(.print-lesson-title):not(.print-goals)')
			.forEach((node) => node.remove()),
	);
	for (const theme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: theme });
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
			.analyze();
		const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	}
});
