/**
 * Picks the Chromium that Playwright should drive, at run time:
 * 1. `CHROMIUM_PATH` (or `CHROME_PATH`) when set;
 * 2. Playwright's own Chromium when it is installed (a laptop after `npx playwright install chromium`);
 * 3. a system Chromium (Debian's `apt-get install -y chromium` gives /usr/bin/chromium).
 * Returns undefined when Playwright's own browser should be used.
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUMS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/snap/bin/chromium',
];

/** Flags that keep headless Chromium quiet on a machine with no internet (no background calls home). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export function findChromium(): { executablePath?: string; source: string } | null {
	const fromEnv = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH;
	if (fromEnv) {
		if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
		return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
	}
	try {
		if (fs.existsSync(chromium.executablePath())) return { source: "Playwright's own Chromium" };
	} catch {
		// Playwright throws when its browsers were never downloaded: fall through to a system browser.
	}
	const system = SYSTEM_CHROMIUMS.find((candidate) => fs.existsSync(candidate));
	return system ? { executablePath: system, source: system } : null;
}
