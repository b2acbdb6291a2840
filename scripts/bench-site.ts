/**
 * `npm run bench:site`: the site's performance budget, as a benchmark with a report (not a timed test).
 *
 * Builds the site (timed), serves it with `astro preview`, and for every page in the sitemap measures in headless
 * Chromium: HTML bytes, JavaScript bytes loaded before any click, total transfer, and Lighthouse performance and
 * accessibility scores. Writes reports/bench-site.json and reports/bench-site.md, prints the table, and exits 1 when
 * a lesson page misses a target.
 * Targets: Lighthouse performance >= 98 and accessibility = 100 on every page (home included); no JavaScript before a click
 * beyond what Starlight itself ships (JS_BUDGET_BYTES, measured on a stock Starlight page).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { REPO_ROOT } from '../src/lib/paths.ts';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/browser.ts';
import { sitePages } from '../tests/support/site-pages.ts';
import { run } from './lib/run.ts';

/**
 * Starlight's own scripts on a lesson page (search, table of contents, Expressive Code's copy button) came to
 * 102.3 KiB uncompressed on a near-stock page (Starlight 0.42, 2026-11-24). The budget leaves ~8 KiB for our own
 * tiny loaders (the StackBlitz SDK itself must load only on click).
 */
const JS_BUDGET_BYTES = 110 * 1024;
const TARGETS = { performance: 98, accessibility: 100 };
/**
 * Lighthouse runs through `npx` at a pinned version, outside the project's lock: its dependencies ask for packages at
 * the `latest` dist-tag, which would make package-lock.json go stale (and `npm ci` fail) whenever those publish.
 */
const LIGHTHOUSE = 'lighthouse@12.8.2';

const { values } = parseArgs({
	options: { port: { type: 'string', default: '4399' }, 'skip-lighthouse': { type: 'boolean' } },
});
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;

const browser = findChromium();
if (!browser)
	throw new Error('No Chromium found: see README (npx playwright install chromium, or apt-get install chromium).');
const chromePath = browser.executablePath ?? chromium.executablePath();

console.log('Building the site…');
const started = performance.now();
const build = await run('npx', ['astro', 'build'], { env: { BASE: '/', OUT_DIR: './dist' }, capture: true });
const buildSeconds = (performance.now() - started) / 1000;
if (build.code !== 0) process.exit(build.code);

const preview = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'], {
	stdio: 'ignore',
	detached: true,
	env: { ...process.env, BASE: '/', OUT_DIR: './dist' },
});
const stopPreview = () => {
	try {
		process.kill(-preview.pid!, 'SIGTERM');
	} catch {
		// already stopped
	}
};
process.on('exit', stopPreview);
process.on('SIGINT', () => process.exit(130));
await waitFor(origin, 30_000);

interface PageResult {
	page: string;
	htmlBytes: number;
	jsBytesBeforeClick: number;
	totalBytes: number;
	performance: number | null;
	accessibility: number | null;
	isLesson: boolean;
}

const reports = path.join(REPO_ROOT, 'reports');
fs.mkdirSync(reports, { recursive: true });
const results: PageResult[] = [];
const chrome = await chromium.launch({ executablePath: browser.executablePath, args: CHROMIUM_ARGS });
for (const sitePage of sitePages()) {
	const url = `${origin}/${sitePage.path}`;
	const context = await chrome.newContext();
	const page = await context.newPage();
	let htmlBytes = 0;
	let jsBytes = 0;
	let totalBytes = 0;
	page.on('response', async (response) => {
		const body = await response.body().catch(() => Buffer.alloc(0));
		totalBytes += body.length;
		const type = response.request().resourceType();
		if (type === 'document') htmlBytes += body.length;
		if (type === 'script') jsBytes += body.length;
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await context.close();
	const scores = values['skip-lighthouse'] ? null : await lighthouse(url);
	results.push({
		page: sitePage.path || '/',
		htmlBytes,
		jsBytesBeforeClick: jsBytes,
		totalBytes,
		performance: scores?.performance ?? null,
		accessibility: scores?.accessibility ?? null,
		isLesson: sitePage.isLesson,
	});
	console.log(`measured ${sitePage.path || '/'}`);
}
await chrome.close();
stopPreview();

const misses = results.flatMap((r) => {
	const out: string[] = [];
	if (r.performance !== null && r.performance < TARGETS.performance)
		out.push(`${r.page}: performance ${r.performance}`);
	if (r.accessibility !== null && r.accessibility < TARGETS.accessibility)
		out.push(`${r.page}: accessibility ${r.accessibility}`);
	if (r.jsBytesBeforeClick > JS_BUDGET_BYTES)
		out.push(`${r.page}: ${r.jsBytesBeforeClick} B of JavaScript before a click`);
	return out;
});

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const table = [
	`Site benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}, build ${buildSeconds.toFixed(1)} s`,
	'',
	'| page | HTML KiB | JS before click KiB | total KiB | Lighthouse perf | Lighthouse a11y |',
	'| --- | ---: | ---: | ---: | ---: | ---: |',
	...results.map(
		(r) =>
			`| ${r.page} | ${kb(r.htmlBytes)} | ${kb(r.jsBytesBeforeClick)} | ${kb(r.totalBytes)} | ${r.performance ?? '–'} | ${r.accessibility ?? '–'} |`,
	),
	'',
	`Targets on every page: performance >= ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, JavaScript before a click <= ${kb(JS_BUDGET_BYTES)} KiB.`,
	misses.length ? `MISSED:\n${misses.map((m) => `- ${m}`).join('\n')}` : 'All targets met.',
].join('\n');
fs.writeFileSync(path.join(reports, 'bench-site.md'), `${table}\n`);
fs.writeFileSync(
	path.join(reports, 'bench-site.json'),
	`${JSON.stringify({ buildSeconds, targets: TARGETS, jsBudgetBytes: JS_BUDGET_BYTES, results, misses }, null, 2)}\n`,
);
console.log(`\n${table}`);
process.exit(misses.length ? 1 : 0);

async function lighthouse(url: string): Promise<{ performance: number; accessibility: number }> {
	const out = path.join(reports, 'lighthouse.json');
	const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
	const result = await run(
		'npx',
		[
			'--yes',
			LIGHTHOUSE,
			url,
			'--quiet',
			'--output=json',
			`--output-path=${out}`,
			'--only-categories=performance,accessibility',
			`--chrome-flags=${flags}`,
		],
		{ env: { CHROME_PATH: chromePath }, timeoutMs: 180_000 },
	);
	if (result.code !== 0)
		throw new Error(`${LIGHTHOUSE} failed on ${url} (npx fetches it from the npm registry on first use)`);
	const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { categories: Record<string, { score: number }> };
	return {
		performance: Math.round(report.categories.performance!.score * 100),
		accessibility: Math.round(report.categories.accessibility!.score * 100),
	};
}

async function waitFor(url: string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`astro preview did not answer at ${url} within ${timeoutMs} ms (is the port taken? use --port).`);
}
