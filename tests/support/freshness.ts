/**
 * Do the committed measurements still tell the story the lessons tell?
 *
 * Three kinds of checks, used by tests/integration/fresh-measurements.test.ts and
 * tests/unit/committed-measurements.test.ts:
 *  1. {@link checkAgainstExample}: a measurement file matches its example as it is now (same scripts, roles,
 *     labels and measureArgs). A file for a variant that no longer exists, or measured with other arguments, is stale.
 *  2. {@link checkClaims}: the claims in {@link STORY}, which are what the lessons say (threads and asyncio are
 *     several times faster on I/O, processes beat threads on CPU-bound work with 2+ cores, an unlocked counter
 *     loses updates and a locked one loses none...), hold for a measurement. Run on the committed file, this
 *     catches a hand-edited number; run on a fresh quick run, it catches a lesson that is no longer true.
 *  3. {@link compareStory}: a fresh quick run agrees with the committed file: same variants run or skipped, same
 *     order where the committed gap is large, and big speedups within a wide margin.
 *
 * Fresh runs use each script's quickArgs, which may give variants different amounts of work (a sequential run
 * of 12 items, a thread pool with 24). Where the task counts differ, times are compared per task.
 */
import { loadExamples, type Example } from '../../src/lib/examples/metadata.ts';
import { formatSeconds, formatSpeedup } from '../../src/lib/measurements/format.ts';
import { type Environment, type Measurement, type OkVariant } from '../../src/lib/measurements/schema.ts';

/** Result of one check. `skip` means it does not apply here (for instance it needs 2 CPUs); `message` says why. */
export interface Finding {
	status: 'pass' | 'fail' | 'skip';
	message: string;
}

/** Where a claim applies: a machine with at least `minCpus` CPUs, a GIL enabled or disabled. */
export interface Condition {
	minCpus?: number;
	gil?: boolean;
}

export type Comparison = '>' | '>=' | '==' | '<=' | '<';

/** One sentence of a lesson, as something a measurement can confirm or contradict. */
export type Claim =
	| {
			/** `variant`'s speedup over the example's baseline compares to `value`. */
			kind: 'speedup';
			variant: string;
			op: Comparison;
			value: number;
			when?: Condition;
			/** What the lesson says, in a few words (test names and failure messages). */
			because: string;
	  }
	| {
			/** `variant`'s metric `metric` compares to `value`; with `of`, the metric as a share of its metric `of`. */
			kind: 'metric';
			variant: string;
			metric: string;
			of?: string;
			op: Comparison;
			value: number;
			when?: Condition;
			because: string;
	  }
	| {
			/** `variant` finishes faster than `than` (per task when their task counts differ). */
			kind: 'faster';
			variant: string;
			than: string;
			when?: Condition;
			because: string;
	  }
	| {
			/** In the rows of the sweep `variant`, series `series` is faster than series `than` at the smallest or largest x. */
			kind: 'sweep-faster';
			variant: string;
			at: 'smallest' | 'largest';
			series: string;
			than: string;
			when?: Condition;
			because: string;
	  };

/**
 * What the lessons claim about each example: the `claims` of its example.json (everything about an example lives in
 * its folder). Thresholds are deliberately loose: they separate "true" from "false", not one good run from another.
 */
export const STORY: Record<string, Claim[]> = Object.fromEntries(
	loadExamples().map((example) => [example.slug, (example.claims ?? []) as Claim[]]),
);

/**
 * Committed slower/faster ratio from which the fresh run must keep the same order... Above 2×, what two cores can give
 * by running in parallel: a gap that parallelism alone makes on the 2-core machine that measured sits at about 2×,
 * which quick runs, with their fixed costs, cannot keep (3.13t, cpu-bound: committed 2.00× and 2.04×, fresh medians of
 * three quick runs 1.2× to 1.3×); the lessons' claims check those pairs instead.
 */
export const LARGE_GAP = 2.25;
/** ...with at least this gap (a near tie is not "the same order" for variants the lesson calls far apart). */
export const KEPT_GAP = Math.SQRT2;
/** A committed speedup of at least this is compared with the fresh one... */
export const BIG_SPEEDUP = 2;
/** ...and the two must be within this factor of each other. */
export const SPEEDUP_MARGIN = 4;

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------

function okVariant(m: Measurement, variant: string): OkVariant | undefined {
	const v = m.variants.find((x) => x.variant === variant);
	return v?.status === 'ok' ? v : undefined;
}

/** Variants with role "variant" that ran. */
function timed(m: Measurement): OkVariant[] {
	return m.variants.filter((v): v is OkVariant => v.status === 'ok' && v.role === 'variant');
}

/**
 * The cost of a variant for comparisons: its median time, or its median time per task when the timed variants
 * of this measurement recorded different numbers of tasks (quickArgs may give them different work).
 */
export function comparableCost(m: Measurement, v: OkVariant): number {
	const counts = new Set(timed(m).map((x) => x.task_count));
	const perTask = counts.size > 1 && ![...counts].includes(0);
	return perTask ? v.elapsed_s.median / v.task_count : v.elapsed_s.median;
}

/** Speedup of `variant` over the baseline, per task when task counts differ; null when not applicable. */
export function comparableSpeedup(m: Measurement, variant: string): number | null {
	const v = okVariant(m, variant);
	const base = m.baseline === null ? undefined : okVariant(m, m.baseline);
	if (!v || !base || v.role !== 'variant' || base.role !== 'variant') return null;
	const cost = comparableCost(m, v);
	return cost > 0 ? comparableCost(m, base) / cost : null;
}

function compare(a: number, op: Comparison, b: number): boolean {
	switch (op) {
		case '>':
			return a > b;
		case '>=':
			return a >= b;
		case '==':
			return a === b;
		case '<=':
			return a <= b;
		case '<':
			return a < b;
	}
}

/** Why a condition does not hold in an environment, or null when it does. */
export function unmetCondition(when: Condition | undefined, env: Environment): string | null {
	if (!when) return null;
	if (when.minCpus !== undefined && (env.cpu_count ?? 1) < when.minCpus) {
		const cpus = `${env.cpu_count ?? 'an unknown number of'} CPU${env.cpu_count === 1 ? '' : 's'}`;
		return `needs at least ${when.minCpus} CPUs; measured on ${cpus}`;
	}
	if (when.gil !== undefined && env.gil_enabled !== when.gil) {
		return (
			`applies only with the GIL ${when.gil ? 'enabled' : 'disabled'}; ` +
			`measured with it ${env.gil_enabled ? 'enabled' : 'disabled'}`
		);
	}
	return null;
}

/** Short name of a claim, for test names. */
export function describeClaim(claim: Claim): string {
	switch (claim.kind) {
		case 'speedup':
			return `${claim.variant} speedup ${claim.op} ${claim.value} (${claim.because})`;
		case 'metric':
			return (
				`${claim.variant} ${claim.metric}${claim.of ? `/${claim.of}` : ''} ` +
				`${claim.op} ${claim.value} (${claim.because})`
			);
		case 'faster':
			return `${claim.variant} faster than ${claim.than} (${claim.because})`;
		case 'sweep-faster':
			return `${claim.variant}: ${claim.series} faster than ${claim.than} at the ${claim.at} x (${claim.because})`;
	}
}

// ------------------------------------------------------------------------------------------------
// 1. Does the file match the example?
// ------------------------------------------------------------------------------------------------

/** Stale if the example's scripts, roles, labels or measureArgs changed since it was measured. */
export function checkAgainstExample(
	m: Measurement,
	example: Pick<Example, 'slug' | 'baseline' | 'scripts'>,
): Finding[] {
	const rerun = `run npm run measure -- --example ${example.slug}`;
	const findings: Finding[] = [];
	const fail = (message: string) =>
		findings.push({ status: 'fail', message: `measurements/${example.slug}.json is stale: ${message}; ${rerun}` });
	if (m.example !== example.slug) fail(`it holds example "${m.example}"`);
	if (m.baseline !== example.baseline) fail(`its baseline is ${m.baseline}, example.json says ${example.baseline}`);
	for (const v of m.variants) {
		const script = example.scripts.find((s) => s.variant === v.variant);
		if (!script) {
			fail(`variant "${v.variant}" is no longer in examples/${example.slug}/example.json`);
			continue;
		}
		if (script.file !== v.script) fail(`variant "${v.variant}" now runs ${script.file}, not ${v.script}`);
		if (script.role !== v.role) fail(`variant "${v.variant}" now has role ${script.role}, not ${v.role}`);
		if (script.label !== v.label) fail(`variant "${v.variant}" is now labelled "${script.label}", not "${v.label}"`);
		if (JSON.stringify(script.measureArgs) !== JSON.stringify(v.args)) {
			fail(
				`variant "${v.variant}" now has measureArgs ${JSON.stringify(script.measureArgs)}, ` +
					`it was measured with ${JSON.stringify(v.args)}`,
			);
		}
	}
	for (const script of example.scripts) {
		if (script.role !== 'compare' && !m.variants.some((v) => v.variant === script.variant)) {
			fail(`variant "${script.variant}" (${script.file}) was never measured`);
		}
	}
	if (findings.length === 0)
		findings.push({ status: 'pass', message: `measurements/${example.slug}.json matches example.json` });
	return findings;
}

// ------------------------------------------------------------------------------------------------
// 2. Do the lessons' claims hold?
// ------------------------------------------------------------------------------------------------

/** Checks one claim against one measurement. */
/**
 * Leeway for a claim checked on one short quick run rather than on committed medians: speedup thresholds move by
 * this factor in the claim's favour, and "A faster than B" needs A to be no more than this much slower. The
 * committed files get no leeway; a quick run is one sample, and a few percent of noise must not fail a suite.
 */
export const FRESH_MARGIN = 1.2;

/** A threshold moved by `margin` in the claim's favour. */
function lenient(op: Comparison, value: number, margin: number): number {
	if (op === '>' || op === '>=') return value / margin;
	if (op === '<' || op === '<=') return value * margin;
	return value;
}

export function checkClaim(m: Measurement, claim: Claim, { margin = 1 }: { margin?: number } = {}): Finding {
	const name = describeClaim(claim);
	const leeway = margin === 1 ? '' : `, with the ${margin}× margin of a single quick run`;
	const skipped = unmetCondition(claim.when, m.environment);
	if (skipped) return { status: 'skip', message: `${name}: ${skipped}` };
	const missing = (variant: string): Finding => {
		const v = m.variants.find((x) => x.variant === variant);
		return v?.status === 'skipped'
			? { status: 'skip', message: `${name}: ${variant} was skipped (${v.skip_reason})` }
			: { status: 'fail', message: `${name}: the measurement of ${m.example} has no variant "${variant}"` };
	};
	const verdict = (ok: boolean, detail: string): Finding => ({
		status: ok ? 'pass' : 'fail',
		message: `${name}: ${detail}`,
	});

	switch (claim.kind) {
		case 'speedup': {
			if (!okVariant(m, claim.variant)) return missing(claim.variant);
			const speedup = comparableSpeedup(m, claim.variant);
			if (speedup === null)
				return { status: 'fail', message: `${name}: no speedup (baseline ${m.baseline} missing or skipped)` };
			const threshold = lenient(claim.op, claim.value, margin);
			return verdict(
				compare(speedup, claim.op, threshold),
				`measured ${formatSpeedup(speedup)} (${speedup.toFixed(3)})${leeway}`,
			);
		}
		case 'metric': {
			const v = okVariant(m, claim.variant);
			if (!v) return missing(claim.variant);
			const value = v.metrics[claim.metric];
			if (value === undefined)
				return { status: 'fail', message: `${name}: ${claim.variant} reports no metric "${claim.metric}"` };
			if (claim.of === undefined) return verdict(compare(value, claim.op, claim.value), `measured ${value}`);
			const whole = v.metrics[claim.of];
			if (!whole)
				return { status: 'fail', message: `${name}: ${claim.variant} reports no non-zero metric "${claim.of}"` };
			return verdict(compare(value / whole, claim.op, claim.value), `measured ${value} of ${whole}`);
		}
		case 'faster': {
			const a = okVariant(m, claim.variant);
			const b = okVariant(m, claim.than);
			if (!a) return missing(claim.variant);
			if (!b) return missing(claim.than);
			const [ca, cb] = [comparableCost(m, a), comparableCost(m, b)];
			const perTask = ca !== a.elapsed_s.median ? ' per task' : '';
			return verdict(
				margin === 1 ? ca < cb : ca <= cb * margin,
				`${claim.variant} ${formatSeconds(ca)}, ${claim.than} ${formatSeconds(cb)}${perTask}${leeway}`,
			);
		}
		case 'sweep-faster': {
			const v = okVariant(m, claim.variant);
			if (!v) return missing(claim.variant);
			const rows = v.rows ?? [];
			const xs = rows.map((r) => r.x).filter((x): x is number => typeof x === 'number');
			if (xs.length === 0) return { status: 'fail', message: `${name}: ${claim.variant} has no rows with a numeric x` };
			const x = claim.at === 'smallest' ? Math.min(...xs) : Math.max(...xs);
			const time = (series: string) => rows.find((r) => r.x === x && r.variant === series)?.elapsed_s;
			const [ta, tb] = [time(claim.series), time(claim.than)];
			if (typeof ta !== 'number' || typeof tb !== 'number') {
				return { status: 'fail', message: `${name}: no elapsed_s for ${claim.series} and ${claim.than} at x=${x}` };
			}
			return verdict(
				margin === 1 ? ta < tb : ta <= tb * margin,
				`at x=${x}: ${claim.series} ${formatSeconds(ta)}, ${claim.than} ${formatSeconds(tb)}${leeway}`,
			);
		}
	}
}

export function checkClaims(m: Measurement, claims: readonly Claim[] = STORY[m.example] ?? []): Finding[] {
	return claims.map((claim) => checkClaim(m, claim));
}

// ------------------------------------------------------------------------------------------------
// 3. Does a fresh run agree with the committed file?
// ------------------------------------------------------------------------------------------------

function sameKindOfMachine(a: Environment, b: Environment): boolean {
	const minor = (v: string) => v.split('.').slice(0, 2).join('.');
	return (
		a.os === b.os &&
		a.gil_enabled === b.gil_enabled &&
		a.cpu_count === b.cpu_count &&
		minor(a.python_version) === minor(b.python_version)
	);
}

/**
 * Compares a fresh (quick) measurement with the committed one. Fails when the same variants did not run, when two
 * variants far apart in the committed file (>= {@link LARGE_GAP}×) are no longer clearly apart in the same order
 * (>= {@link KEPT_GAP}×; examples with a baseline only), or when a big committed speedup is off by more than
 * {@link SPEEDUP_MARGIN} times.
 */
export function compareStory(committed: Measurement, fresh: Measurement): Finding[] {
	const findings: Finding[] = [];
	const pass = (message: string) => findings.push({ status: 'pass', message });
	const fail = (message: string) => findings.push({ status: 'fail', message });
	const comparable = (v: { role: string }) => v.role === 'variant' || v.role === 'sweep';
	const ids = (m: Measurement) =>
		m.variants
			.filter(comparable)
			.map((v) => v.variant)
			.sort();
	if (JSON.stringify(ids(committed)) !== JSON.stringify(ids(fresh))) {
		fail(`committed variants ${ids(committed).join(', ')} but the example now has ${ids(fresh).join(', ')}`);
	}
	const similar = sameKindOfMachine(committed.environment, fresh.environment);
	for (const c of committed.variants.filter(comparable)) {
		const f = fresh.variants.find((x) => x.variant === c.variant);
		if (!f || f.status === c.status) continue;
		const why = f.status === 'skipped' ? ` (${f.skip_reason})` : '';
		const message = `${c.variant} was ${c.status} when measured but is ${f.status} now${why}`;
		if (similar) fail(message);
		else findings.push({ status: 'skip', message: `${message}; the machines differ, so that may be expected` });
	}

	// Order: where the committed file says one variant is much slower, it must still be slower. Only for an example
	// with a baseline: without one it tells no speed story (race-conditions times microsecond demos of lost updates,
	// whose order the scheduler decides), and its claims say what it must show.
	const committedTimed = timed(committed);
	for (const slow of committed.baseline === null ? [] : committedTimed) {
		for (const quick of committedTimed) {
			const gap = comparableCost(committed, slow) / comparableCost(committed, quick);
			if (!(gap >= LARGE_GAP)) continue;
			const fs = okVariant(fresh, slow.variant);
			const fq = okVariant(fresh, quick.variant);
			if (!fs || !fq) continue;
			const freshGap = comparableCost(fresh, fs) / comparableCost(fresh, fq);
			const text =
				`${slow.variant} vs ${quick.variant}: ` + `committed ${gap.toFixed(2)}× slower, fresh ${freshGap.toFixed(2)}×`;
			if (freshGap >= KEPT_GAP) pass(`order kept: ${text}`);
			else fail(`order changed: ${text}; the committed numbers no longer tell what the examples do`);
		}
	}

	// Size: a big committed speedup must still be about as big (within a wide margin: quick runs do less work).
	for (const c of committedTimed) {
		const committedSpeedup = comparableSpeedup(committed, c.variant);
		const freshSpeedup = comparableSpeedup(fresh, c.variant);
		if (committedSpeedup === null || freshSpeedup === null || committedSpeedup < BIG_SPEEDUP) continue;
		const ratio = freshSpeedup / committedSpeedup;
		const text =
			`${c.variant} speedup: committed ${formatSpeedup(committedSpeedup)}, ` + `fresh ${formatSpeedup(freshSpeedup)}`;
		if (ratio >= 1 / SPEEDUP_MARGIN && ratio <= SPEEDUP_MARGIN) pass(`size kept: ${text}`);
		else fail(`size changed more than ${SPEEDUP_MARGIN}×: ${text}`);
	}
	if (findings.length === 0) pass('nothing to compare beyond the variant list');
	return findings;
}
