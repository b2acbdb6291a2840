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
		const index = pages.findIndex(
			(text, p) => p >= after && marker.test(squash(text)) && squash(text).includes(squash(title)),
		);
		return index < 0 ? null : index + 1;
	});
}

/** The page (from 1) on which the appendix of hints and solutions starts: the first page after `after` that opens it. */
export function appendixStartPage(pages: string[], after = 0): number | null {
	const index = pages.findIndex(
		(text, p) => p >= after && /appendix hints and solutions/.test(text.replace(/\s+/g, ' ').toLowerCase()),
	);
	return index < 0 ? null : index + 1;
}

/**
 * Texts that only the site's widgets say (buttons, run controls, disclosures, notes about where code runs): a printed
 * course that shows one of them printed a widget. "Open in StackBlitz" is left out: Welcome's aside names the button.
 */
export const WIDGET_TEXTS = [
	'Run here',
	'Reset to the original',
	'first run downloads',
	'Play at real speed',
	'can’t run in this page',
	'Can’t run in this page',
	'The numbers in this chart',
	'Show answer',
	'Show the hints',
	'Show the whole solution',
	'Commands for a terminal',
	'StackBlitz needs JavaScript',
	'Not in the browser:',
] as const;

/** Each widget text found in the pages, with the pages (from 1) it is on. */
export function widgetTextsIn(pages: string[]): Array<{ text: string; pages: number[] }> {
	return WIDGET_TEXTS.map((text) => ({
		text,
		pages: pages.flatMap((page, i) => (page.includes(text) ? [i + 1] : [])),
	})).filter((found) => found.pages.length > 0);
}

/** The PDF's title metadata (what a PDF reader shows as the document's name). */
export async function pdfTitle(bytes: Uint8Array): Promise<string | undefined> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
	try {
		const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
		return info.Title;
	} finally {
		await pdf.destroy();
	}
}
