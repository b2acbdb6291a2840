/**
 * Excerpts of an example file for a lesson: the named top-level functions and classes, with their real
 * line numbers, and the rule that keeps what a reader sees without a click short.
 */
import { findTopLevelBlocks } from './python-blocks.ts';

/** No code block a reader sees without a click may be longer than this; longer files are shown collapsed. */
export const MAX_VISIBLE_LINES = 30;

/** Thrown when an excerpt cannot be made; the message names the example, the file and what to fix. */
export class ExcerptError extends Error {
	override name = 'ExcerptError';
}

/** A run of consecutive lines of a file. */
export interface Excerpt {
	/** Names of the functions and classes it holds, in file order. */
	names: string[];
	/** First line, 1-based. */
	startLine: number;
	/** Last line, 1-based, inclusive. */
	endLine: number;
	/** The lines themselves. */
	code: string;
}

/**
 * The named top-level functions or classes of a Python file. Blocks separated only by blank lines become
 * one excerpt; others stay separate, each with its own start line. `where` names the caller (e.g. the
 * lesson's `<ExampleCode>` tag) in error messages.
 */
export function extractExcerpts(source: string, names: readonly string[], where: string): Excerpt[] {
	if (names.length === 0) throw new ExcerptError(`${where}: show= names no function or class.`);
	const blocks = findTopLevelBlocks(source);
	const missing = names.filter((name) => !blocks.some((block) => block.name === name));
	if (missing.length > 0) {
		const available = blocks.map((block) => block.name).join(', ') || '(none)';
		throw new ExcerptError(
			`${where}: no top-level function or class named ${missing.map((m) => `"${m}"`).join(', ')} in the file ` +
				`(was it renamed?). Its top-level functions and classes: ${available}.`,
		);
	}
	const lines = source.split('\n');
	const chosen = blocks.filter((block) => names.includes(block.name));
	const excerpts: Excerpt[] = [];
	for (const block of chosen) {
		const previous = excerpts.at(-1);
		const gap = previous ? lines.slice(previous.endLine, block.startLine - 1) : undefined;
		if (previous && gap!.every((line) => line.trim() === '')) {
			previous.names.push(block.name);
			previous.endLine = block.endLine;
		} else {
			excerpts.push({ names: [block.name], startLine: block.startLine, endLine: block.endLine, code: '' });
		}
	}
	for (const excerpt of excerpts) excerpt.code = lines.slice(excerpt.startLine - 1, excerpt.endLine).join('\n');
	return excerpts;
}

/**
 * Narrows an excerpt to the lines from the first one containing `from` through the first one after it containing
 * `to` (either may be left out), for a function too long to show whole. Fails when a text is not in the excerpt.
 */
export function narrowExcerpt(excerpt: Excerpt, where: string, from?: string, to?: string): Excerpt {
	const lines = excerpt.code.split('\n');
	const find = (text: string, after: number, what: string) => {
		const index = lines.findIndex((line, i) => i >= after && line.includes(text));
		if (index < 0) {
			throw new ExcerptError(
				`${where}: ${what}=${JSON.stringify(text)} is not in ` +
					`${excerpt.names.join(', ')}${after > 0 ? ` after from=` : ''}.`,
			);
		}
		return index;
	};
	const first = from === undefined ? 0 : find(from, 0, 'from');
	const last = to === undefined ? lines.length - 1 : find(to, first, 'to');
	return {
		names: excerpt.names,
		startLine: excerpt.startLine + first,
		endLine: excerpt.startLine + last,
		code: lines.slice(first, last + 1).join('\n'),
	};
}

/** Number of lines a code block shows (a final newline does not add one). */
export function countLines(code: string): number {
	return code.replace(/\n$/, '').split('\n').length;
}

/** Throws when a code block shown without a click is longer than {@link MAX_VISIBLE_LINES}. */
export function assertVisibleLength(code: string, where: string, max: number = MAX_VISIBLE_LINES): void {
	const count = countLines(code);
	if (count > max) {
		throw new ExcerptError(
			`${where}: shows ${count} lines without a click; at most ${max} are allowed. ` +
				`Show fewer or shorter functions with show="..." (the whole file is always one click away).`,
		);
	}
}
