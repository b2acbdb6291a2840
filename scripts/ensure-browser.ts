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
import { SYSTEM_HEADLESS_SHELL, findChromium } from '../tests/support/browser.ts';

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

export async function ensureBrowser(): Promise<void> {
	const found = findChromium();
	if (
		found?.executablePath &&
		found.source === found.executablePath &&
		found.executablePath !== SYSTEM_HEADLESS_SHELL
	) {
		// A full system Chromium: the headless shell beside it halves the browser tests' CPU.
		if (canApt()) {
			console.log(
				`Browser: ${found.source}; installing Debian's chromium-headless-shell with apt-get (one time: the ` +
					'browser tests need about half the CPU with it).',
			);
			if (aptInstall(['chromium-headless-shell']) && findChromium()?.executablePath === SYSTEM_HEADLESS_SHELL) {
				console.log(`Browser: ${SYSTEM_HEADLESS_SHELL}`);
				return;
			}
			console.log(`chromium-headless-shell did not install: the browser tests use ${found.source}.`);
		} else
			console.log(
				`Browser: ${found.source} (with a headless shell the browser tests need about half the CPU: ` +
					'`sudo apt-get install -y chromium-headless-shell` on Debian)',
			);
		return;
	}
	if (found) {
		console.log(`Browser: ${found.source}`);
		return;
	}
	if (canApt()) {
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
