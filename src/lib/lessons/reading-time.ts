/**
 * Reading time of a lesson, from its MDX source at build time, so the course outline never carries a hand-written
 * estimate. Prose is read at READING_WPM words a minute; code (fenced blocks, and each example listing the page
 * reads from examples/ with <ExampleCode>) at CODE_WPM, and each figure adds FIGURE_MINUTES to look at it.
 */
export const READING_WPM = 200;
export const CODE_WPM = 80;
export const FIGURE_MINUTES = 0.5;
/** Words counted for an <ExampleCode> listing: the page shows an excerpt of the file, a screenful at most. */
export const LISTING_WORDS = 60;

const FIGURES = /<(SpeedupChart|TimelineChart|SweepChart|TimelineReplay|ResultsTable)\b/g;

export interface ReadingTime {
	/** Whole minutes, rounded up, at least 1. */
	minutes: number;
	proseWords: number;
	codeWords: number;
	figures: number;
}

function words(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function readingTime(mdx: string): ReadingTime {
	const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
	let codeWords = 0;
	const withoutFences = body.replace(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1\s*$/gm, (_, _fence: string, code: string) => {
		codeWords += words(code);
		return '';
	});
	const listings = (withoutFences.match(/<ExampleCode\b/g) ?? []).length;
	codeWords += listings * LISTING_WORDS;
	const figures = (withoutFences.match(FIGURES) ?? []).length;
	const prose = withoutFences
		.replace(/^import .*$/gm, '')
		.replace(/<[^>]*>/g, ' ') // tags of components and HTML; their text children stay
		.replace(/\{[^}]*\}/g, ' ');
	const proseWords = words(prose);
	const minutes = proseWords / READING_WPM + codeWords / CODE_WPM + figures * FIGURE_MINUTES;
	return { minutes: Math.max(1, Math.ceil(minutes)), proseWords, codeWords, figures };
}
