import os from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/browser.ts';
import { SITE_BUILDS } from './tests/support/site-builds.ts';

const browser = findChromium();
if (!browser) {
	throw new Error(
		'No Chromium found. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu) or ' +
			'`npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium/Chrome executable.',
	);
}

/**
 * The built site is tested twice: served at the root and under a sub-path, as a static host would serve it.
 * `npm test` builds both (see scripts/test.ts); `astro preview` serves each build with its own base.
 */
export default defineConfig({
	testDir: './tests/e2e',
	globalSetup: './tests/support/global-setup.ts',
	fullyParallel: true,
	// Most of a browser test's time is waiting (page loads, network idle, Pyodide sleeping in a worker, the replay at
	// real speed), so two workers per core keep the CPUs busy; E2E_WORKERS sets another number.
	workers: Number(process.env.E2E_WORKERS) || Math.min(8, 2 * os.availableParallelism()),
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	reporter: [
		['list'],
		['json', { outputFile: 'reports/e2e.json' }],
		['html', { open: 'never', outputFolder: 'reports/playwright' }],
	],
	use: {
		browserName: 'chromium',
		launchOptions: { executablePath: browser.executablePath, args: CHROMIUM_ARGS },
		// Recording a trace costs about a sixth of the suite's CPU, passing tests included: record one when a test fails,
		// with `npx playwright test <spec> --trace retain-on-failure`.
		trace: 'off',
	},
	projects: [
		...SITE_BUILDS.map((build, i) => ({
			name: build.name,
			use: { baseURL: build.url },
			// thorough: also the checks that do not depend on the base (axe in both themes, a 390 px screen), on the
			// root build only; the sub-path build gets what the base can break (loading, links, downloads).
			metadata: { base: build.base, thorough: i === 0 },
		})),
	],
	webServer: SITE_BUILDS.map((build) => ({
		// --ignore-lock: Astro 7 allows one preview server per project unless told otherwise; we run two builds.
		command: `npx astro preview --ignore-lock --port ${build.port} --host 127.0.0.1`,
		url: build.url,
		env: { BASE: build.base, OUT_DIR: build.outDir },
		reuseExistingServer: false,
		timeout: 60_000,
	})),
});
