/**
 * What "Run it yourself" says and in which order, from the example's metadata (example.json): which scripts run in
 * the browser (StackBlitz runs Python under Pyodide) and what the others need, and which way in comes first. The
 * lesson's point decides the order: when the scripts that show it cannot run under Pyodide, the page leads with
 * the download and the clone, and the browser comes last.
 */
import { findScript, type Example } from '../examples/metadata.ts';
import { limitationsIn, type Limitation } from './support-matrix.ts';

/** The browser (StackBlitz) or your own machine (download or clone). */
export type Way = 'browser' | 'machine';

/**
 * The way in to show first. `focus` names the variants that show the lesson's point (default: every timed
 * variant, role "variant"); the browser leads when at least half of them run there, labelled or not.
 */
export function leadingWay(example: Example, focus?: readonly string[]): Way {
	const scripts = focus
		? focus.map((variant) => findScript(example, variant))
		: example.scripts.filter((s) => s.role === 'variant');
	if (scripts.length === 0) return 'machine';
	const inBrowser = scripts.filter((s) => s.pyodide.status !== 'skipped').length;
	return inBrowser * 2 >= scripts.length ? 'browser' : 'machine';
}

/** What runs in the browser, for one sentence. */
export interface BrowserSummary {
	total: number;
	/** Scripts that run there, in teaching order; `labelled` when their output says how they differ from a native run. */
	runs: Array<{ file: string; labelled: boolean }>;
	/** How many are skipped there. */
	skipped: number;
	/** What the skipped ones need that Pyodide lacks, from their skip reasons, in a fixed order. */
	needs: Limitation[];
}

const LIMITATION_ORDER: Limitation[] = ['threads', 'processes', 'sockets'];

export function browserSummary(example: Example): BrowserSummary {
	const runs = example.scripts
		.filter((s) => s.pyodide.status !== 'skipped')
		.map((s) => ({ file: s.file, labelled: s.pyodide.status === 'labelled' }));
	const needed = new Set<Limitation>();
	for (const script of example.scripts) {
		if (script.pyodide.status === 'skipped')
			for (const limitation of limitationsIn(script.pyodide.reason)) needed.add(limitation);
	}
	return {
		total: example.scripts.length,
		runs,
		skipped: example.scripts.length - runs.length,
		needs: LIMITATION_ORDER.filter((l) => needed.has(l)),
	};
}

/** "a", "a or b", "a, b or c". */
export function orList(words: readonly string[]): string {
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** "one", "two" … "nine", then digits: counts read as words in a sentence. */
export function countWord(n: number): string {
	return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n] ?? String(n);
}
