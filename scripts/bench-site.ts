/**
 * `npm run bench:site`: the site's performance budget, as a benchmark with a report (not a timed test).
 *
 * Builds the site (timed), serves it with `astro preview`, and for every page in the sitemap measures in headless
 * Chromium: HTML bytes, JavaScript bytes before any click (script files and inline scripts), total transfer, and
 * Lighthouse performance and accessibility scores. Writes reports/bench-site.json and reports/bench-site.md, prints
 * the table, and exits 1 when a page misses a target.
 * Targets: Lighthouse performance >= 98 and accessibility = 100 on every page (home included); at most
 * JS_OVER_STOCK_BYTES of JavaScript before a click more than stock Starlight ships, measured the same way on a stock
 * Starlight page built here from the same packages (scripts/lib/stock-starlight.ts): the stock page with Tabs for a
 * page that uses Starlight's Tabs (their script is Starlight's, not ours), else the plain one.
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
import { STOCK_PAGES, writeStockSite } from './lib/stock-starlight.ts';

/** Issue 24: at most 5 KB (1 KB = 1000 bytes, uncompressed, as served) more than stock Starlight before a click. */
const JS_OVER_STOCK_BYTES = 5_000;
const TARGETS = { performance: 98, accessibility: 100 };
/**
 * Lighthouse runs through `npx` at a pinned version, outside the project's lock: its dependencies ask for packages at
 * the `latest` dist-tag, which would make package-lock.json go stale (and `npm ci` fail) whenever those publish.
 */
const LIGHTHOUSE = 'lighthouse@12.8.2';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4399' },
		'skip-lighthouse': { type: 'boolean' },
		// Measure the build already in dist/ (root base) instead of building again.
		'skip-build': { type: 'boolean' },
	},
});
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;

const browser = findChromium({ full: true });
if (!browser)
	throw new Error('No Chromium found: see README (npx playwright install chromium, or apt-get install chromium).');
const chromePath = browser.executablePath ?? chromium.executablePath();

let buildSeconds: number | null = null;
if (!values['skip-build']) {
	console.log('Building the site…');
	const started = performance.now();
	const build = await run('npx', ['astro', 'build'], { env: { BASE: '/', OUT_DIR: './dist' }, capture: true });
	buildSeconds = (performance.now() - started) / 1000;
	if (build.code !== 0) process.exit(build.code);
}
console.log('Building a stock Starlight site to compare with…');
const stockDir = writeStockSite();
const stockBuild = await run('npx', ['astro', 'build'], { cwd: stockDir, capture: true, quiet: true });
if (stockBuild.code !== 0) {
	console.error(stockBuild.output);
	process.exit(stockBuild.code);
}

const preview = spawn('npx', ['astro', 'preview', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], {
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
const stockPort = port + 1;
const stockPreview = spawn(
	'npx',
	['astro', 'preview', '--ignore-lock', '--port', String(stockPort), '--host', '127.0.0.1'],
	{
		stdio: 'ignore',
		detached: true,
		cwd: stockDir,
	},
);
const stopPreviews = () => {
	stopPreview();
	try {
		process.kill(-stockPreview.pid!, 'SIGTERM');
	} catch {
		// already stopped
	}
};
process.on('exit', stopPreviews);
process.on('SIGINT', () => process.exit(130));
await waitFor(origin, 30_000);
await waitFor(`http://127.0.0.1:${stockPort}/`, 30_000);

interface PageResult {
	page: string;
	htmlBytes: number;
	jsBytesBeforeClick: number;
	/** The stock page it is weighed against (a key of STOCK_PAGES) and that page's JavaScript before a click. */
	stock: keyof typeof STOCK_PAGES;
	stockJsBytes: number;
	totalBytes: number;
	performance: number | null;
	accessibility: number | null;
	isLesson: boolean;
}

const reports = path.join(REPO_ROOT, 'reports');
fs.mkdirSync(reports, { recursive: true });
const results: PageResult[] = [];
const chrome = await chromium.launch({ executablePath: browser.executablePath, args: CHROMIUM_ARGS });

/** Bytes a page loads until the network is idle, no click: its HTML, its JavaScript (files and inline), in all. */
async function weigh(url: string) {
	const context = await chrome.newContext();
	const page = await context.newPage();
	const bodies: Promise<void>[] = [];
	const bytes = { html: 0, js: 0, total: 0, tabs: false };
	page.on('response', (response) =>
		bodies.push(
			response
				.body()
				.catch(() => Buffer.alloc(0))
				.then((body) => {
					bytes.total += body.length;
					const type = response.request().resourceType();
					if (type === 'document') bytes.html += body.length;
					if (type === 'script') bytes.js += body.length;
				}),
		),
	);
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(bodies);
	// Inline scripts are JavaScript the page runs before a click too (data blocks are not).
	bytes.js += await page.evaluate(() =>
		[...document.querySelectorAll('script:not([src])')]
			.filter((s) => !/json/.test(s.getAttribute('type') ?? ''))
			.reduce((sum, s) => sum + new TextEncoder().encode(s.textContent ?? '').length, 0),
	);
	bytes.tabs = await page.evaluate(() => document.querySelector('starlight-tabs') !== null);
	await context.close();
	return bytes;
}

const stock = {
	plain: (await weigh(`http://127.0.0.1:${stockPort}/${STOCK_PAGES.plain}`)).js,
	tabs: (await weigh(`http://127.0.0.1:${stockPort}/${STOCK_PAGES.tabs}`)).js,
};
console.log(`stock Starlight: ${stock.plain} B of JavaScript before a click (${stock.tabs} B with Tabs)`);
for (const sitePage of sitePages()) {
	const url = `${origin}/${sitePage.path}`;
	const bytes = await weigh(url);
	const scores = values['skip-lighthouse'] ? null : await lighthouse(url);
	results.push({
		page: sitePage.path || '/',
		htmlBytes: bytes.html,
		jsBytesBeforeClick: bytes.js,
		stock: bytes.tabs ? 'tabs' : 'plain',
		stockJsBytes: bytes.tabs ? stock.tabs : stock.plain,
		totalBytes: bytes.total,
		performance: scores?.performance ?? null,
		accessibility: scores?.accessibility ?? null,
		isLesson: sitePage.isLesson,
	});
	console.log(`measured ${sitePage.path || '/'}`);
}
await chrome.close();
stopPreviews();

const misses = results.flatMap((r) => {
	const out: string[] = [];
	if (r.performance !== null && r.performance < TARGETS.performance)
		out.push(`${r.page}: performance ${r.performance}`);
	if (r.accessibility !== null && r.accessibility < TARGETS.accessibility)
		out.push(`${r.page}: accessibility ${r.accessibility}`);
	if (r.jsBytesBeforeClick - r.stockJsBytes > JS_OVER_STOCK_BYTES)
		out.push(
			`${r.page}: ${r.jsBytesBeforeClick - r.stockJsBytes} B of JavaScript before a click more than stock Starlight`,
		);
	return out;
});

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const built = buildSeconds === null ? 'the build in dist/' : `build ${buildSeconds.toFixed(1)} s`;
const table = [
	`Site benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}, ${built}`,
	'',
	'| page | HTML KiB | JS before click KiB | stock page | JS over stock B | total KiB | Lighthouse perf ' +
		'| Lighthouse a11y |',
	'| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
	...results.map(
		(r) =>
			`| ${r.page} | ${kb(r.htmlBytes)} | ${kb(r.jsBytesBeforeClick)} | ${r.stock} | ` +
			`${r.jsBytesBeforeClick - r.stockJsBytes} | ${kb(r.totalBytes)} | ` +
			`${r.performance ?? '–'} | ${r.accessibility ?? '–'} |`,
	),
	'',
	`Stock Starlight (scripts/lib/stock-starlight.ts): ${kb(stock.plain)} KiB of JavaScript before a click on ` +
		`${STOCK_PAGES.plain}, ${kb(stock.tabs)} KiB on ${STOCK_PAGES.tabs} (the same page with Starlight's Tabs).`,
	`Targets on every page: performance >= ${TARGETS.performance}, accessibility ` +
		`${TARGETS.accessibility}, JavaScript before a click at most ${JS_OVER_STOCK_BYTES} B more than stock Starlight.`,
	misses.length ? `MISSED:\n${misses.map((m) => `- ${m}`).join('\n')}` : 'All targets met.',
].join('\n');
fs.writeFileSync(path.join(reports, 'bench-site.md'), `${table}\n`);
const summary = {
	buildSeconds,
	targets: TARGETS,
	stockJsBytes: stock,
	jsOverStockBytes: JS_OVER_STOCK_BYTES,
	results,
	misses,
};
fs.writeFileSync(path.join(reports, 'bench-site.json'), `${JSON.stringify(summary, null, 2)}\n`);
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
