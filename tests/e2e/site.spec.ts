import { expect, test } from '@playwright/test';
import { loadExample, readExampleFile } from '../../src/lib/examples/metadata.ts';

test('learner can open the home page and start the course', async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1, name: 'Speed Up Python With Concurrency' })).toBeVisible();
	await page.getByRole('link', { name: 'Start the course' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(page.url()).toContain('/lessons/');
});

test('learner can read the latency lesson with the example code from examples/latency', async ({ page }) => {
	const example = loadExample('latency');
	const script = example.scripts[0]!;
	const code = readExampleFile(example, script.file);
	await page.goto('lessons/latency/');
	await expect(page.getByRole('heading', { level: 1, name: 'Latency and I/O-bound programs' })).toBeVisible();
	const block = page.locator(`.example-code[data-example="latency"][data-file="${script.file}"]`);
	await expect(block).toBeVisible();
	// The lesson shows an excerpt; one click opens the whole file, read from examples/ at build time: every
	// non-blank line of the file is there, in order (the page shows the file, not a copy of it).
	const whole = block.locator('details.example-code__whole-file');
	await whole.locator('summary').click();
	const shown = await whole.locator('pre').innerText();
	const lines = code
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	let from = 0;
	for (const line of lines) {
		const at = shown.indexOf(line, from);
		expect(at, `line missing from the page: ${line}`).toBeGreaterThanOrEqual(0);
		from = at + line.length;
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('learner who opens a whole-file panel is pointed to the example zip', async ({ page, request }) => {
		await page.goto('lessons/latency/');
		const whole = page.locator('.example-code[data-example="latency"] details.example-code__whole-file').first();
		await whole.locator('summary').click();
		const link = whole.getByRole('link', { name: 'latency.zip' });
		await expect(link).toBeVisible();
		const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
		expect((await request.get(href)).status(), href).toBe(200);
	});
});

test('every sidebar link resolves', async ({ page, request }) => {
	// The home page is a splash page without a sidebar: start from the first lesson.
	await page.goto('lessons/welcome/');
	const hrefs = await page
		.locator('nav[aria-label="Main"] a[href]')
		.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
	expect(hrefs.length).toBeGreaterThan(0);
	for (const href of hrefs) {
		const response = await request.get(href);
		expect(response.status(), href).toBe(200);
	}
});
