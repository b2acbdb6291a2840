/**
 * Reads a PDF's pages as text with pdf.js (Mozilla's PDF renderer, `pdfjs-dist`): used by `npm run pdf` to put page
 * numbers into the table of contents, and by the tests to check what the PDF holds.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page, in order (items joined with spaces, whitespace collapsed). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
	try {
		const pages: string[] = [];
		for (let number = 1; number <= pdf.numPages; number++) {
			const page = await pdf.getPage(number);
			const content = await page.getTextContent();
			pages.push(
				content.items
					.map((item) => ('str' in item ? item.str : ''))
					.join(' ')
					.replace(/\s+/g, ' ')
					.trim(),
			);
		}
		return pages;
	} finally {
		await pdf.destroy();
	}
}

/**
 * The page (from 1) on which each lesson starts: the first page after `after` whose text holds "Lesson <n>" and the
 * lesson's title. Null for a lesson not found.
 */
export function lessonStartPages(pages: string[], titles: string[], after = 0): Array<number | null> {
	const squash = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
	return titles.map((title, i) => {
		const marker = new RegExp(`lesson ${i + 1}(?!\\d)`);
		const index = pages.findIndex((text, p) => p >= after && marker.test(squash(text)) && squash(text).includes(squash(title)));
		return index < 0 ? null : index + 1;
	});
}

/** The page (from 1) on which the appendix of hints and solutions starts: the first page after `after` that opens it. */
export function appendixStartPage(pages: string[], after = 0): number | null {
	const index = pages.findIndex((text, p) => p >= after && /appendix hints and solutions/.test(text.replace(/\s+/g, ' ').toLowerCase()));
	return index < 0 ? null : index + 1;
}
