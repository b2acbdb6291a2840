/**
 * Turns a lesson's rendered HTML into a section of the printable course (src/pages/print.astro): every answer of a
 * self-check shown (the PDF cannot be clicked), and links to other lessons pointing inside the document, so they work
 * in the PDF and on the print page alike.
 */
import { LESSONS_PREFIX } from './order.ts';

/** Anchor of a lesson's section in the printable course. */
export function lessonAnchor(name: string): string {
	return `lesson-${name}`;
}

/**
 * Rewrites links to lessons into in-document anchors. Lessons link to each other as `../<name>/` (relative to a
 * lesson) or `<base>lessons/<name>/`; a `#section` is dropped, since section ids repeat from lesson to lesson.
 */
export function linkLessonsInDocument(html: string, base: string, lessonNames: string[]): string {
	const known = new Set(lessonNames);
	const prefix = `${base.replace(/\/+$/, '')}/${LESSONS_PREFIX}`;
	return html.replace(/href="([^"]*)"/g, (match, href: string) => {
		const rest = href.startsWith('../') ? href.slice(3) : href.startsWith(prefix) ? href.slice(prefix.length) : null;
		const name = rest?.match(/^([a-z0-9-]+)\/?(?:#.*)?$/)?.[1];
		return name && known.has(name) ? `href="#${lessonAnchor(name)}"` : match;
	});
}

/**
 * A collapsed whole-file listing (ExampleCode): left closed in print, since the lessons' excerpts carry the code a
 * lesson talks about and every whole file is in the all-examples zip.
 */
export const WHOLE_FILE_CLASS = 'example-code__whole-file';

/**
 * Opens every `<details>` (the self-checks' answers, figure data, notes) but whole-file listings, so a printed page
 * shows what a reader would click to see.
 */
export function openAllDetails(html: string): string {
	return html.replace(/<details(?![^>]*\bopen\b)(?![^>]*\bexample-code__whole-file\b)/g, '<details open');
}
