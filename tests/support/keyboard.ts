/** Keyboard helpers for the browser tests. */
import type { Locator, Page } from '@playwright/test';

/**
 * Puts the focus on the heading of the section that holds `target`, as a reader who jumped there from the table of
 * contents, then presses Tab until `target` has the focus. Returns whether it got there within `max` presses
 * (tabbing from the top of a long lesson would take hundreds, and seconds, to prove the same thing).
 */
export async function tabFromSectionTo(page: Page, target: Locator, max = 80): Promise<boolean> {
	await target.evaluate((el) => {
		const before = [...document.querySelectorAll<HTMLElement>('main h1, main h2, main h3')].filter(
			(h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
		);
		const start = before.at(-1) ?? document.body;
		if (!start.hasAttribute('tabindex')) start.setAttribute('tabindex', '-1');
		start.focus();
	});
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return true;
	}
	return false;
}
