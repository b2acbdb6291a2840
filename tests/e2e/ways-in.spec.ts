/**
 * The three ways into an example, in Chromium, on every lesson that shows <RunExample>: the StackBlitz button (the
 * SDK's form post to stackblitz.com intercepted and compared with the built payload), the zip link, the commands,
 * and the support matrix. Runs against both builds (site root and sub-path), so no URL may assume the root; the
 * sub-path build checks the first lesson's block and what its base can break (tests/support/thorough.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { loadExample, loadExamples } from '../../src/lib/examples/metadata.ts';
import { REPO_ROOT } from '../../src/lib/paths.ts';
import { buildStackBlitzPayload, type StackBlitzPayload } from '../../src/lib/ways-in/stackblitz.ts';
import { supportMatrix } from '../../src/lib/ways-in/support-matrix.ts';
import { cloneCommands, payloadPath, zipCommands, zipPath } from '../../src/lib/ways-in/commands.ts';
import { tabFromSectionTo } from '../support/keyboard.ts';
import { firstOnlyUnlessThorough, thoroughOnly } from '../support/thorough.ts';
import { buildExampleZip } from '../../src/lib/ways-in/zip.ts';
import { runExamplePages } from '../support/run-example-pages.ts';

const PAGES = runExamplePages();
const STACKBLITZ = /^https:\/\/stackblitz\.com\//;
/** A string only the StackBlitz SDK's code contains: proves whether the SDK was downloaded. */
const SDK_SIGNATURE = 'Unsupported project.template';

/** Intercepts the SDK's form post (it never reaches the internet) and returns what it would have sent. */
async function interceptStackBlitz(context: BrowserContext): Promise<() => Promise<Request>> {
	let resolve!: (request: Request) => void;
	const posted = new Promise<Request>((r) => (resolve = r));
	await context.route(STACKBLITZ, async (route) => {
		resolve(route.request());
		await route.fulfill({
			status: 200,
			contentType: 'text/html',
			body: '<!doctype html><title>StackBlitz (stub)</title>',
		});
	});
	return () => posted;
}

/**
 * Rebuilds the SDK's `project` from its form fields: project[title], project[template], project[files][<path>]...
 * A browser submitting a form turns every line break in a value into CRLF (HTML's form encoding), so StackBlitz
 * receives CRLF files: the payload run test writes the project with CRLF for that reason; here LF is restored.
 */
function projectFromForm(body: string): StackBlitzPayload['project'] {
	const form = new URLSearchParams(body);
	const files: Record<string, string> = {};
	for (const [key, value] of form) {
		const file = /^project\[files\]\[(.+)\]$/.exec(key)?.[1];
		if (file) files[file.replaceAll('%5B', '[').replaceAll('%5D', ']')] = value.replaceAll('\r\n', '\n');
	}
	return {
		title: form.get('project[title]')!,
		description: form.get('project[description]') ?? undefined,
		template: form.get('project[template]') as 'node',
		files,
	};
}

/** Every request the page makes, by URL, in order. */
function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

test.describe('pages with <RunExample>', () => {
	test('there is at least one, for an example that exists', () => {
		expect(PAGES.length).toBeGreaterThan(0);
		for (const page of PAGES) expect(() => loadExample(page.slug)).not.toThrow();
	});

	for (const [index, { path: pagePath, slug }] of PAGES.entries()) {
		test.describe(`${pagePath} (${slug})`, () => {
			// Lessons that show the same example show the same block: the first of them checks it.
			const first = PAGES.find((p) => p.slug === slug)!;
			test.beforeEach(({}, testInfo) => {
				test.skip(first.path !== pagePath, `the same block as on ${first.path}, checked there`);
				firstOnlyUnlessThorough(testInfo, index);
			});
			test('downloads nothing from StackBlitz before a click; the click opens StackBlitz with the built payload', async ({
				page,
				context,
				baseURL,
				request,
			}, testInfo) => {
				const base = testInfo.project.metadata.base as string;
				const origin = new URL(baseURL!).origin;
				const urls = recordRequests(page);
				const scripts: string[] = [];
				page.on('response', async (response) => {
					if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
				});
				const posted = await interceptStackBlitz(context);
				await page.goto(pagePath);
				await page.waitForLoadState('networkidle');

				const block = page.locator(`[data-run-example="${slug}"]`);
				const button = block.getByRole('button', { name: 'Open in StackBlitz' });
				await expect(button).toBeVisible();
				// Before the click: only the site's own host, no payload, no SDK code.
				expect(urls.filter((url) => new URL(url).origin !== origin && url.startsWith('http'))).toEqual([]);
				expect(urls.filter((url) => url.includes(payloadPath(slug)))).toEqual([]);
				expect(scripts.filter((code) => code.includes(SDK_SIGNATURE))).toEqual([]);
				await expect(block.locator('[data-stackblitz]')).toHaveAttribute('data-payload', `${base}${payloadPath(slug)}`);

				const popup = context.waitForEvent('page');
				await button.click();
				const sent = await posted();
				await popup;
				await expect(block.locator('[data-stackblitz]').getByRole('status')).toContainText(
					'StackBlitz opened in a new tab',
				);

				// The payload came from this site (under its base), and the SDK only now.
				expect(urls).toContain(`${origin}${base}${payloadPath(slug)}`);
				expect(scripts.some((code) => code.includes(SDK_SIGNATURE))).toBe(true);
				expect(
					urls.filter(
						(url) => url.startsWith('http') && ![origin, 'https://stackblitz.com'].includes(new URL(url).origin),
					),
				).toEqual([]);

				// What the SDK posts is exactly the built JSON, which is exactly what the library builds.
				expect(sent.method()).toBe('POST');
				const built = (await (await request.get(`${base}${payloadPath(slug)}`)).json()) as StackBlitzPayload;
				expect(projectFromForm(sent.postData()!)).toEqual(built.project);
				expect(built).toEqual(JSON.parse(JSON.stringify(buildStackBlitzPayload(loadExample(slug)))));
				const target = new URL(sent.url());
				expect(target.pathname).toBe('/run');
				expect(target.searchParams.get('file')).toBe(String(built.options.openFile));
				// The project's .stackblitzrc starts `npm start`; no startScript parameter names it a second time.
				expect(target.searchParams.has('startScript')).toBe(false);
			});

			test('shows the zip link and the commands that the tests run, all under the site base', async ({
				page,
				request,
			}, testInfo) => {
				const base = testInfo.project.metadata.base as string;
				const example = loadExample(slug);
				await page.goto(pagePath);
				const block = page.locator(`[data-run-example="${slug}"]`);
				await block.getByText('Commands for a terminal').click();
				const link = block.getByRole('link', { name: `Download ${slug}.zip`, exact: true });
				await expect(link).toHaveAttribute('href', `${base}${zipPath(slug)}`);
				const response = await request.get((await link.getAttribute('href'))!);
				expect(response.status()).toBe(200);
				expect(response.headers()['content-type']).toContain('application/zip');
				expect(Buffer.from(await response.body()).equals(Buffer.from(buildExampleZip(example)))).toBe(true);
				const shown = async (way: string) =>
					(await block.locator(`[data-commands="${way}"] pre`).innerText()).trim().split('\n');
				expect(await shown('clone')).toEqual(cloneCommands(example));
				expect(await shown('zip')).toEqual(zipCommands(example));
			});
		});
	}
});

test.describe('the StackBlitz button', () => {
	const { path: pagePath, slug } = PAGES[0] ?? { path: '', slug: '' };

	test('works from the keyboard, with a visible focus ring', async ({ page, context }, testInfo) => {
		thoroughOnly(testInfo);
		const posted = await interceptStackBlitz(context);
		await page.goto(pagePath);
		const button = page.locator(`[data-run-example="${slug}"]`).getByRole('button', { name: 'Open in StackBlitz' });
		await expect(button).toBeVisible();
		expect(await tabFromSectionTo(page, button), 'Tab reaches the button').toBe(true);
		const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Enter');
		expect((await posted()).method()).toBe('POST');
	});

	test('says what went wrong and offers the zip when the payload cannot be fetched', async ({ page }) => {
		await page.route(`**/${payloadPath(slug)}`, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
		await page.goto(pagePath);
		const block = page.locator(`[data-run-example="${slug}"] [data-stackblitz]`);
		await block.getByRole('button', { name: 'Open in StackBlitz' }).click();
		await expect(block.getByRole('status')).toContainText('Could not open StackBlitz (payload: HTTP 503)');
		await expect(block.getByRole('link', { name: `Download ${slug}.zip` })).toBeVisible();
	});

	test('is a link to the zip when JavaScript is off', async ({ browser, baseURL }, testInfo) => {
		const base = testInfo.project.metadata.base as string;
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
		try {
			const page = await context.newPage();
			await page.goto(pagePath);
			const block = page.locator(`[data-run-example="${slug}"] [data-stackblitz]`);
			await expect(block.getByRole('button')).toHaveCount(0); // hidden: not offered when it cannot work
			const link = block.getByRole('link', { name: `Download ${slug}.zip (StackBlitz needs JavaScript)` });
			await expect(link).toBeVisible();
			await expect(link).toHaveAttribute('href', `${base}${zipPath(slug)}`);
		} finally {
			await context.close();
		}
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`passes axe in the ${theme} theme with its disclosures open`, async ({ page }, testInfo) => {
			thoroughOnly(testInfo);
			await page.emulateMedia({ colorScheme: theme });
			await page.goto(pagePath);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const block = page.locator(`[data-run-example="${slug}"]`);
			for (const summary of await block.locator('summary').all()) await summary.click();
			await expect(block.locator('[data-commands="zip"] pre')).toBeVisible();
			const results = await new AxeBuilder({ page })
				.include(`[data-run-example="${slug}"]`)
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			expect(
				results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
			).toEqual([]);
		});
	}

	test('fits a 390 px screen with its disclosures open', async ({ page }, testInfo) => {
		thoroughOnly(testInfo);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(pagePath);
		const block = page.locator(`[data-run-example="${slug}"]`);
		for (const summary of await block.locator('summary').all()) await summary.click();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

test.describe('<SupportMatrix>', () => {
	/** Pages that show the summary of every example (`<SupportMatrix />` with no example). */
	const docs = path.join(REPO_ROOT, 'src', 'content', 'docs');
	const pages = fs
		.readdirSync(path.join(docs, 'lessons'))
		.filter((file) => /<SupportMatrix\s*\/>/.test(fs.readFileSync(path.join(docs, 'lessons', file), 'utf8')))
		.map((file) => `lessons/${file.replace(/\.mdx?$/, '')}/`);

	for (const pagePath of pages) {
		test(`${pagePath} says in one line per example how many of its scripts run in the browser, as the metadata says`, async ({
			page,
		}) => {
			await page.goto(pagePath);
			const summary = page.locator('[data-support-matrix="all"]');
			await expect(summary).toBeVisible();
			const rows = supportMatrix(loadExamples());
			const examples = [...new Set(rows.map((row) => row.example))];
			await expect(summary.locator('li')).toHaveCount(examples.length);
			for (const slug of examples) {
				const mine = rows.filter((row) => row.example === slug);
				const item = summary.locator(`li[data-example="${slug}"]`);
				await expect(item).toHaveAttribute('data-total', String(mine.length));
				await expect(item).toHaveAttribute(
					'data-runs',
					String(mine.filter((row) => row.ways.stackblitz.status !== 'skipped').length),
				);
			}
			await expect(summary).toContainText(`All ${rows.length} scripts run on your machine`);
		});
	}
});
