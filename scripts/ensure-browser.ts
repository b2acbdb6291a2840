/**
 * Makes sure the browser tests have a Chromium to drive.
 * Found already (CHROMIUM_PATH, Playwright's own, or a system one): nothing to do.
 * Otherwise, as root on Debian/Ubuntu: `apt-get install -y chromium` (Playwright's own download needs internet
 * access that CI machines here don't have). Otherwise: a clear message with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../tests/support/browser.ts';

export async function ensureBrowser(): Promise<void> {
	const found = findChromium();
	if (found) {
		console.log(`Browser: ${found.source}`);
		return;
	}
	const isRoot = process.getuid?.() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
	if (isRoot && hasApt) {
		console.log("No Chromium found: installing Debian's chromium with apt-get (one time).");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
			const result = spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 10 * 60_000 });
			if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
		}
		if (findChromium()) return;
	}
	throw new Error(
		'No Chromium found for the browser tests. Install one and run the tests again:\n' +
			'  npx playwright install chromium          (any OS)\n' +
			'  sudo apt-get install -y chromium         (Debian/Ubuntu)\n' +
			'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
	);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	ensureBrowser().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
