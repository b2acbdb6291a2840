/**
 * Makes sure the browser tests have a Chromium to drive.
 * Found already (CHROMIUM_PATH, Playwright's own, or a system one): nothing to do, except that as root with apt a full
 * system Chromium gets Debian's `chromium-headless-shell` beside it, one time (the browser tests need about half the
 * CPU with it: tests/support/browser.ts); if that install fails, the full one is used.
 * None found, as root on Debian/Ubuntu: `apt-get install -y chromium-headless-shell` (Playwright's own download needs
 * internet access that CI machines here don't have), or `chromium` where there is no headless shell package.
 * Otherwise: a clear message with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SYSTEM_HEADLESS_SHELL, findChromium, type FoundChromium } from '../tests/support/browser.ts';

function canApt(): boolean {
	const isRoot = process.getuid?.() === 0;
	return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
}

/** apt-get install of the first package that installs (after one `apt-get update`): true when one did. */
function aptInstall(packages: string[]): boolean {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args: string[]) =>
		spawnSync('apt-get', ['-q', ...args], { stdio: 'inherit', env, timeout: 10 * 60_000 }).status === 0;
	if (!apt(['update'])) return false;
	return packages.some((name) => apt(['install', '-y', '--no-install-recommends', name]));
}

/** What to do about the browser, from what was found and whether apt-get can install packages here. */
export type BrowserPlan =
	/** Drive it; `tip` says how to make the browser tests lighter. */
	| { action: 'use'; browser: FoundChromium; tip?: string }
	/** A full system Chromium, and apt-get at hand: add the headless shell beside it, else drive the full one. */
	| { action: 'add-shell'; browser: FoundChromium }
	/** None found, apt-get at hand: install one. */
	| { action: 'install' }
	/** None found, and nothing this script can install: say what to run. */
	| { action: 'tell' };

export function planBrowser(found: FoundChromium | null, apt: boolean): BrowserPlan {
	if (!found) return { action: apt ? 'install' : 'tell' };
	// A browser named in CHROMIUM_PATH, Playwright's own, or the headless shell: drive it as it is.
	const fullSystem = found.executablePath !== undefined && found.source === found.executablePath;
	if (!fullSystem || found.executablePath === SYSTEM_HEADLESS_SHELL) return { action: 'use', browser: found };
	if (apt) return { action: 'add-shell', browser: found };
	return {
		action: 'use',
		browser: found,
		tip:
			'with a headless shell the browser tests need about half the CPU: ' +
			'`sudo apt-get install -y chromium-headless-shell` on Debian',
	};
}

export async function ensureBrowser(): Promise<void> {
	const plan = planBrowser(findChromium(), canApt());
	if (plan.action === 'use') {
		console.log(`Browser: ${plan.browser.source}${plan.tip ? ` (${plan.tip})` : ''}`);
		return;
	}
	if (plan.action === 'add-shell') {
		console.log(
			`Browser: ${plan.browser.source}; installing Debian's chromium-headless-shell with apt-get (one time: the ` +
				'browser tests need about half the CPU with it).',
		);
		if (aptInstall(['chromium-headless-shell']) && findChromium()?.executablePath === SYSTEM_HEADLESS_SHELL)
			console.log(`Browser: ${SYSTEM_HEADLESS_SHELL}`);
		else console.log(`chromium-headless-shell did not install: the browser tests use ${plan.browser.source}.`);
		return;
	}
	if (plan.action === 'install') {
		console.log("No Chromium found: installing Debian's chromium-headless-shell with apt-get (one time).");
		if (aptInstall(['chromium-headless-shell', 'chromium']) && findChromium()) return;
	}
	throw new Error(
		'No Chromium found for the browser tests. Install one and run the tests again:\n' +
			'  npx playwright install chromium          (any OS)\n' +
			'  sudo apt-get install -y chromium-headless-shell   (Debian; or chromium)\n' +
			'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
	);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	ensureBrowser().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
