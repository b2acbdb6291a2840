/**
 * Counts a lesson's prose from its MDX source, so the word budgets of issue 22 stay true: prose is the text of
 * paragraphs, list items and headings in the main column, outside code, tables, figures and collapsed parts.
 * Asides count (they sit in the main column); a self-check's question counts, its answer (collapsed) does not;
 * a <MeasuredValue>/<SweepValue> counts as one word (it renders one figure); figures and listings count nothing.
 * Text a component renders from examples/ (an exercise's task) is not in the MDX and is not counted.
 */

/** Words the lesson prose must not use: the site's machinery (runners, package managers, in-browser Python). */
export const MACHINERY =
	/\b(pyodide|stackblitz|webcontainers?|npm|npx|runner\.py|runners?|pip|pipx|uv|conda|brew|apt(?:-get)?)\b/gi;

export const LIMITS = {
	/** Prose words a lesson may hold. */
	lesson: 2_500,
	/** Prose words the whole course may hold, with room for the pipelines lesson still to come. */
	course: 21_500,
	/** Budget kept for the pipelines lesson until it lands. */
	pipelines: 1_800,
	/**
	 * Words a lesson's widgets add on the built page that its MDX source does not hold: the run control (per lesson)
	 * and each exercise's task and instructions (per `<Exercise>`, measured at about 330 on the 2026-12 build). The
	 * source check keeps this much room; `--dist` counts the built pages themselves.
	 */
	widgetReserve: 100,
	exerciseReserve: 330,
	/** Machinery words across all lessons. */
	machinery: 25,
} as const;

export interface ProseCount {
	words: number;
	/** Machinery words found, in order. */
	machinery: string[];
	/** `<Exercise>` tags in the source (0 for a built page, where their text is counted). */
	exercises?: number;
}

function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Removes every `<Name ...>...</Name>` block (with nesting of the same name). */
function dropElement(text: string, name: string): string {
	const re = new RegExp(`<${name}\\b[^>]*?(/>|>[\\s\\S]*?</${name}>)`, 'g');
	return text.replace(re, ' ');
}

/** The prose of one MDX page, as plain text. */
export function proseText(mdx: string): string {
	let t = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
	t = t.replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1\s*$/gm, ' '); // fenced code
	t = t.replace(/^(import|export) .*$/gm, ' ');
	t = t.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' '); // MDX comments
	t = t.replace(/<!--[\s\S]*?-->/g, ' ');
	t = dropElement(t, 'details'); // collapsed parts
	t = t.replace(/^\s*\|.*$/gm, ' '); // tables
	// A self-check answer is collapsed: keep the question, drop the slot.
	t = t.replace(/<Question\s+q=(["'])([\s\S]*?)\1\s*>[\s\S]*?<\/Question>/g, (_m, _q, q: string) => `\n${q}\n`);
	// An inline figure renders as one number.
	t = t.replace(/<(MeasuredValue|SweepValue|MeasuredOn)\b[\s\S]*?\/>/g, ' 1 ');
	// Other tags (figures, listings, run controls, layout wrappers) add no words; text children stay.
	t = t.replace(/<\/?[A-Za-z][\w.]*\b(?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?\/?>/g, ' ');
	t = t.replace(/\{[^}]*\}/g, ' '); // leftover expressions
	t = t.replace(/\]\([^)]*\)/g, ']'); // link targets are not read
	return t;
}

export function countProse(mdx: string): ProseCount {
	const text = proseText(mdx);
	const exercises = (mdx.match(/<Exercise\b/g) ?? []).length;
	return { words: countWords(text), machinery: text.match(MACHINERY) ?? [], exercises };
}

/**
 * The same count on a built page (the measure issue 22 used): text of p, li and h1-h6 in the main column
 * (`.sl-markdown-content`), leaving out code, tables, figures and anything inside a closed <details>.
 * `doc` is a parsed HTML document (jsdom's or a browser's). The function uses nothing from outside its body (the
 * machinery words come as a pattern), so a browser can run its source: see `countProseScript`.
 */
export function countProseHtml(doc: Document, machinery: string = MACHINERY.source): ProseCount {
	const main = doc.querySelector('.sl-markdown-content');
	if (!main) return { words: 0, machinery: [] };
	const skip = 'pre, code, table, figure, details, svg, script, style, nav, button, summary';
	const parts: string[] = [];
	for (const el of main.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6')) {
		if (el.closest(skip)) continue;
		// A block nested in another counted block (p inside li) is counted once, by its outermost block.
		if (el.parentElement?.closest('p, li, h1, h2, h3, h4, h5, h6') && main.contains(el.parentElement)) continue;
		const clone = el.cloneNode(true) as Element;
		for (const inner of clone.querySelectorAll('pre, table, figure, details, svg, script, style, button'))
			inner.remove();
		parts.push(clone.textContent ?? '');
	}
	const text = parts.join('\n');
	const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
	return { words, machinery: text.match(new RegExp(machinery, 'gi')) ?? [] };
}

/** An expression a browser page evaluates to the count of its own document (Playwright's `page.evaluate`). */
export function countProseScript(): string {
	return `(${countProseHtml.toString()})(document, ${JSON.stringify(MACHINERY.source)})`;
}
