import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const base = 'http://localhost:4499/lessons/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const scheme of ['light', 'dark'] as const) {
	const context = await browser.newContext({ viewport: { width: 390, height: 900 }, colorScheme: scheme });
	const page = await context.newPage();
	for (const lesson of ['zz-figures-preview', 'latency', 'threading', 'multiprocessing', 'summary']) {
		await page.goto(base + lesson + '/');
		await page.evaluate(() => document.querySelectorAll('details.sl-figure-data').forEach((d) => ((d as HTMLDetailsElement).open = true)));
		const result = await new AxeBuilder({ page }).analyze();
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		console.log(scheme, lesson, 'violations:', result.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ').slice(0, 300)}`), 'scrollWidth', width);
	}
	await page.close();
}
await browser.close();
