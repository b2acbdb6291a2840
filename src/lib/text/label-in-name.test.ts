import { describe, expect, it } from 'vitest';
import { labelSearchButton } from './label-in-name.ts';

describe('labelSearchButton', () => {
	const html =
		'<site-search><button data-open-modal disabled aria-label="Search" aria-keyshortcuts="Control+K">' +
		'<span aria-hidden="true">Search</span><kbd><kbd>Ctrl</kbd><kbd>K</kbd></kbd></button>' +
		'<dialog aria-label="Search"></dialog></site-search>';

	it('puts the visible shortcut into the button name and leaves the dialog alone', () => {
		const out = labelSearchButton(html, 'Search', 'Ctrl K');
		expect(out).toContain('aria-label="Search, Ctrl K" aria-keyshortcuts');
		expect(out).toContain('<dialog aria-label="Search">');
	});

	it('spaces the word and the keys, so the button text reads "Search Ctrl K" as shown, not "SearchCtrlK"', () => {
		const out = labelSearchButton(html, 'Search', 'Ctrl K');
		expect(out).toContain('<span aria-hidden="true">Search</span> <kbd><kbd>Ctrl</kbd> <kbd>K</kbd></kbd></button>');
		expect(out).toContain('<dialog aria-label="Search"></dialog>');
	});

	it('fails loudly when Starlight changes the markup', () => {
		expect(() => labelSearchButton('<button>Search</button>', 'Search', 'Ctrl K')).toThrow(
			/no <button data-open-modal>/,
		);
		expect(() => labelSearchButton('<button data-open-modal>Search</button>', 'Search', 'Ctrl K')).toThrow(
			/no aria-label/,
		);
	});
});
