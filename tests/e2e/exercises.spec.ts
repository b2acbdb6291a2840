/**
 * The exercise at the end of a lesson, in Chromium: the learner reads the task, downloads the zip that holds the
 * exercise, opens the hints one at a time and the solution one more click away; the section passes axe with
 * everything open. Lessons are found from their sources (never a hand-written list); the sub-path build checks the
 * first exercise (its links and zip under the base), the root build every one.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { firstOnlyUnlessThorough } from '../support/thorough.ts';
import { loadExample } from '../../src/lib/examples/metadata.ts';
import { EXERCISE_FILES, loadExercise } from '../../src/lib/exercises/load.ts';
import { REPO_ROOT } from '../../src/lib/paths.ts';
import { zipPath } from '../../src/lib/ways-in/commands.ts';

const LESSONS = path.join(REPO_ROOT, 'src', 'content', 'docs', 'lessons');
const USES = fs
	.readdirSync(LESSONS)
	.filter((file) => file.endsWith('.mdx'))
	.flatMap((file) =>
		[...fs.readFileSync(path.join(LESSONS, file), 'utf8').matchAll(/<Exercise example="([^"]+)" name="([^"]+)"/g)].map(
			(m) => ({
				page: `lessons/${file.replace(/\.mdx$/, '')}/`,
				slug: m[1]!,
				name: m[2]!,
			}),
		),
	);

for (const [index, use] of USES.entries()) {
	const exercise = loadExercise(loadExample(use.slug), use.name);
	test(`${use.page}: learner can read the exercise ${use.name}, download it, and open the hints, then the solution`, async ({
		page,
		request,
	}, testInfo) => {
		firstOnlyUnlessThorough(testInfo, index);
		await page.goto(use.page);
		const section = page.locator(`[data-exercise="${use.slug}/${use.name}"]`);
		await expect(section).toBeVisible();
		await expect(section.locator('.exercise-task')).toContainText('Your task');
		await expect(section.locator('[data-way="stackblitz"]')).toContainText('Not in the browser');
		await expect(section.locator('[data-commands="exercise-zip"]')).toContainText(
			`cd ${use.slug}/exercises/${use.name}`,
		);

		const href = await section.locator('a.exercise-zip').getAttribute('href');
		expect(href).toMatch(new RegExp(`${zipPath(use.slug).replace('.', '\\.')}$`));
		const zip = await request.get(new URL(href!, page.url()).href);
		expect(zip.status()).toBe(200);
		const names = Object.keys(unzipSync(await zip.body()));
		for (const file of Object.values(EXERCISE_FILES))
			expect(names).toContain(`${use.slug}/exercises/${use.name}/${file}`);

		// Hidden until asked: the hints, then each hint, then the solution.
		const first = { title: exercise.hints[0]!.title.replaceAll('`', '') }; // the page shows `code` as code
		await expect(section.getByText(first.title)).toBeHidden();
		await section.getByText(/^Show the hints/).click();
		await expect(section.getByText(first.title)).toBeVisible();
		const firstBody = section.locator('.exercise-hint').first().locator('.exercise-hint-body');
		await expect(firstBody).toBeHidden();
		await section.getByText(first.title).click();
		await expect(firstBody).toBeVisible();
		const solution = section.locator('.exercise-solution [data-file]');
		await expect(solution).toBeHidden();
		await section.getByText(/^The solution \(/).click();
		await expect(solution).toBeVisible();
		await expect(solution).toHaveAttribute('data-file', `exercises/${use.name}/${EXERCISE_FILES.solution}`);

		await section.evaluate((el) => el.querySelectorAll('details').forEach((d) => (d.open = true)));
		const axe = await new AxeBuilder({ page }).include(`[data-exercise="${use.slug}/${use.name}"]`).analyze();
		expect(
			axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
		).toEqual([]);
	});
}
