/**
 * The course's whole-course downloads, linked from the home page and every lesson: the course as one PDF, and every
 * example in one zip. Their site paths, and how their sizes get onto the links.
 *
 * The zip is built with the site, so its size is known while a page renders. The PDF is printed from the built site
 * (`npm run pdf`), so it exists only afterwards: pages carry its link inside `<template data-course-pdf-link>`
 * (inert: no link a reader or a link checker can follow) with {@link PDF_SIZE_PLACEHOLDER}, and the pdf step turns
 * the template into the link and writes the real size into every built page ({@link publishPdfLinks}). A plain
 * `npm run build` (or `astro dev`) thus links no file it did not make.
 */
import { ALL_EXAMPLES_ZIP } from './zip.ts';

/** The whole course as one PDF, at the site's root. */
export const COURSE_PDF = 'speed-up-python-with-concurrency.pdf';

/** Site path of the all-examples zip, built by src/pages/downloads/speed-up-python-with-concurrency-examples.zip.ts. */
export const ALL_EXAMPLES_ZIP_PATH = `downloads/${ALL_EXAMPLES_ZIP}`;

/** Site path of the page holding every lesson in order, the page the PDF is printed from. */
export const PRINT_PAGE_PATH = 'print/';

/** `1.2 MB`, `45.3 kB`, `512 B`: decimal units, as browsers and file managers show download sizes. */
export function formatBytes(bytes: number): string {
	if (!Number.isInteger(bytes) || bytes < 0) throw new Error(`not a byte count: ${bytes}`);
	if (bytes < 1000) return `${bytes} B`;
	const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'kB'] : [bytes / 1_000_000, 'MB'];
	return `${value.toFixed(1)} ${unit}`;
}

/** What a page holds where the PDF's size goes, until the pdf step fills it in. */
export const PDF_SIZE_PLACEHOLDER = '<span data-pdf-size></span>';

/** The placeholder, empty or already filled (so the pdf step can run again on the same build). */
const PDF_SIZE_PATTERN = /<span data-pdf-size(?:="\d+")?>[^<]*<\/span>/g;

/** The HTML with every PDF size placeholder stating `bytes`: ` (1.2 MB)`, the exact count in `data-pdf-size`. */
export function fillPdfSize(html: string, bytes: number): string {
	return html.replace(PDF_SIZE_PATTERN, `<span data-pdf-size="${bytes}"> (${formatBytes(bytes)})</span>`);
}

/** How many PDF size placeholders (empty or filled) the HTML holds. */
export function countPdfSizePlaceholders(html: string): number {
	return html.match(PDF_SIZE_PATTERN)?.length ?? 0;
}

/** Start tag of the inert wrapper around a link to the PDF, until the pdf step publishes it (Astro may add a class). */
export const PDF_LINK_TEMPLATE = '<template data-course-pdf-link>';
const PDF_LINK_TEMPLATE_PATTERN = /<template data-course-pdf-link(?:\s[^>]*)?>([\s\S]*?)<\/template>/g;

/**
 * The HTML with every PDF link published (its `<template data-course-pdf-link>` wrapper removed) and its size filled
 * in (see {@link fillPdfSize}). Idempotent, so the pdf step can run again on the same build.
 */
export function publishPdfLinks(html: string, bytes: number): string {
	return fillPdfSize(html.replace(PDF_LINK_TEMPLATE_PATTERN, '$1'), bytes);
}
