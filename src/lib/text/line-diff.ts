/**
 * The lines that differ between two near-identical listings, in the form Expressive Code marks as
 * inserted and deleted lines (`lang="diff"` with `meta="lang=python"`): each line starts with `+`, `-`
 * or a space. There are no `---`/`@@` headers (Expressive Code would then show the text as a raw diff
 * file); a line holding only `…` stands between hunks for the unchanged lines left out.
 */
import { structuredPatch } from 'diff';

/** Stands for unchanged lines left out between two hunks. */
export const HUNK_SEPARATOR = ' …';

/** Thrown when there is nothing to show. */
export class LineDiffError extends Error {
	override name = 'LineDiffError';
}

/** Unchanged lines kept around each change by default. */
export const DEFAULT_CONTEXT_LINES = 2;

/** The changed lines of `after` against `before`, with `context` unchanged lines around each change. */
export function lineDiff(
	before: string,
	after: string,
	where: string,
	context: number = DEFAULT_CONTEXT_LINES,
): string {
	const patch = structuredPatch('before', 'after', withNewline(before), withNewline(after), '', '', { context });
	if (patch.hunks.length === 0)
		throw new LineDiffError(`${where}: the two listings are identical; there is no difference to show.`);
	const out: string[] = [];
	patch.hunks.forEach((hunk, index) => {
		if (index > 0 || hunk.oldStart > 1) out.push(HUNK_SEPARATOR);
		// "\ No newline at end of file" is patch bookkeeping, not a line of either listing.
		out.push(...hunk.lines.filter((line) => !line.startsWith('\\')));
	});
	const last = patch.hunks.at(-1)!;
	if (last.oldStart + last.oldLines - 1 < countLines(before)) out.push(HUNK_SEPARATOR);
	return out.join('\n');
}

function withNewline(text: string): string {
	return text.endsWith('\n') ? text : `${text}\n`;
}

function countLines(text: string): number {
	return withNewline(text).split('\n').length - 1;
}
