/**
 * A reader on a slow line gets each page in at most 200 KB of HTML (served without compression, as a plain static
 * host would): what a click reveals (whole files, run controls' code) is loaded on that click. And the lessons keep
 * issue 22's budgets on the pages as built: at most 2,500 words of prose each, 21,500 in the course, and at most 25
 * words naming the site's machinery (scripts/lib/prose-count.ts says what counts).
 *
 * Both read the build's files from disk, the bytes the preview server sends, not through the preview server; the
 * words are counted by the test's browser in each lesson's main column (no page load, no scripts): under a second.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type TestInfo } from '@playwright/test';
import { LIMITS, countProseScript, type ProseCount } from '../../scripts/lib/prose-count.ts';
import { builtLessonPages, overBudget, type LessonCount } from '../../scripts/prose-count.ts';
import { REPO_ROOT } from '../../src/lib/paths.ts';
import { sitePages } from '../support/site-pages.ts';
import { SITE_BUILDS } from '../support/site-builds.ts';
import { thoroughOnly } from '../support/thorough.ts';

/** The budget, in bytes (1 KB = 1000 bytes, as the sizes were reported). */
const MAX_PAGE_HTML_BYTES = 200_000;

/** The folder of the build this project serves. */
function outDir(testInfo: TestInfo): string {
	const build = SITE_BUILDS.find((b) => b.name === testInfo.project.name);
	if (!build) throw new Error(`no site build named ${testInfo.project.name} (tests/support/site-builds.ts)`);
	return path.resolve(REPO_ROOT, build.outDir);
}

// On both builds: a sub-path lengthens every link, so its pages are a little heavier.
test('a reader gets every page in at most 200 KB of HTML', async ({}, testInfo) => {
	const dir = outDir(testInfo);
	const pages = sitePages();
	expect(pages.filter((p) => p.isLesson).length).toBeGreaterThan(5);
	const sizes = pages.map((p) => ({
		page: p.path || '/',
		bytes: fs.statSync(path.join(dir, p.path, 'index.html')).size,
	}));
	testInfo.annotations.push({
		type: 'HTML bytes',
		description: sizes.map((s) => `${s.page} ${s.bytes}`).join(', '),
	});
	// A page under 1 KB is not a lesson that got lighter but one that lost its content: the budget would pass it.
	expect(
		sizes.filter((s) => s.bytes < 1_000),
		'pages with almost no HTML',
	).toEqual([]);
	expect(
		sizes.filter((s) => s.bytes > MAX_PAGE_HTML_BYTES),
		`budget ${MAX_PAGE_HTML_BYTES} bytes`,
	).toEqual([]);
});

test(
	`every lesson as built holds at most ${LIMITS.lesson} words of prose, the course ${LIMITS.course}, and at most ` +
		`${LIMITS.machinery} words name the site's machinery`,
	async ({ page }, testInfo) => {
		thoroughOnly(testInfo); // the words are the same under any base
		const counts: LessonCount[] = [];
		for (const { lesson, html } of builtLessonPages(outDir(testInfo))) {
			await page.setContent(html, { waitUntil: 'domcontentloaded' });
			counts.push({ lesson, ...((await page.evaluate(countProseScript())) as ProseCount) });
		}
		const lessons = sitePages().filter((p) => p.isLesson);
		expect(counts.map((c) => `lessons/${c.lesson}/`)).toEqual(lessons.map((p) => p.path));
		testInfo.annotations.push({
			type: 'prose words',
			description:
				counts.map((c) => `${c.lesson} ${c.words}`).join(', ') +
				`; course ${counts.reduce((s, c) => s + c.words, 0)}` +
				`; machinery ${counts.reduce((s, c) => s + c.machinery.length, 0)}: ` +
				counts.flatMap((c) => c.machinery.map((w) => `${w} (${c.lesson})`)).join(', '),
		});
		// A lesson whose prose the count cannot find (a changed layout) would pass any budget.
		expect(
			counts.filter((c) => c.words < 100),
			'lessons with almost no prose found',
		).toEqual([]);
		expect(overBudget(counts, false)).toEqual([]);
	},
);

test('a whole file opened under an excerpt is fetched on that click, not carried by the lesson', async ({ page }) => {
	await page.goto('lessons/race-conditions/');
	const panel = page.locator('details.example-code__whole-file').first();
	const listing = panel.getAttribute('data-listing');
	const fetched = page.waitForRequest(async (request) => request.url().endsWith((await listing)!));
	await panel.locator('summary').click();
	await fetched;
	await expect(panel.locator('.expressive-code pre')).toBeVisible();
});
