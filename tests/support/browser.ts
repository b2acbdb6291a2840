/**
 * Picks the Chromium that Playwright should drive, at run time:
 * 1. `CHROMIUM_PATH` (or `CHROME_PATH`) when set;
 * 2. Playwright's own Chromium when it is installed (a laptop after `npx playwright install chromium`);
 * 3. a system Chromium: Debian's `chromium-headless-shell` first, then a full Chromium (`apt-get install -y chromium`
 *    gives /usr/bin/chromium).
 * `executablePath` is undefined when Playwright's own browser should be used.
 *
 * The headless shell is Chromium's old headless mode, which Playwright's own Chromium also uses for headless runs. A
 * full Chromium run headless is a whole browser without a window: on 2026-12-06, on a 2-core VM, the browser tests
 * took 413 s and 663 CPU-seconds of Chromium with /usr/bin/chromium, 250 s and 359 with the headless shell (same
 * version, 156, same 189 tests passing). Lighthouse measures what a reader's browser does, so it asks for a full one.
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** Where a system's headless shell lives (Debian's `chromium-headless-shell` package). */
export const SYSTEM_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** Full system browsers, most likely first. */
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

export interface FoundChromium {
	/** undefined: Playwright's own Chromium (Playwright then picks its headless shell for headless runs). */
	executablePath?: string;
	/** Where it came from, for the log: `CHROMIUM_PATH`, Playwright's own, or the system path. */
	source: string;
}

/** @param options.full a whole browser, never a headless shell (Lighthouse measures what a reader's browser does). */
export function findChromium(options: { full?: boolean } = {}): FoundChromium | null {
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
	const candidates = options.full ? SYSTEM_CHROMIUMS : [SYSTEM_HEADLESS_SHELL, ...SYSTEM_CHROMIUMS];
	const system = candidates.find((candidate) => fs.existsSync(candidate));
	return system ? { executablePath: system, source: system } : null;
}
