/**
 * "Compare with your run": a learner runs an example's report command (here, in the test, with python3), loads the
 * JSON on any lesson that shows a measured figure of that example, and sees their run beside ours, with their
 * machine, one sentence and a table; bad files get a clear alert and change nothing; the run stays in the browser
 * across lessons until "Forget my run". Offline: every request that leaves the site's origin is blocked.
 */
import { expect, test, type Page } from '@playwright/test';
import { comparePages, learnerReport } from '../support/learner-reports.ts';
import { firstOnlyUnlessThorough, thoroughOnly } from '../support/thorough.ts';
import { formatSeconds } from '../../src/lib/measurements/format.ts';

const PAGES = comparePages();
const KEY = (slug: string) => `speed-up-python:your-run:${slug}`;

test.beforeEach(async ({ context, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	await context.route(
		(url) => url.protocol.startsWith('http') && url.origin !== origin,
		(route) => route.abort('blockedbyclient'),
	);
});

function control(page: Page, slug: string) {
	const root = page.locator(`[data-your-run="${slug}"]`);
	return {
		root,
		file: root.getByLabel('Compare with your run', { exact: true }),
		paste: root.getByRole('textbox', { name: 'Or paste your report' }),
		alert: root.getByRole('alert'),
		status: root.getByRole('status'),
		forget: root.getByRole('button', { name: 'Forget my run' }),
		table: root.getByRole('table'),
		slots: page.locator(`[data-your-run-slot="${slug}"]`),
	};
}

async function load(page: Page, slug: string, text: string, name = 'my-run.json') {
	await control(page, slug).file.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The first ok run of a variant in a report (compare reports nest them). */
function runOf(report: any, variant: string): any {
	const all = [report, ...(report.runs ?? []), ...(report.reports ?? [])];
	return all.find((r) => r.variant === variant && r.status === 'ok');
}

test('no page loads the comparison code or the chart code before a learner gives a report', async ({
	page,
}, testInfo) => {
	thoroughOnly(testInfo);
	const scripts = new Set<string>();
	page.on('request', (request) => request.resourceType() === 'script' && scripts.add(request.url()));
	for (const { path } of PAGES) {
		await page.goto(path);
		await expect(page.locator('[data-your-run]').first()).toBeVisible();
	}
	// The chart code writes the class sl-chart; the comparison code the status sentence.
	for (const url of scripts) {
		const body = await (await page.request.get(url)).text();
		expect(body, url).not.toContain('sl-chart');
		expect(body, url).not.toContain('is drawn beside ours');
	}
});

for (const [index, { path, examples }] of PAGES.entries()) {
	for (const slug of examples) {
		const title =
			`${path || 'home page'}: learner loads their ${slug} report and sees it beside ours, ` +
			'with their Python and numbers';
		test(title, async ({ page }, testInfo) => {
			firstOnlyUnlessThorough(testInfo, index);
			const text = await learnerReport(slug);
			const report = JSON.parse(text);
			// The whole example's report holds one report per script; each names where it ran.
			const environment = (report.environment ?? report.reports[0].environment) as Record<string, unknown>;
			await page.goto(path);
			const c = control(page, slug);
			await load(page, slug, text);
			await expect(c.alert).toBeEmpty();
			await expect(c.status).toContainText('is drawn beside ours', { timeout: 30_000 });
			await expect(c.root).toContainText(`Your machine: ${environment.implementation} ${environment.python_version}`);
			await expect(c.root).toContainText(`${environment.cpu_count} CPU`);
			// Each figure of the example gets the learner's chart (or says which run their report lacks).
			const slots = await c.slots.count();
			expect(slots).toBeGreaterThan(0);
			for (let i = 0; i < slots; i++) {
				const slot = c.slots.nth(i);
				await expect(slot).toBeVisible();
				await expect(slot.locator('svg[role="img"], .yr-missing')).toHaveCount(1);
			}
			// The table's "Yours" column holds the report's own times.
			const rows = await c.table.locator('tbody tr').all();
			let checked = 0;
			for (const row of rows) {
				const cells = await row.locator('th, td').allTextContents();
				const label = cells[0]!;
				const variant = (await page.evaluate(
					([s, l]) =>
						fetch(document.querySelector<HTMLElement>(`[data-your-run="${s}"]`)!.dataset.measurement!)
							.then((r) => r.json())
							.then((m) => m.variants.find((v: any) => v.label === l)?.variant),
					[slug, label],
				))!;
				const run = runOf(report, variant);
				if (run) {
					expect(cells[2]).toBe(formatSeconds(Number(run.elapsed_s.toPrecision(4))));
					checked++;
				}
			}
			expect(checked, 'rows with the learner run checked').toBeGreaterThan(0);
			expect(await page.evaluate((key) => localStorage.getItem(key), KEY(slug))).toContain('schema_version');
		});
	}
}

test('every kind of bad report gets its alert, and nothing else changes', async ({ page }, testInfo) => {
	thoroughOnly(testInfo);
	const { path, examples } = PAGES.find((p) => p.examples.includes('io-bound'))!;
	const slug = examples.includes('io-bound') ? 'io-bound' : examples[0]!;
	const good = await learnerReport(slug);
	const report = JSON.parse(good);
	// Counts reads of a file's content, to show a file over 5 MB is refused before it is read.
	await page.addInitScript(() => {
		(window as any).reads = 0;
		const text = File.prototype.text;
		File.prototype.text = function () {
			(window as any).reads++;
			return text.call(this);
		};
	});
	await page.goto(path);
	const c = control(page, slug);
	await load(page, slug, good);
	await expect(c.status).toContainText('is drawn beside ours', { timeout: 30_000 });
	const before = {
		table: await c.table.innerHTML(),
		stored: await page.evaluate((k) => localStorage.getItem(k), KEY(slug)),
		slots: await c.slots.evaluateAll((s) => s.map((e) => e.innerHTML)),
	};
	const noTasks = (r: any): any => ({
		...r,
		tasks: r.tasks && [],
		rows: undefined,
		runs: r.runs?.map(noTasks),
		reports: r.reports?.map(noTasks),
	});
	const bad: Array<[string, string, RegExp]> = [
		['not JSON', 'threads: 0.21 s\n', /This is not JSON/],
		['truncated', good.slice(0, Math.floor(good.length / 2)), /stops before its end/],
		[
			'another example',
			JSON.stringify({ ...report, example: 'race-conditions' }),
			/report of examples\/race-conditions; this page compares examples\//,
		],
		['older version', JSON.stringify({ ...report, schema_version: 0 }), /older than the version 1/],
		['newer version', JSON.stringify({ ...report, schema_version: 2 }), /newer than the version 1/],
		['no timelines', JSON.stringify(noTasks(report)), /no timelines/],
	];
	for (const [what, text, message] of bad) {
		await load(page, slug, text, `${what}.json`);
		await expect(c.alert, what).toHaveText(message);
		expect(await c.table.innerHTML(), what).toBe(before.table);
		expect(await page.evaluate((k) => localStorage.getItem(k), KEY(slug)), what).toBe(before.stored);
		expect(await c.slots.evaluateAll((s) => s.map((e) => e.innerHTML)), what).toEqual(before.slots);
	}
	await page.evaluate(() => ((window as any).reads = 0));
	await load(page, slug, ' '.repeat(5 * 1024 * 1024 + 1), 'huge.json');
	await expect(c.alert).toHaveText(/huge\.json is 5\.0 MB: this page reads reports up to 5\.0 MB, so it was not read/);
	expect(await page.evaluate(() => (window as any).reads), 'reads of the big file').toBe(0);
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY(slug))).toBe(before.stored);
	// A good report clears the alert.
	await load(page, slug, good);
	await expect(c.alert).toBeEmpty();
});

test('the run reappears on another lesson of the same example, and Forget my run clears it everywhere', async ({
	page,
}, testInfo) => {
	const withIo = PAGES.filter((p) => p.examples.includes('io-bound'));
	test.skip(withIo.length < 2, 'needs two lessons with io-bound figures');
	const text = await learnerReport('io-bound');
	await page.goto(withIo[0]!.path);
	await load(page, 'io-bound', text);
	await expect(control(page, 'io-bound').status).toContainText('is drawn beside ours');
	await page.goto(withIo[1]!.path);
	const c = control(page, 'io-bound');
	await expect(c.status).toContainText('Your saved run (my-run.json) is drawn beside ours');
	await expect(c.slots.first().locator('svg[role="img"], .yr-missing')).toHaveCount(1);
	// Keyboard: the forget button is reached and pressed with the keyboard.
	await c.forget.focus();
	await page.keyboard.press('Enter');
	await expect(c.status).toHaveText(/Your run is forgotten/);
	await expect(c.file).toBeFocused();
	await expect(c.slots.first()).toBeHidden();
	await expect(c.table).toBeHidden();
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY('io-bound'))).toBeNull();
	await page.goto(withIo[0]!.path);
	await expect(control(page, 'io-bound').root).toBeVisible();
	await expect(control(page, 'io-bound').slots.first()).toBeHidden();
	test.info().annotations.push({ type: 'pages', description: `${withIo[0]!.path} then ${withIo[1]!.path}` });
	void testInfo;
});

test('learner pastes a report instead of choosing a file; the comparison reads as a table with headers', async ({
	page,
}, testInfo) => {
	thoroughOnly(testInfo);
	const { path, examples } = PAGES[0]!;
	const slug = examples[0]!;
	const text = await learnerReport(slug);
	await page.goto(path);
	const c = control(page, slug);
	await c.paste.focus();
	await c.paste.evaluate((box, t) => {
		const data = new DataTransfer();
		data.setData('text', t);
		box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, text);
	await expect(c.status).toContainText('(pasted text) is drawn beside ours');
	await expect(c.table.getByRole('columnheader', { name: 'Yours' })).toBeVisible();
	await expect(c.table.getByRole('rowheader').first()).toBeVisible();
	await expect(c.paste).toHaveValue('');
});

const RUN_IN_PAGE =
	'a run in the page shows its download, then draws its timeline while tasks finish, and can be compared with ours';
test(RUN_IN_PAGE, async ({ page }, testInfo) => {
	thoroughOnly(testInfo);
	test.setTimeout(180_000);
	// A lesson with a measured cpu-bound figure and a cpu-bound script that Pyodide runs (sequential.py).
	const { path } = PAGES.find((p) => p.examples.includes('cpu-bound'))!;
	await page.goto(path);
	const root = page.locator('[data-run-in-page="cpu-bound"][data-file="sequential.py"]').first();
	test.skip((await root.count()) === 0, `${path} has no in-page run of cpu-bound's sequential.py`);
	// Everything the status says, and how many task bars the live chart had at each moment.
	await root.evaluate((r) => {
		const log: Array<[string, number]> = ((window as any).statuses = []);
		const status = r.querySelector('[role=status]')!;
		const note = () => log.push([status.textContent ?? '', r.querySelectorAll('.rip-live svg[role=img] rect').length]);
		new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true });
		new MutationObserver(note).observe(r.querySelector('.rip-live')!, { childList: true });
	});
	// The run controls sit in the page's "Run it yourself" disclosures: open them as a learner would.
	await root.evaluate((r) => {
		for (let d = r.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
	});
	await root.getByRole('button', { name: 'Run here (sequential.py)', exact: true }).click();
	await expect(root.getByRole('status')).toHaveText(/^Finished in/, { timeout: 150_000 });
	const log: Array<[string, number]> = await page.evaluate(() => (window as any).statuses);
	const said = log.map(([text]) => text);
	const downloading = said.findIndex((text) => /^Loading Python: \d+\.\d of 13\.\d MB downloaded…$/.test(text));
	expect(downloading, said.join(' | ')).toBeGreaterThanOrEqual(0);
	expect(said.indexOf('Loading Python: downloaded, starting Python…'), said.join(' | ')).toBeGreaterThan(downloading);
	// The chart had bars before the run finished: drawn as tasks finished, not at the end.
	const finished = log.findIndex(([text]) => text.startsWith('Finished'));
	expect(
		log.slice(0, finished).some(([text, bars]) => text.startsWith('Running') && bars > 0),
		JSON.stringify(log),
	).toBe(true);
	const chart = root.locator('.rip-live svg[role=img]');
	await expect(chart).toHaveAttribute('aria-label', /^Timeline of .*: \d+ tasks? on 1 worker/);
	// The finished run is offered for comparison and lands in the page's comparison like a file.
	await root.getByRole('button', { name: 'Compare this run with ours (sequential.py)' }).click();
	const c = control(page, 'cpu-bound');
	await expect(c.status).toContainText('(your run of sequential.py in this page) is drawn beside ours');
	await expect(c.root).toContainText(
		/Your machine: CPython 3\.\d+\.\d+, standard build \(with the GIL\), GIL on, Emscripten wasm32/,
	);
});
