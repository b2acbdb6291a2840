import { describe, expect, it } from 'vitest';
import { planBrowser } from './ensure-browser.ts';

const shell = { executablePath: '/usr/bin/chromium-headless-shell', source: '/usr/bin/chromium-headless-shell' };
const full = { executablePath: '/usr/bin/chromium', source: '/usr/bin/chromium' };
const playwrights = { source: "Playwright's own Chromium" };
const named = { executablePath: '/usr/bin/chromium', source: 'CHROMIUM_PATH' };

describe('which browser the tests drive', () => {
	it('drives the headless shell, Playwright’s own Chromium, or the one CHROMIUM_PATH names, as they are', () => {
		for (const found of [shell, playwrights, named])
			for (const apt of [true, false]) expect(planBrowser(found, apt)).toEqual({ action: 'use', browser: found });
	});

	it('adds the headless shell beside a full system Chromium when apt-get can, else says how', () => {
		expect(planBrowser(full, true)).toEqual({ action: 'add-shell', browser: full });
		const plan = planBrowser(full, false);
		expect(plan).toMatchObject({ action: 'use', browser: full });
		expect(plan.action === 'use' && plan.tip).toContain('apt-get install -y chromium-headless-shell');
	});

	it('installs one when none is found and apt-get can, else says what to run', () => {
		expect(planBrowser(null, true)).toEqual({ action: 'install' });
		expect(planBrowser(null, false)).toEqual({ action: 'tell' });
	});
});
