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

/**
 * Makes a lesson's ids unique in the printable course, where eleven lessons share one page (every lesson has a
 * "check-yourself" heading): each id defined in `html` gets `prefix`, and so does every in-page reference to it
 * (href="#…", aria-*, for=, SVG url(#…)). References to ids the html does not define are left alone.
 */
export function prefixIds(html: string, prefix: string): string {
	const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
	if (ids.size === 0) return html;
	const fix = (id: string) => (ids.has(id) ? `${prefix}${id}` : id);
	return html
		.replace(/(\sid=")([^"]+)"/g, (_, start: string, id: string) => `${start}${fix(id)}"`)
		.replace(
			/(\s(?:href|xlink:href)="#)([^"]+)"/g,
			(_, start: string, id: string) => `${start}${fix(decodeURIComponent(id))}"`,
		)
		.replace(
			/(\s(?:aria-labelledby|aria-describedby|aria-controls|for)=")([^"]+)"/g,
			(_, start: string, list: string) => `${start}${list.split(/\s+/).map(fix).join(' ')}"`,
		)
		.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${fix(id)})`);
}

/** Where an element starts and ends in an HTML string. */
interface Span {
	start: number;
	end: number;
}

/** A regular expression source matching a class attribute that holds `className` (Astro adds its scoping classes). */
const hasClass = (className: string) => `class="(?:[^"]*\\s)?${className}(?:\\s[^"]*)?"`;

/**
 * The `<details>` elements of class `className` (e.g. `exercise-hints`), outermost first, nested details counted so
 * each span ends at its own `</details>`.
 */
export function detailsSpans(html: string, className: string): Span[] {
	const spans: Span[] = [];
	const starts = new RegExp(`<details\\b[^>]*${hasClass(className)}[^>]*>`, 'g');
	for (let match = starts.exec(html); match; match = starts.exec(html)) {
		const tags = /<details\b|<\/details>/g;
		tags.lastIndex = match.index + match[0].length;
		let depth = 1;
		for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
			depth += tag[0] === '</details>' ? -1 : 1;
			if (depth === 0) {
				spans.push({ start: match.index, end: tag.index + tag[0].length });
				starts.lastIndex = tag.index + tag[0].length;
				break;
			}
		}
		if (depth !== 0) throw new Error(`unclosed <details class="${className}"> at ${match.index}`);
	}
	return spans;
}

/** Class of an exercise's hints-and-solution panel (Exercise.astro): the printed course moves it to the appendix. */
export const EXERCISE_HINTS_CLASS = 'exercise-hints';

/** One exercise's hints and solution, taken out of a lesson for the appendix. */
export interface AppendixEntry {
	/** The exercise's own id (Exercise.astro's `exercise-<example>-<name>`). */
	exercise: string;
	/** The heading the exercise sits under in the lesson, as text ("Exercise: download with a pool of threads"). */
	title: string;
	/** The hints panel's HTML. */
	html: string;
}

/**
 * Splits a lesson's HTML into its body, where each exercise's hints-and-solution panel is replaced by a line that
 * points to the appendix (`appendixHref(exercise)`), and the panels themselves, in order, for the appendix: a book
 * puts the answers after the last chapter, not under the question.
 */
export function moveHintsToAppendix(
	html: string,
	appendixHref: (exercise: string) => string,
): { body: string; entries: AppendixEntry[] } {
	const entries: AppendixEntry[] = [];
	let body = '';
	let from = 0;
	const exercises = new RegExp(`<div ${hasClass('exercise')}[^>]*\\sid="([^"]+)"`, 'g');
	for (const span of detailsSpans(html, EXERCISE_HINTS_CLASS)) {
		const before = html.slice(0, span.start);
		const exercise = [...before.matchAll(exercises)].at(-1)?.[1];
		if (!exercise) throw new Error('an exercise hints panel outside an exercise');
		const heading = [...before.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/g)].at(-1)?.[1] ?? '';
		const title =
			heading
				.replace(/<[^>]+>/g, '')
				.replace(/\s+/g, ' ')
				.trim() || 'Exercise';
		entries.push({ exercise, title, html: html.slice(span.start, span.end) });
		body += `${html.slice(from, span.start)}<p class="print-appendix-ref">Hints and the solution: <a href="${appendixHref(exercise)}">in the appendix</a>.</p>`;
		from = span.end;
	}
	return { body: body + html.slice(from), entries };
}

/**
 * Removes the whole-file panels (and the "shown above" links to them): print hides them anyway, every file is in the
 * all-examples zip, and a lesson printed twice (its body, then its appendix) would otherwise link to a panel that
 * only the first rendering holds.
 */
export function dropWholeFilePanels(html: string): string {
	let out = '';
	let from = 0;
	for (const span of detailsSpans(html, WHOLE_FILE_CLASS)) {
		out += html.slice(from, span.start);
		from = span.end;
	}
	return (out + html.slice(from)).replace(new RegExp(`<p ${hasClass(WHOLE_FILE_CLASS)}[^>]*>[\\s\\S]*?</p>`, 'g'), '');
}
