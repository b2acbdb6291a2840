/**
 * What runs where: every script of every example, by way in (clone, zip, StackBlitz).
 *
 * Derived from each example's metadata only. Clone and zip run the scripts with the learner's own CPython, so every
 * script runs there. StackBlitz runs them under Pyodide (see src/stackblitz/run-python.mjs), which has no threads,
 * no processes and no sockets; example.json says per script whether it runs, runs with a label, or is skipped and why.
 * The payload tests check this matrix against what actually happens under Pyodide.
 */
import type { Example, ExampleScript, PyodideSupport } from '../examples/metadata.ts';

export const WAYS_IN = ['clone', 'zip', 'stackblitz'] as const;
export type WayIn = (typeof WAYS_IN)[number];

/** Names used in tables and tests. */
export const WAY_IN_NAMES: Record<WayIn, string> = {
	clone: 'From a clone',
	zip: 'From the zip',
	stackblitz: 'In StackBlitz',
};

/** How one script fares in one way in: `note` is the label (labelled) or the reason (skipped). */
export interface WaySupport {
	status: PyodideSupport['status'];
	note: string | null;
}

export interface SupportRow {
	example: string;
	exampleTitle: string;
	file: string;
	variant: string;
	label: string;
	ways: Record<WayIn, WaySupport>;
}

/** With their own CPython 3.11+, learners can run every script. */
const NATIVE: WaySupport = { status: 'runs', note: null };

/** The StackBlitz cell for a script, straight from its `pyodide` field. */
export function stackblitzSupport(script: ExampleScript): WaySupport {
	const support = script.pyodide;
	if (support.status === 'labelled') return { status: 'labelled', note: support.label };
	if (support.status === 'skipped') return { status: 'skipped', note: support.reason };
	return { status: 'runs', note: null };
}

/** One row per script, examples in the given order, scripts in teaching order. */
export function supportMatrix(examples: Example[]): SupportRow[] {
	return examples.flatMap((example) =>
		example.scripts.map((script) => ({
			example: example.slug,
			exampleTitle: example.title,
			file: script.file,
			variant: script.variant,
			label: script.label,
			ways: { clone: { ...NATIVE }, zip: { ...NATIVE }, stackblitz: stackblitzSupport(script) },
		})),
	);
}

/**
 * Ways in where every one of these rows simply runs (from a clone and from the zip, always): a table says that once,
 * in its caption, rather than "Runs" in every row. Never StackBlitz, the way that differs.
 */
export function uniformWays(rows: readonly SupportRow[]): WayIn[] {
	return WAYS_IN.filter(
		(way) => way !== 'stackblitz' && rows.every((row) => row.ways[way].status === 'runs' && !row.ways[way].note),
	);
}

/** Column order of a table: the informative StackBlitz column first, then the ways that vary per script. */
export function shownWays(rows: readonly SupportRow[]): WayIn[] {
	const uniform = uniformWays(rows);
	return (['stackblitz', 'clone', 'zip'] as const).filter((way) => !uniform.includes(way));
}

/** Counts of StackBlitz statuses for one example, e.g. to say "2 of 6 scripts run in StackBlitz". */
export function stackblitzCounts(example: Example): Record<WaySupport['status'], number> {
	const counts = { runs: 0, labelled: 0, skipped: 0 };
	for (const script of example.scripts) counts[script.pyodide.status] += 1;
	return counts;
}

/** Short text for a cell: the words a reader sees (never only a colour or an icon). */
export function statusText(support: WaySupport): string {
	return support.status === 'runs' ? 'Runs' : support.status === 'labelled' ? 'Runs, labelled' : 'Skipped';
}

/** What Pyodide lacks; skip reasons and observed failures are both sorted into these. */
export type Limitation = 'threads' | 'processes' | 'sockets';

/** Which limitations a text (a skip reason, an error message, a variant label) talks about. */
export function limitationsIn(text: string): Set<Limitation> {
	const found = new Set<Limitation>();
	if (/\bthread|can't start new thread/i.test(text)) found.add('threads');
	if (/multiprocessing|\bprocess(es)?\b|process pool|_multiprocessing|named semaphores/i.test(text))
		found.add('processes');
	if (/socket|network|server|connect|urlopen|Errno/i.test(text)) found.add('sockets');
	return found;
}

/** One script as run-python.mjs observed it (the shape of an entry of timings.json `results`). */
export interface PyodideObservation {
	file: string;
	attempted: boolean;
	/** `partial`: a compare or sweep script ran, leaving out (with no time) the variants Pyodide cannot run. */
	outcome: 'ok' | 'partial' | 'reported-skip' | 'failed' | 'not-run';
	error: string | null;
	report: PyodideReport | null;
}

/** The parts of a timing report (examples/timing-report.schema.json) that the check reads. */
export interface PyodideReport {
	status: 'ok' | 'skipped';
	skip_reason: string | null;
	elapsed_s: number | null;
	runs?: PyodideReport[];
	rows?: Array<{ variant: string; label?: string; elapsed_s?: unknown }>;
	variant?: string;
}

/**
 * Why an attempted script did not (fully) run, as text to sort into limitations: the error, the script's own skip
 * reason, or — for a compare or sweep script that ran only its sequential part — the parts it had to leave out.
 */
export function observedLimitationText(observation: PyodideObservation): string | null {
	const { outcome, report } = observation;
	if (outcome === 'failed') return observation.error ?? '';
	if (outcome === 'reported-skip') return report?.skip_reason ?? '';
	if ((outcome === 'ok' || outcome === 'partial') && report) {
		const skippedRuns = (report.runs ?? [])
			.filter((run) => run.status === 'skipped')
			.map((run) => run.skip_reason ?? '');
		const skippedRows = (report.rows ?? [])
			.filter((row) => row.elapsed_s === null)
			.map((row) => `${row.variant} ${row.label ?? ''}`);
		const parts = [...skippedRuns, ...skippedRows];
		return parts.length > 0 ? parts.join('; ') : null;
	}
	return null;
}

/**
 * Does what happened under Pyodide match the script's metadata? Returns problems as sentences (empty: it matches).
 *  - runs / labelled: it ran and reported status "ok";
 *  - skipped, not attempted: it was not run;
 *  - skipped, attempted (--all): it could not (fully) run, and for a limitation its skip reason names.
 */
export function checkObservation(script: ExampleScript, observation: PyodideObservation): string[] {
	const support = script.pyodide;
	const where = `${observation.file} (example.json says "${support.status}")`;
	if (support.status !== 'skipped') {
		if (observation.outcome !== 'ok')
			return [`${where} did not run under Pyodide: ${observation.outcome}: ${observation.error ?? ''}`];
		return [];
	}
	if (!observation.attempted) return observation.outcome === 'not-run' ? [] : [`${where} was run although skipped`];
	const text = observedLimitationText(observation);
	if (text === null) return [`${where} ran completely under Pyodide: its metadata should say "runs" or "labelled"`];
	const claimed = limitationsIn(support.reason);
	const seen = limitationsIn(text);
	if (claimed.size === 0)
		return [`${where}: the skip reason names no limitation (threads, processes, sockets): "${support.reason}"`];
	if (![...seen].some((limitation) => claimed.has(limitation))) {
		return [
			`${where}: the reason says [${[...claimed].join(', ')}] but Pyodide ` +
				`stopped it for [${[...seen].join(', ') || 'another reason'}]: ${text}`,
		];
	}
	return [];
}
