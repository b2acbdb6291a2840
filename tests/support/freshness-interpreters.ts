/**
 * What the lessons claim about the interpreter comparison (measurements/<interpreter>/), on top of each example's
 * STORY (freshness.ts), which applies to every interpreter through its GIL conditions:
 *  - claims that hold on one interpreter only (threads at least 1.4× as fast without the GIL, on 2 cores; on 3.13,
 *    threads_reuse.py beats threads.py, which pays for urlopen()'s start-up);
 *  - claims across interpreters: the same variant is slower or faster on one than on another (the free-threaded
 *    build's single-thread cost; threads faster with the GIL off than with `-X gil=1`).
 * Used by tests/integration/fresh-measurements.test.ts and tests/unit/committed-measurements.test.ts on the committed files, and on fresh quick runs where the interpreter
 * is installed.
 */
import type { Claim, Finding } from './freshness.ts';
import { formatSeconds } from '../../src/lib/measurements/format.ts';
import { type Measurement } from '../../src/lib/measurements/schema.ts';

/** Claims for one interpreter's figures, beyond STORY. */
export const INTERPRETER_CLAIMS: Record<string, Record<string, Claim[]>> = {
	'cpython-3.13': {
		'io-bound': [
			{
				kind: 'faster',
				variant: 'threads-reuse',
				than: 'threads',
				because: "since 3.12, threads that start together each build urlopen()'s opener; http.client builds none",
			},
		],
	},
	'cpython-3.13t': {
		'cpu-bound': [
			{
				kind: 'speedup',
				variant: 'threads',
				op: '>=',
				value: 1.4,
				when: { gil: false, minCpus: 2 },
				because: 'without the GIL, threads are at least 1.4× as fast on 2 cores',
			},
		],
	},
};

/** `variant` of `example` runs slower (or faster) on `interpreter` than on `than`. */
export interface CrossClaim {
	example: string;
	variant: string;
	interpreter: string;
	than: string;
	/** `slower`: a larger median on `interpreter`; `faster`: a smaller one. */
	is: 'slower' | 'faster';
	/** At least this ratio (slower/faster median), 1 meaning only the order counts. */
	by?: number;
	because: string;
}

export const CROSS_CLAIMS: readonly CrossClaim[] = [
	{
		example: 'cpu-bound',
		variant: 'sequential',
		interpreter: 'cpython-3.13t',
		than: 'cpython-3.13',
		is: 'slower',
		because: 'the free-threaded build costs single-thread speed',
	},
	{
		example: 'cpu-bound',
		variant: 'sequential',
		interpreter: 'cpython-3.13t-gil1',
		than: 'cpython-3.13',
		is: 'slower',
		because: 'a free-threaded build with the GIL forced on is slower than a default build',
	},
	{
		example: 'cpu-bound',
		variant: 'threads',
		interpreter: 'cpython-3.13t',
		than: 'cpython-3.13t-gil1',
		is: 'faster',
		by: 1.4,
		because: 'threads run in parallel only with the GIL off',
	},
	{
		example: 'cpu-bound',
		variant: 'threads',
		interpreter: 'cpython-3.13t',
		than: 'cpython-3.13',
		is: 'faster',
		by: 1.4,
		because: 'threads on the free-threaded build beat threads on the GIL build',
	},
];

export function describeCrossClaim(c: CrossClaim): string {
	return `${c.example} ${c.variant} is ${c.is} on ${c.interpreter} than on ${c.than}${c.by ? ` by ${c.by}×` : ''} (${c.because})`;
}

/** Checks a cross claim on two measurements of the same example. */
export function checkCrossClaim(claim: CrossClaim, on: Measurement, than: Measurement): Finding {
	const a = on.variants.find((v) => v.variant === claim.variant);
	const b = than.variants.find((v) => v.variant === claim.variant);
	if (a?.status !== 'ok' || b?.status !== 'ok') {
		return {
			status: 'fail',
			message: `${claim.variant} did not run on ${a?.status !== 'ok' ? claim.interpreter : claim.than}`,
		};
	}
	if (claim.by && (on.environment.cpu_count ?? 1) < 2) return { status: 'skip', message: 'needs at least 2 CPUs' };
	const [slow, fast] = claim.is === 'slower' ? [a, b] : [b, a];
	const ratio = slow.elapsed_s.median / fast.elapsed_s.median;
	const need = claim.by ?? 1;
	const numbers = `${formatSeconds(a.elapsed_s.median)} on ${claim.interpreter}, ${formatSeconds(b.elapsed_s.median)} on ${claim.than}`;
	return ratio > need || (claim.by !== undefined && ratio >= need)
		? { status: 'pass', message: `${describeCrossClaim(claim)}: ${numbers}` }
		: { status: 'fail', message: `not true any more: ${describeCrossClaim(claim)}: ${numbers}` };
}

/** Every claim for one interpreter's measurement of an example: STORY plus {@link INTERPRETER_CLAIMS}. */
export function interpreterClaims(interpreter: string, slug: string, story: Record<string, Claim[]>): Claim[] {
	return [...(story[slug] ?? []), ...(INTERPRETER_CLAIMS[interpreter]?.[slug] ?? [])];
}
