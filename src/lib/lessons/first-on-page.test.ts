import { describe, expect, it } from 'vitest';
import { firstOnPage } from './first-on-page.ts';

describe('firstOnPage', () => {
	it('says yes once per key and page', () => {
		const page = {};
		const other = {};
		expect(firstOnPage(page, 'a.py')).toBe(true);
		expect(firstOnPage(page, 'a.py')).toBe(false);
		expect(firstOnPage(page, 'b.py')).toBe(true);
		expect(firstOnPage(other, 'a.py')).toBe(true);
	});
});
