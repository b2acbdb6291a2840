import { describe, expect, it } from 'vitest';
import {
	ALL_EXAMPLES_ZIP_PATH,
	COURSE_PDF,
	PDF_SIZE_PLACEHOLDER,
	countPdfSizePlaceholders,
	fillPdfSize,
	formatBytes,
} from './downloads.ts';
import { ALL_EXAMPLES_ZIP } from './zip.ts';

describe('formatBytes', () => {
	it('uses decimal units with one decimal, like a browser’s download list', () => {
		expect(formatBytes(0)).toBe('0 B');
		expect(formatBytes(999)).toBe('999 B');
		expect(formatBytes(1000)).toBe('1.0 kB');
		expect(formatBytes(45_321)).toBe('45.3 kB');
		expect(formatBytes(1_234_567)).toBe('1.2 MB');
	});
	it('refuses what is not a byte count', () => {
		expect(() => formatBytes(-1)).toThrow(/byte count/);
		expect(() => formatBytes(1.5)).toThrow(/byte count/);
	});
});

describe('the PDF size on the links', () => {
	const page = `<p><a href="/x.pdf">PDF${PDF_SIZE_PLACEHOLDER}</a></p><footer><a>PDF${PDF_SIZE_PLACEHOLDER}</a></footer>`;
	it('is filled into every placeholder, with the exact byte count kept for checking', () => {
		const filled = fillPdfSize(page, 1_234_567);
		expect(filled).toBe(
			'<p><a href="/x.pdf">PDF<span data-pdf-size="1234567"> (1.2 MB)</span></a></p><footer><a>PDF<span data-pdf-size="1234567"> (1.2 MB)</span></a></footer>',
		);
		expect(countPdfSizePlaceholders(filled)).toBe(2);
	});
	it('can be filled again when the PDF is printed again', () => {
		expect(fillPdfSize(fillPdfSize(page, 1_234_567), 2_000)).toBe(fillPdfSize(page, 2_000));
	});
	it('leaves a page without placeholders alone', () => {
		expect(fillPdfSize('<p>nothing</p>', 5)).toBe('<p>nothing</p>');
		expect(countPdfSizePlaceholders('<p>nothing</p>')).toBe(0);
	});
});

describe('download names', () => {
	it('are files at fixed places in the site', () => {
		expect(COURSE_PDF).toMatch(/^[a-z-]+\.pdf$/);
		expect(ALL_EXAMPLES_ZIP_PATH).toBe(`downloads/${ALL_EXAMPLES_ZIP}`);
	});
});

describe('publishPdfLinks', () => {
	it('turns the inert template into the link, with the size, and is idempotent', async () => {
		const { publishPdfLinks, PDF_LINK_TEMPLATE } = await import('./downloads.ts');
		const page = `<footer>${PDF_LINK_TEMPLATE}<p><a href="/x.pdf">PDF${PDF_SIZE_PLACEHOLDER}</a></p></template></footer>`;
		const published = publishPdfLinks(page, 2_000_000);
		expect(published).toBe(
			'<footer><p><a href="/x.pdf">PDF<span data-pdf-size="2000000"> (2.0 MB)</span></a></p></footer>',
		);
		expect(publishPdfLinks(published, 2_000_000)).toBe(published);
		expect(publishPdfLinks('<template data-course-pdf-link class="astro-x"><a>PDF</a></template>', 1)).toBe(
			'<a>PDF</a>',
		);
	});
});
