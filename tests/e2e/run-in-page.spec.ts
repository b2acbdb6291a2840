/**
 * "Run here": the lessons' in-page runner, in Chromium, offline (every request that leaves the site's origin is
 * blocked, and none may be attempted), on both builds (site root and sub-path).
 * Every script that example.json says runs under Pyodide runs in the page and its JSON report parses; a learner can
 * edit a script and see the edited output, stop a runaway loop and run again, and use it all from the keyboard and
 * with a screen reader. Before a click, no page loads anything of the runner beyond its small loader.
 */
import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { loadExample, readExampleFile } from '../../src/lib/examples/metadata.ts';
import { PYODIDE_FILES, RUN_IN_PAGE_DIR, inPageSupport, runnableScripts } from '../../src/lib/ways-in/run-in-page.ts';
import { zipPath } from '../../src/lib/ways-in/commands.ts';
import { reportProblems } from '../payload/reports.ts';
import { runExamplePages } from '../support/run-example-pages.ts';
import { tabFromSectionTo } from '../support/keyboard.ts';
import { sitePages } from '../support/site-pages.ts';
import { firstOnlyUnlessThorough } from '../support/thorough.ts';

/** The runner's loader, all of it a page loads before a press: its gzip size must stay within this budget. */
const LOADER_BUDGET_GZIP_BYTES = 512;
/** In the name of the loader's file (Astro names a component's script after the component). */
const RUNNER_LOADER = 'RunInPageScript';
/** In the name of the runner's behaviour, loaded on a first press (src/lib/ways-in/run-in-page-client.ts). */
const RUNNER_CLIENT = 'run-in-page-client';
/** A run (Pyodide load included) ends well within this on a busy 2-core machine; it is a hang guard, not a timing. */
const RUN_TIMEOUT_MS = 90_000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One lesson per example with a runnable script (several lessons may share an example: one run of each is enough). */
const EXAMPLE_PAGES = runExamplePages().filter(
	({ slug }, i, pages) =>
		runnableScripts(loadExample(slug)).length > 0 && pages.findIndex((p) => p.slug === slug) === i,
);
/** The lesson used for editing, stopping and keyboard tests: the first one with a runnable script. */
const DEMO = EXAMPLE_PAGES[0]!;
const DEMO_FILE = runnableScripts(loadExample(DEMO.slug))[0]!.file;

/**
 * Blocks every request to another origin and records it (a test then asserts there was none), and records every
 * request the page and its worker make.
 */
async function offline(context: BrowserContext, baseURL: string): Promise<{ blocked: string[]; requests: string[] }> {
	const origin = new URL(baseURL).origin;
	const blocked: string[] = [];
	const requests: string[] = [];
	await context.route(
		(url) => url.protocol.startsWith('http') && url.origin !== origin,
		(route) => {
			blocked.push(route.request().url());
			return route.abort('blockedbyclient');
		},
	);
	context.on('request', (request) => requests.push(request.url()));
	return { blocked, requests };
}

// The page's "Run it yourself" block keeps its run controls behind a disclosure: open it as a learner would.
test.beforeEach(async ({ page }) => {
	await page.addInitScript(() =>
		document.addEventListener('DOMContentLoaded', () => {
			for (const panel of document.querySelectorAll<HTMLDetailsElement>('details[data-way-section="page"]'))
				panel.open = true;
		}),
	);
});

/** The control for one script in the page's "Run it yourself" block. */
function control(page: Page, slug: string, file: string): Locator {
	return page.locator(`[data-run-example="${slug}"] [data-run-in-page="${slug}"][data-file="${file}"]`);
}

const parts = (root: Locator, file: string) => ({
	run: root.getByRole('button', { name: `Run here (${file})`, exact: true }),
	stop: root.getByRole('button', { name: `Stop (${file})`, exact: true }),
	edit: root.getByRole('button', { name: `Edit ${file}`, exact: true }),
	reset: root.getByRole('button', { name: 'Reset to the original' }),
	status: root.getByRole('status'),
	log: root.getByRole('log', { name: `Output of ${file}` }),
	code: root.getByRole('textbox', { name: new RegExp(`^Code of ${file.replace('.', '\\.')}`) }),
	args: root.getByRole('textbox', { name: 'Arguments' }),
});

/** Waits for the run to end and returns its status line. */
async function ended(root: Locator): Promise<string> {
	const status = root.getByRole('status');
	await expect(status).toHaveText(/^(Finished in|Failed|Stopped)/, { timeout: RUN_TIMEOUT_MS });
	return (await status.textContent())!;
}

/** What the script printed on stdout (stderr lines are shown too, but apart). */
function stdoutOf(root: Locator): Promise<string> {
	return root.locator('[role=log] .stdout').evaluateAll((lines) => lines.map((line) => line.textContent).join(''));
}

/** Where a line can be added at the top of a script: after any `from __future__` import, which must come first. */
function firstStatement(code: string): number {
	const future = /^from __future__ import .*\n/m.exec(code);
	return future ? future.index + future[0].length : 0;
}

async function openEditor(root: Locator, file: string, original: string) {
	const { edit, code } = parts(root, file);
	await edit.click();
	await expect(edit).toHaveAttribute('aria-expanded', 'true');
	await expect(code).toHaveValue(original);
}

test.describe('every page, before a click', () => {
	for (const [index, sitePage] of sitePages().entries()) {
		const title = sitePage.isLesson
			? `${sitePage.name}: nothing of the runner is requested but its loader, once and within ` +
				`${LOADER_BUDGET_GZIP_BYTES} B gzipped; a runnable script's excerpt has "Run ` +
				`here", the first script that cannot run says, once, what it needs and where it runs`
			: `${sitePage.name}: nothing of the runner is requested but its loader, once and within ` +
				`${LOADER_BUDGET_GZIP_BYTES} B gzipped`;
		test(title, async ({ page }, testInfo) => {
			firstOnlyUnlessThorough(testInfo, index);
			const requests: string[] = [];
			page.on('request', (request) => requests.push(request.url()));
			await page.goto(sitePage.path, { waitUntil: 'networkidle' });
			expect(requests.filter((url) => url.includes(`/${RUN_IN_PAGE_DIR}/`))).toEqual([]);
			// Before a press, only the runner's small loader arrives (once); its behaviour loads on the first press.
			expect(requests.filter((url) => url.includes(RUNNER_CLIENT))).toEqual([]);
			const loaders = await page
				.locator(`script[src*="${RUNNER_LOADER}"]`)
				.evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).src));
			const controls = await page.locator('[data-run-in-page]').count();
			expect(loaders, 'copies of the runner loader in the page (one for all its controls)').toHaveLength(
				controls > 0 ? 1 : 0,
			);
			for (const url of loaders) {
				const js = Buffer.from(await (await page.request.get(url)).body());
				expect(gzipSync(js, { level: 9 }).byteLength).toBeLessThanOrEqual(LOADER_BUDGET_GZIP_BYTES);
			}
			if (controls > 0) await expect(page.locator('[data-run-in-page]').first()).toBeVisible();
			if (sitePage.isLesson) await checkExcerpts(page, testInfo.project.metadata.base as string);
		});
	}
});

/**
 * Each excerpt of a lesson: "Run here" under a runnable script; the first that cannot run says so once for the page.
 */
async function checkExcerpts(page: Page, base: string) {
	const excerpts = await page
		.locator('.example-code[data-example][data-file]')
		.evaluateAll((blocks) =>
			blocks.map((b) => ({ slug: (b as HTMLElement).dataset.example!, file: (b as HTMLElement).dataset.file! })),
		);
	let limitSaid = false;
	for (const [i, { slug, file }] of excerpts.entries()) {
		const support = inPageSupport(loadExample(slug), file);
		// The i-th excerpt of the page (a file may be shown twice), and what follows it.
		const excerpt = page.locator('.example-code[data-example][data-file]').nth(i);
		const runner = excerpt.locator(`xpath=following-sibling::*[1][@data-run-in-page="${slug}"][@data-file="${file}"]`);
		const limit = excerpt.locator(`xpath=following-sibling::*[1][@data-run-in-page-limit="${file}"]`);
		if (support === null) {
			await expect(runner).toHaveCount(0);
			await expect(limit).toHaveCount(0);
		} else if (support.runnable) {
			await expect(parts(runner, file).run).toBeVisible();
			if (support.label) await expect(runner).toContainText(support.label);
		} else if (!limitSaid) {
			// Said once per page, in one line, under the first excerpt it applies to.
			limitSaid = true;
			await expect(limit).toContainText(`${file} can’t run in this page`);
			await expect(limit.getByRole('link', { name: `download ${slug}.zip` })).toHaveAttribute(
				'href',
				`${base}${zipPath(slug)}`,
			);
		} else {
			await expect(limit).toHaveCount(0);
		}
	}
	expect(
		await page.locator('[data-run-in-page-limit]').count(),
		'"can\'t run here" lines on the page',
	).toBeLessThanOrEqual(1);
}

for (const { path: pagePath, slug } of EXAMPLE_PAGES) {
	const example = loadExample(slug);
	const scripts = runnableScripts(example);
	test(
		`${pagePath}: runs ${scripts.map((s) => s.file).join(', ')} ` + `in the page, offline, and each JSON report parses`,
		async ({ page, context, baseURL }, testInfo) => {
			test.skip(
				!testInfo.project.metadata.thorough && pagePath !== EXAMPLE_PAGES[0]!.path,
				'every script runs on the thorough build; here one page shows the runner works under this base',
			);
			test.setTimeout(RUN_TIMEOUT_MS * scripts.length);
			const base = testInfo.project.metadata.base as string;
			const origin = new URL(baseURL!).origin;
			const net = await offline(context, baseURL!);
			await page.goto(pagePath);
			for (const script of scripts) {
				const root = control(page, slug, script.file);
				const { run, args, log } = parts(root, script.file);
				const support = inPageSupport(example, script.file)!;
				if (support.runnable && support.label) await expect(root).toContainText(support.label);
				await openEditor(root, script.file, readExampleFile(example, script.file));
				await expect(args).toHaveValue(script.quickArgs.join(' '));
				await args.fill(['--json', ...script.quickArgs].join(' '));
				await run.click();
				const status = await ended(root);
				expect(status, (await log.textContent()) ?? '').toMatch(
					/^Finished in \d+\.\d\d s \(start to exit: loading the script and its modules plus the run\)\.$/,
				);
				// The page runs the plain variant through the harness, as every measurement does.
				await expect(root.locator('.rip-cmd')).toHaveText(
					['python3', 'compare.py', script.variant, '--json', ...script.quickArgs].join(' '),
				);
				const report = JSON.parse(await stdoutOf(root)) as unknown;
				expect(reportProblems(report, example, script)).toEqual([]);
				testInfo.annotations.push({ type: 'run', description: `${script.file}: ${status}` });
			}
			// Python came from this site, under its base, once for all the runs; nothing tried to leave.
			for (const file of PYODIDE_FILES) {
				expect(
					net.requests.filter((url) => url === `${origin}${base}${RUN_IN_PAGE_DIR}/pyodide/${file}`),
					file,
				).toHaveLength(1);
			}
			expect(net.blocked).toEqual([]);
			expect(net.requests.filter((url) => url.startsWith('http') && new URL(url).origin !== origin)).toEqual([]);
		},
	);
}

test.describe(`the runner on ${DEMO.path} (${DEMO_FILE})`, () => {
	// Editing, stopping, the keyboard and axe do not depend on the base path: the thorough build checks them.
	test.beforeEach(({}, testInfo) => {
		test.skip(
			!testInfo.project.metadata.thorough,
			'checked on the thorough build; the runner does not depend on the base here',
		);
	});
	const example = loadExample(DEMO.slug);
	const original = readExampleFile(example, DEMO_FILE);

	test('a learner can edit the script, run it, see the edited output, and reset it', async ({
		page,
		context,
		baseURL,
	}) => {
		test.setTimeout(RUN_TIMEOUT_MS * 2);
		const net = await offline(context, baseURL!);
		await page.goto(DEMO.path);
		const root = control(page, DEMO.slug, DEMO_FILE);
		const { run, code, reset, log, status } = parts(root, DEMO_FILE);
		await openEditor(root, DEMO_FILE, original);
		const at = firstStatement(original);
		await code.fill(`${original.slice(0, at)}print("edited in the page:", sum(range(10)))\n${original.slice(at)}`);
		await run.click();
		await expect(status).toContainText(/Loading Python \(\d+\.\d MB the first time\)|Running your edited/);
		expect(await ended(root)).toMatch(/^Finished in/);
		await expect(log).toContainText('edited in the page: 45');
		await expect(log).toContainText(`${example.slug} / ${DEMO_FILE}`); // and the script itself ran after it

		await reset.click();
		await expect(code).toHaveValue(original);
		await run.click();
		expect(await ended(root)).toMatch(/^Finished in/);
		await expect(log).not.toContainText('edited in the page');
		await expect(log).toContainText(`${example.slug} / ${DEMO_FILE}`);
		expect(net.blocked).toEqual([]);
	});

	test('a failing edit says why, with the traceback in the output', async ({ page, context, baseURL }) => {
		const net = await offline(context, baseURL!);
		await page.goto(DEMO.path);
		const root = control(page, DEMO.slug, DEMO_FILE);
		const { run, code, log } = parts(root, DEMO_FILE);
		await openEditor(root, DEMO_FILE, original);
		await code.fill('print("before")\n1 / 0\n');
		await run.click();
		expect(await ended(root)).toMatch(
			/^Failed with exit code 1 after \d+\.\d\d s: ZeroDivisionError: division by zero\.$/,
		);
		await expect(log.locator('.stdout')).toHaveText('before\n');
		await expect(log.locator('.stderr').last()).toContainText('ZeroDivisionError');
		expect(net.blocked).toEqual([]);
	});

	test(
		'the in-page run says CPU time is not measurable here ' + 'instead of printing a number, and what its time covers',
		async ({ page, context, baseURL }) => {
			test.setTimeout(RUN_TIMEOUT_MS);
			await offline(context, baseURL!);
			await page.goto(DEMO.path);
			const root = control(page, DEMO.slug, DEMO_FILE);
			const { run, log } = parts(root, DEMO_FILE);
			await run.click();
			expect(await ended(root)).toMatch(
				/^Finished in \d+\.\d\d s \(start to exit: loading the script and its modules plus the run\)\.$/,
			);
			// Pyodide's process_time() counts sleeping: timing.py prints why instead of a number (issue 23).
			await expect(log).toContainText(/CPU time +not measurable here/);
			await expect(log).not.toContainText(/CPU time +\d/);
			await expect(log).not.toContainText('cpu_fraction');
		},
	);

	test("a learner's error shows the learner's traceback only, as python3 prints it, not the runner's frames", async ({
		page,
		context,
		baseURL,
	}) => {
		test.setTimeout(RUN_TIMEOUT_MS * 2);
		await offline(context, baseURL!);
		await page.goto(DEMO.path);
		const root = control(page, DEMO.slug, DEMO_FILE);
		const { run, code, log } = parts(root, DEMO_FILE);
		await openEditor(root, DEMO_FILE, original);
		await code.fill('def f():\n    return 1 / 0\n\nf()\n');
		await run.click();
		expect(await ended(root)).toMatch(/: ZeroDivisionError: division by zero\.$/);
		const runtime = (await log.textContent()) ?? '';
		expect(runtime).toContain(`File "${DEMO_FILE}", line 4, in <module>`);
		expect(runtime).toContain(`File "${DEMO_FILE}", line 2, in f`);
		await code.fill('print("unclosed"\n');
		await run.click();
		expect(await ended(root)).toMatch(/: SyntaxError: '\(' was never closed\.$/);
		const syntax = (await log.textContent()) ?? '';
		expect(syntax).toContain(`File "${DEMO_FILE}", line 1`);
		for (const text of [runtime, syntax]) {
			expect(text).not.toContain('<exec>');
			expect(text).not.toContain('run_script');
			expect(text).not.toContain('runpy');
		}
	});

	test('Stop ends a runaway loop (silent or printing), the page stays responsive, and the next run works', async ({
		page,
		context,
		baseURL,
	}) => {
		test.setTimeout(RUN_TIMEOUT_MS * 3);
		const net = await offline(context, baseURL!);
		await page.goto(DEMO.path);
		const root = control(page, DEMO.slug, DEMO_FILE);
		const { run, stop, code, reset, status, log } = parts(root, DEMO_FILE);
		await expect(stop).toBeDisabled();
		await openEditor(root, DEMO_FILE, original);
		await code.fill('print("looping")\nwhile True:\n    pass\n');
		await run.click();
		await expect(log).toContainText('looping', { timeout: RUN_TIMEOUT_MS });
		await expect(status).toHaveText(`Running your edited ${DEMO_FILE}…`);
		// The loop runs in the worker: the page still answers at once.
		const answered = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const started = performance.now();
					setTimeout(() => resolve(performance.now() - started), 0);
				}),
		);
		expect(answered).toBeLessThan(1000);
		await expect(stop).toBeEnabled();
		await stop.click();
		await expect(status).toHaveText('Stopped. The next run reloads Python.');
		await expect(stop).toBeDisabled();

		// A loop that prints as fast as it can: the page keeps up, shows the latest lines, and Stop still works.
		await code.fill('i = 0\nwhile True:\n    i += 1\n    print("line", i)\n');
		await run.click();
		await expect(log).toContainText(/line \d{4,}/, { timeout: RUN_TIMEOUT_MS }); // only the latest lines are kept
		await stop.click();
		await expect(status).toHaveText('Stopped. The next run reloads Python.');
		expect((await log.textContent())!.length).toBeLessThanOrEqual(20_000);

		await reset.click();
		await run.click();
		await expect(status).toContainText('Loading Python'); // a fresh worker
		expect(await ended(root)).toMatch(/^Finished in/);
		await expect(log).toContainText(`${example.slug} / ${DEMO_FILE}`);
		expect(net.blocked).toEqual([]);
	});

	test('works from the keyboard, and names its parts and states for screen readers', async ({
		page,
		context,
		baseURL,
	}) => {
		test.setTimeout(RUN_TIMEOUT_MS * 2);
		const net = await offline(context, baseURL!);
		await page.goto(DEMO.path);
		const root = control(page, DEMO.slug, DEMO_FILE);
		const { run, stop, edit, status, log, code } = parts(root, DEMO_FILE);
		await expect(log).toBeHidden();
		await expect(edit).toHaveAttribute('aria-expanded', 'false');
		await expect(status).toHaveAttribute('role', 'status');
		expect(await tabFromSectionTo(page, run), 'Tab reaches "Run here"').toBe(true);
		expect(await run.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
		await page.keyboard.press('Enter');
		await expect(log).toBeVisible();
		expect(await ended(root)).toMatch(/^Finished in/);
		await expect(log).toContainText(`${example.slug} / ${DEMO_FILE}`);
		// The output is a live region (role log) the keyboard can scroll.
		expect(await log.getAttribute('tabindex')).toBe('0');
		await expect(stop).toBeDisabled();

		// Tab on to "Edit", open it with Space, and run the edited code with Enter on "Run here".
		await page.keyboard.press('Tab'); // Stop is disabled, so Tab goes to Edit
		await expect(edit).toBeFocused();
		await page.keyboard.press('Space');
		await expect(edit).toHaveAttribute('aria-expanded', 'true');
		await expect(code).toHaveValue(original);
		await code.focus();
		await code.evaluate((el, at) => (el as HTMLTextAreaElement).setSelectionRange(at, at), firstStatement(original));
		await page.keyboard.type('print("typed")\n');
		await run.focus();
		await page.keyboard.press('Space');
		expect(await ended(root)).toMatch(/^Finished in/);
		await expect(log).toContainText('typed');
		expect(net.blocked).toEqual([]);
	});

	test('says what went wrong when Python cannot be fetched', async ({ page }) => {
		await page.route(`**/${RUN_IN_PAGE_DIR}/pyodide/pyodide.asm.wasm`, (route) =>
			route.fulfill({ status: 503, body: 'unavailable' }),
		);
		await page.goto(DEMO.path);
		const root = control(page, DEMO.slug, DEMO_FILE);
		await parts(root, DEMO_FILE).run.click();
		expect(await ended(root)).toMatch(/^Failed: Python could not (load|start)/);
	});

	test('passes axe in both themes and fits a 390 px screen, open and finished', async ({ page }, testInfo) => {
		test.setTimeout(RUN_TIMEOUT_MS * 2);
		await page.goto(DEMO.path);
		const root = control(page, DEMO.slug, DEMO_FILE);
		const { run, edit } = parts(root, DEMO_FILE);
		await edit.click();
		await run.click();
		expect(await ended(root)).toMatch(/^Finished in/);
		await page.mouse.move(0, 0); // audit the resting state, not a hover
		const dir = path.join('reports', 'screenshots', testInfo.project.name);
		// Screenshots for review, when asked for (SCREENSHOTS=1), as in layout.spec.ts.
		const shoot = async (name: string) => {
			if (!process.env.SCREENSHOTS) return;
			fs.mkdirSync(dir, { recursive: true });
			await root.screenshot({ path: path.join(dir, name) });
		};
		// One run, both themes: Starlight's theme is the data-theme attribute (what its theme picker sets).
		for (const theme of ['light', 'dark'] as const) {
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			const results = await new AxeBuilder({ page })
				.include(`[data-run-example="${DEMO.slug}"]`)
				.withTags(AXE_TAGS)
				.analyze();
			expect(
				results.violations.map(
					(v) => `${theme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
				),
			).toEqual([]);
			await shoot(`run-in-page-${theme}.png`);
			await page.setViewportSize({ width: 390, height: 844 });
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
			const box = await root.boundingBox();
			expect(box!.x + box!.width).toBeLessThanOrEqual(390);
			await shoot(`run-in-page-${theme}-390px.png`);
		}
	});
});
