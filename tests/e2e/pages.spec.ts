/**
 * Every page of the built site, in a real browser: it loads cleanly, talks to no other host, every internal link
 * and anchor on it resolves, and it passes axe in both themes (one load, the system theme switched between audits; in
 * the second theme the colour rules only, since colours are all a theme changes). Its layout at 390 and 1280 px:
 * layout.spec.ts.
 * Axe does not depend on where the site is served: it runs on the root build only (the project's `thorough` flag);
 * loading and links run on both builds.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sitePages } from '../support/site-pages.ts';
import { thoroughOnly } from '../support/thorough.ts';

const PAGES = sitePages();
/**
 * Internal pages fetched for the link checks, by URL, shared by the tests of this worker: every page links the same
 * sidebar, so each target is fetched once per worker, not once per page that links it.
 */
const fetched = new Map<string, Promise<{ status: number; text: string }>>();
const THEMES = ['light', 'dark'] as const;
/** Starlight's own audit set: WCAG 2.x A/AA and best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Axe's rules whose answer depends on colours, the only thing a theme changes (the rest run in the first theme). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Records console errors, failed requests and requests to any host but the site's own. */
function watch(page: Page, siteOrigin: string) {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('requestfailed', (request) =>
		problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`),
	);
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol.startsWith('http') && url.origin !== siteOrigin)
			problems.push(`request to another host: ${request.url()}`);
	});
	return problems;
}

for (const sitePage of PAGES) {
	test.describe(`page ${sitePage.name}`, () => {
		test(
			'loads with no console errors, no failed requests and no request ' +
				'to another host; every internal link and anchor on it resolves',
			async ({ page, request, baseURL }) => {
				const origin = new URL(baseURL!).origin;
				const problems = watch(page, origin);
				await page.goto(sitePage.path);
				await page.waitForLoadState('networkidle');
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				expect(problems).toEqual([]);

				const links = await page
					.locator('a[href]')
					.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
				const internal = [...new Set(links)].filter((href) => href.startsWith(origin));
				const pagesChecked = new Map<string, string>();
				for (const href of internal) {
					const url = new URL(href);
					const target = url.origin + url.pathname;
					if (!pagesChecked.has(target)) {
						if (!fetched.has(target))
							fetched.set(
								target,
								request.get(target).then(async (r) => ({ status: r.status(), text: await r.text() })),
							);
						const { status, text } = await fetched.get(target)!;
						expect(status, `${href} from ${sitePage.path || '/'}`).toBe(200);
						pagesChecked.set(target, text);
					}
					if (url.hash && url.hash !== '#_top') {
						const id = decodeURIComponent(url.hash.slice(1));
						expect(pagesChecked.get(target), `anchor ${href} from ${sitePage.path || '/'}`).toContain(`id="${id}"`);
					}
				}
			},
		);

		test(`has no serious or critical accessibility violation in the ${THEMES.join(' or the ')} theme`, async ({
			page,
		}, testInfo) => {
			thoroughOnly(testInfo);
			// Expressive Code makes scrollable code blocks focusable from a script: audit the page once it has run.
			await page.emulateMedia({ colorScheme: THEMES[0] });
			await page.goto(sitePage.path, { waitUntil: 'networkidle' });
			const serious: string[] = [];
			for (const theme of THEMES) {
				// Starlight follows the system theme while the reader has not picked one: one load serves both audits.
				await page.emulateMedia({ colorScheme: theme });
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				// The second theme changes colours only: the rules about colour are the ones that can give another answer.
				const axe = new AxeBuilder({ page });
				const results = await (theme === THEMES[0] ? axe.withTags(AXE_TAGS) : axe.withRules(COLOUR_RULES)).analyze();
				for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
					serious.push(
						`${theme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
					);
				}
			}
			expect(serious).toEqual([]);
		});
	});
}

test('learner can search the course offline for a word from a lesson', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	await page.goto('./', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: /Search/ }).click();
	// Pagefind's index and UI load on first use, from the site itself.
	const box = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
	await box.fill('laundromat');
	const result = page.locator('.pagefind-ui__result-link').first();
	await expect(result).toBeVisible();
	await expect(result).toHaveAttribute('href', /lessons\/what-is-concurrency\//);
	expect(problems).toEqual([]);
});
