import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '/work/main/tests/support/browser.ts';
const browser = findChromium()!;
const builds = [
	{ name: 'site-root', base: '/', outDir: './dist-waysin', port: 4491 },
	{ name: 'site-subpath', base: '/concurrency/', outDir: './dist-waysin-sub', port: 4492 },
];
export default defineConfig({
	testDir: '/work/main/tests/e2e',
	testMatch: process.env.MATCH ?? 'ways-in.spec.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	outputDir: '/tmp/pw-waysin/results',
	use: { browserName: 'chromium', launchOptions: { executablePath: browser.executablePath, args: CHROMIUM_ARGS } },
	projects: builds.map((b) => ({ name: b.name, use: { baseURL: `http://127.0.0.1:${b.port}${b.base}` }, metadata: { base: b.base } })),
	webServer: builds.map((b) => ({
		command: `npx astro preview --port ${b.port} --host 127.0.0.1 --ignore-lock`,
		cwd: '/work/main',
		url: `http://127.0.0.1:${b.port}${b.base}`,
		env: { BASE: b.base, OUT_DIR: b.outDir },
		reuseExistingServer: false,
		timeout: 60_000,
	})),
});
