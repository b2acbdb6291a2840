/**
 * A reader on a slow line gets each lesson in at most 200 KB of HTML (served without compression, as a plain static
 * host would): what a click reveals (whole files, run controls' code) is loaded on that click.
 */
import { expect, test } from '@playwright/test';
import { sitePages } from '../support/site-pages.ts';

/** The budget, in bytes (1 KB = 1000 bytes, as the sizes were reported). */
const MAX_LESSON_HTML_BYTES = 200_000;

test('a reader gets every lesson in at most 200 KB of HTML', async ({ request }) => {
	const lessons = sitePages().filter((p) => p.isLesson);
	expect(lessons.length).toBeGreaterThan(5);
	const sizes = await Promise.all(
		lessons.map(async (lesson) => ({
			lesson: lesson.path,
			bytes: (await (await request.get(lesson.path)).body()).length,
		})),
	);
	expect(
		sizes.filter((s) => s.bytes > MAX_LESSON_HTML_BYTES),
		`budget ${MAX_LESSON_HTML_BYTES} bytes`,
	).toEqual([]);
});

test('a whole file opened under an excerpt is fetched on that click, not carried by the lesson', async ({ page }) => {
	await page.goto('lessons/race-conditions/');
	const panel = page.locator('details.example-code__whole-file').first();
	const listing = panel.getAttribute('data-listing');
	const fetched = page.waitForRequest(async (request) => request.url().endsWith((await listing)!));
	await panel.locator('summary').click();
	await fetched;
	await expect(panel.locator('.expressive-code pre')).toBeVisible();
});
