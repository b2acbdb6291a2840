/**
 * What the page says about the learner's run next to ours: one line per machine, one sentence that compares, a
 * note when the runs had different inputs, and the numbers as a table (so nothing is only in a picture).
 */
import { formatSeconds, formatSpeedup } from '../measurements/format.ts';
import type { Environment, Measurement, OkVariant } from '../measurements/schema.ts';

export interface ComparisonTable {
	caption: string;
	head: string[];
	/** First cell of each row is the approach (a row header). */
	rows: string[][];
}

export interface Comparison {
	/** "Your machine: CPython 3.13.5, free-threaded build, GIL off, Linux arm64, 8 CPUs (run on 2026-12-06)." */
	machine: string;
	/** "Your threads: 9.1× on 8 CPUs; ours: 9.4× on 2." */
	sentence: string;
	/** Set when the runs had different inputs, which changes times too. */
	parameterNote: string | null;
	table: ComparisonTable;
}

function cpus(env: Environment, short = false): string {
	if (env.cpu_count === null) return short ? 'an unknown number' : 'an unknown number of CPUs';
	return short ? String(env.cpu_count) : `${env.cpu_count} CPU${env.cpu_count === 1 ? '' : 's'}`;
}

/** Everything that decides how threads and processes behave, in plain words. */
export function machineLine(env: Environment): string {
	const build = env.free_threaded_build ? 'free-threaded build' : 'standard build (with the GIL)';
	const machine = [env.os, env.machine].filter(Boolean).join(' ');
	return (
		`${env.implementation} ${env.python_version}, ${build}, GIL ` +
		`${env.gil_enabled ? 'on' : 'off'}, ${machine}, ${cpus(env)}`
	);
}

function ok(m: Measurement, id: string): OkVariant | undefined {
	const v = m.variants.find((x) => x.variant === id);
	return v?.status === 'ok' ? v : undefined;
}

/** "items 8, workers 4": the inputs of a run, in the order the script gave them. */
function inputs(parameters: Record<string, unknown>): string {
	return Object.entries(parameters)
		.map(([name, value]) => `${name.replaceAll('_', ' ')} ${value}`)
		.join(', ');
}

/** Whether two runs had the same inputs, whatever order their reports list them in. */
function sameInputs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const canonical = (p: Record<string, unknown>) =>
		JSON.stringify(
			Object.keys(p)
				.sort()
				.map((name) => [name, p[name]]),
		);
	return canonical(a) === canonical(b);
}

/**
 * Compares the learner's one-run measurement with ours over the variants a page's figures show (default: every
 * timed variant we measured). The sentence quotes the variant with our best speedup that both runs have.
 */
export function compareRuns(ours: Measurement, yours: Measurement, variants?: readonly string[]): Comparison {
	const ids = variants ?? ours.variants.filter((v) => v.role === 'variant').map((v) => v.variant);
	const both = ids.filter((id) => ok(ours, id) && ok(yours, id));
	const withSpeedup = both.filter(
		(id) => ok(ours, id)!.speedup !== null && ok(yours, id)!.speedup !== null && id !== ours.baseline,
	);
	const pick = withSpeedup.sort((a, b) => ok(ours, b)!.speedup! - ok(ours, a)!.speedup!)[0] ?? both[0];
	let sentence: string;
	if (pick === undefined) {
		const theirs = yours.variants.map((v) => v.variant).join(', ');
		sentence =
			`Your report has ${theirs || 'no runs'}, none of which this page's ` +
			`figures show (${ids.join(', ')}): run the whole example to compare.`;
	} else {
		const a = ok(yours, pick)!;
		const b = ok(ours, pick)!;
		const speedups = withSpeedup.includes(pick);
		const yourValue = speedups ? formatSpeedup(a.speedup!) : formatSeconds(a.elapsed_s.median);
		const ourValue = speedups ? formatSpeedup(b.speedup!) : formatSeconds(b.elapsed_s.median);
		sentence =
			`Your ${pick}: ${yourValue} on ${cpus(yours.environment)}; ` +
			`ours: ${ourValue} on ${cpus(ours.environment, true)}.`;
	}
	const a = pick === undefined ? undefined : ok(yours, pick);
	const b = pick === undefined ? undefined : ok(ours, pick);
	const parameterNote =
		a && b && !sameInputs(a.parameters, b.parameters)
			? `Your run had other inputs (${inputs(a.parameters)}; ours: ` +
				`${inputs(b.parameters)}), so its times differ for that reason too.`
			: null;
	const speedupColumns = ours.baseline !== null;
	const baselineLabel = ours.variants.find((v) => v.variant === ours.baseline)?.label ?? ours.baseline;
	const cell = (m: Measurement, id: string, what: 'time' | 'speedup') => {
		const v = m.variants.find((x) => x.variant === id);
		if (!v) return m === yours ? 'not in your report' : 'not measured';
		if (v.status === 'skipped') return `skipped: ${v.skip_reason}`;
		if (what === 'time') return formatSeconds(v.elapsed_s.median);
		return id === m.baseline ? 'baseline' : v.speedup === null ? '' : formatSpeedup(v.speedup);
	};
	const label = (id: string) => ours.variants.find((v) => v.variant === id)?.label ?? id;
	return {
		machine: `Your machine: ${machineLine(yours.environment)} (run on ${yours.date}).`,
		sentence,
		parameterNote,
		table: {
			caption:
				`Your run next to ours: wall time of each approach (yours from one run, ours ` +
				`the ${ours.repeats === 1 ? 'one run' : `median of ${ours.repeats} runs`})` +
				(speedupColumns ? `, and how many times faster than ${baselineLabel}` : '') +
				`. Ours: ${machineLine(ours.environment)}, ${ours.date}.`,
			head: ['Approach', 'Ours', 'Yours', ...(speedupColumns ? ['Our speedup', 'Your speedup'] : [])],
			rows: ids.map((id) => [
				label(id),
				cell(ours, id, 'time'),
				cell(yours, id, 'time'),
				...(speedupColumns ? [cell(ours, id, 'speedup'), cell(yours, id, 'speedup')] : []),
			]),
		},
	};
}
