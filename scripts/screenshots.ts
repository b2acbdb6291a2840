/**
 * `node scripts/screenshots.ts [--port 4430] [--only choosing,home]`: screenshots of every page of the built site
 * (dist/, from its sitemap) at 1280 and 390 px wide, in the light and the dark theme, for a human to look at.
 * Writes reports/screenshots/<page>-<width>-<theme>.png. Build first (`npx astro build`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { REPO_ROOT } from '../src/lib/paths.ts';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/browser.ts';
import { sitePages } from '../tests/support/site-pages.ts';

const WIDTHS = [1280, 390] as const;
const THEMES = ['light', 'dark'] as const;
const OUT_DIR = path.join(REPO_ROOT, 'reports', 'screenshots');

const { values } = parseArgs({
	options: { port: { type: 'string', default: process.env.SITE_PORT ?? '4430' }, only: { type: 'string' } },
});
const origin = `http://127.0.0.1:${values.port}`;
const only = values.only?.split(',').map((name) => name.trim());
const pages = sitePages().filter((p) => !only || only.some((name) => p.name === name || p.name.endsWith(`-${name}`)));
if (pages.length === 0) throw new Error(`no page matches --only ${values.only}`);

const found = findChromium();
if (!found)
	throw new Error('No Chromium found: see README (npx playwright install chromium, or apt-get install chromium).');

const preview = spawn(
	'npx',
	['astro', 'preview', '--ignore-lock', '--port', String(values.port), '--host', '127.0.0.1'],
	{
		stdio: 'ignore',
		detached: true,
		env: { ...process.env, BASE: '/', OUT_DIR: './dist' },
	},
);
const stop = () => {
	try {
		process.kill(-preview.pid!, 'SIGTERM');
	} catch {
		// already stopped
	}
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const deadline = Date.now() + 30_000;
for (;;) {
	try {
		if ((await fetch(origin)).ok) break;
	} catch {
		// not up yet
	}
	if (Date.now() > deadline)
		throw new Error(`astro preview did not answer on ${origin} within 30 s (port taken? use --port)`);
	await new Promise((resolve) => setTimeout(resolve, 250));
}

fs.mkdirSync(OUT_DIR, { recursive: true });
const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
try {
	for (const theme of THEMES) {
		const context = await browser.newContext({ colorScheme: theme });
		const page = await context.newPage();
		for (const sitePage of pages) {
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`${origin}/${sitePage.path}`, { waitUntil: 'networkidle' });
				const file = path.join(OUT_DIR, `${sitePage.name}-${width}-${theme}.png`);
				await page.screenshot({ path: file, fullPage: true });
				console.log(path.relative(REPO_ROOT, file));
			}
		}
		await context.close();
	}
} finally {
	await browser.close();
	stop();
}
