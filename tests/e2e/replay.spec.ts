/**
 * The replay of measured runs (TimelineReplay): a learner plays it with the mouse or the keyboard, the button says
 * "Stop" while it plays (and a screen reader hears that name), nothing of it runs before the click, and nothing
 * moves for readers who ask for reduced motion.
 */
import { expect, test, type Page } from '@playwright/test';

const PAGE = 'lessons/what-is-concurrency/';

function replay(page: Page) {
	const figure = page.locator('[data-replay]').first();
	return { figure, button: figure.locator('[data-replay-button]') };
}

/**
 * Animation speed of the page (Chromium's DevTools protocol): the tests look at the replay while it plays, and a
 * loaded machine can take longer between two steps than the 2 s replay lasts, so they slow it down first.
 */
async function playbackRate(page: Page, rate: number) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Animation.enable');
	await cdp.send('Animation.setPlaybackRate', { playbackRate: rate });
}

/** Animations running in the replay's SVG right now. */
async function runningAnimations(page: Page): Promise<number> {
	// document.getAnimations(): Chromium's element.getAnimations({ subtree }) misses those of SVG children.
	return page
		.locator('[data-replay] svg.sl-chart')
		.first()
		.evaluate(
			(svg) =>
				document
					.getAnimations()
					.filter((a) => a.playState === 'running' && svg.contains((a.effect as KeyframeEffect | null)?.target ?? null))
					.length,
		);
}

test('the replay is a still picture of the finished runs, with no script of its own, until asked', async ({ page }) => {
	await page.goto(PAGE);
	const { figure, button } = replay(page);
	await expect(button).toHaveAccessibleName(/^Play at real speed \(\d/);
	expect(await runningAnimations(page)).toBe(0);
	// Its behaviour lives in the button's own attribute: no <script> element, nothing executed on load.
	await expect(figure.locator('script')).toHaveCount(0);
	expect(await button.getAttribute('onclick')).toContain("classList.add('is-playing')");
	await expect(figure.locator('.replay-done text').first()).toBeVisible();
});

test('learner plays the measured runs at their real speed with the mouse, and the replay says when it is done', async ({
	page,
}) => {
	await page.goto(PAGE);
	const { figure, button } = replay(page);
	const status = figure.getByRole('status');
	await playbackRate(page, 0.05);
	await button.click();
	await expect(button).toHaveAccessibleName('Stop');
	await expect(figure).toHaveClass(/is-playing/);
	await expect(status).toHaveText(/^Playing at real speed: Sequential .*; Threads .*\.$/);
	expect(await runningAnimations(page)).toBeGreaterThan(0);
	// The playhead takes as long as the longest measured run (from its CSS), and the replay ends by itself.
	const run = await figure.locator('.replay-head').evaluate((g) => getComputedStyle(g).getPropertyValue('--run'));
	expect(parseFloat(run)).toBeGreaterThan(0.5);
	await playbackRate(page, 1);
	await expect(button).toHaveAccessibleName(/^Play at real speed/, { timeout: parseFloat(run) * 1000 + 10_000 });
	await expect(status).toHaveText('Finished.');
	await expect(figure).not.toHaveClass(/is-playing/);
});

test('learner plays and stops the replay from the keyboard (Enter and Space)', async ({ page }) => {
	await page.goto(PAGE);
	const { figure, button } = replay(page);
	await playbackRate(page, 0.05);
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(button).toHaveAccessibleName('Stop');
	await expect(figure).toHaveClass(/is-playing/);
	await page.keyboard.press('Space');
	await expect(button).toHaveAccessibleName(/^Play at real speed/);
	await expect(figure.getByRole('status')).toHaveText('Stopped.');
	expect(await runningAnimations(page)).toBe(0);
	await page.keyboard.press('Space');
	await expect(button).toHaveAccessibleName('Stop');
});

test('with reduced motion nothing moves, and the page says the picture shows the finished runs', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(PAGE);
	const { figure, button } = replay(page);
	await expect(button).toBeHidden();
	await expect(figure.getByText('Your system asks for reduced motion')).toBeVisible();
	// Even if the class were set (e.g. by a script), no animation would run.
	await figure.evaluate((element) => element.classList.add('is-playing'));
	expect(await runningAnimations(page)).toBe(0);
});
