/**
 * Are the committed measurements still true?
 *
 *  - every file in measurements/ is valid, belongs to an example that exists and matches its example.json
 *    (same variants, labels and measureArgs), and every example has one;
 *  - the lessons' claims (src/lib/freshness.ts STORY) hold for the committed numbers, so a hand-edited file fails;
 *  - each example, rerun now with its quickArgs (one run per script), tells the same story: same variants run,
 *    same order where the committed gap is large, big speedups within a wide margin, and the claims still hold.
 *
 * Timing checks on a shared machine can be unlucky: a failing fresh check measures again once before failing, and a
 * timing failure while other programs were using the CPUs is reported as skipped, with the reason.
 * When this fails, the message says what changed; if the examples changed on purpose, run `npm run measure`.
 */
import { describe, expect, it } from 'vitest';
import { discover } from '../../scripts/lib/pythons.ts';
import { findPython } from '../../scripts/lib/run.ts';
import { checkComparable } from './charts/interpreter-chart.ts';
import { checkCrossClaim, CROSS_CLAIMS, describeCrossClaim, interpreterClaims } from './freshness-interpreters.ts';
import { INTERPRETER_COMPARISON } from './measurements/interpreters.ts';
import { listExampleSlugs, loadExample } from './examples/metadata.ts';
import { checkAgainstExample, checkClaim, compareStory, describeClaim, FRESH_MARGIN, STORY, type Claim, type Finding } from './freshness.ts';
import { measureExample, parallelCapacity } from './measure.ts';
import { findOkVariant, interpreterMeasureCommand, listInterpreters, listMeasurementSlugs, loadInterpreterMeasurement, loadMeasurement, measureCommand, measurementPath } from './measurements/load.ts';
import type { Measurement } from './measurements/schema.ts';

const examples = listExampleSlugs();
const measured = listMeasurementSlugs();
const failures = (findings: Finding[]) => findings.filter((f) => f.status === 'fail').map((f) => f.message);

describe('committed measurements', () => {
	it('every file in measurements/ belongs to an example that exists', () => {
		const orphans = measured.filter((slug) => !examples.includes(slug));
		expect(orphans.map((slug) => `${measurementPath(slug)}: no example "${slug}" in examples/ (delete the file or restore the example)`)).toEqual([]);
	});

	it('every example has a measurement', () => {
		const missing = examples.filter((slug) => !measured.includes(slug));
		expect(missing.map((slug) => `no measurement for example ${slug}: run ${measureCommand(slug)}`)).toEqual([]);
	});

	it('every claim is about an example that exists', () => {
		expect(Object.keys(STORY).filter((slug) => !examples.includes(slug))).toEqual([]);
	});

	for (const slug of measured.filter((s) => examples.includes(s))) {
		describe(slug, () => {
			it('is valid and matches example.json', () => {
				expect(failures(checkAgainstExample(loadMeasurement(slug), loadExample(slug)))).toEqual([]);
			});
			for (const claim of STORY[slug] ?? []) {
				it(`says: ${describeClaim(claim)}`, (context) => {
					const finding = checkClaim(loadMeasurement(slug), claim);
					if (finding.status === 'skip') context.skip(finding.message);
					expect(finding.status, finding.message).toBe('pass');
				});
			}
		});
	}
});

let python: string | null = null;
let noPython = '';
try {
	python = findPython();
} catch (error) {
	noPython = (error as Error).message;
}

/** Other programs' running threads, on average during a run, from which timing failures are not trusted. */
const BUSY_OTHERS = 0.5;

/**
 * One quick run of every variant and sweep script of an example, remade on demand. Records how busy other programs
 * kept the CPUs during the runs (Linux; null elsewhere).
 */
function freshRuns(slug: string, interpreter?: { python: string; pythonArgs: string[] }) {
	let current: Promise<{ measurement: Measurement; othersRunning: number | null }> | undefined;
	const measure = async () => {
		const seen: { othersRunning: number | null } = { othersRunning: null };
		const measurement = await measureExample(loadExample(slug), {
			python: interpreter?.python ?? python!,
			pythonArgs: interpreter?.pythonArgs,
			repeats: 1,
			args: 'quickArgs',
			roles: ['variant', 'sweep'],
			command: 'freshness test (quickArgs)',
			timeoutMs: 60_000,
			acceptRun: async ({ contention }) => {
				if (contention) seen.othersRunning = Math.max(seen.othersRunning ?? 0, contention.othersRunning);
				return true;
			},
		});
		return { measurement, othersRunning: seen.othersRunning };
	};
	return {
		get: () => (current ??= measure()),
		/** Measure again (a busy machine can make one run misleading). */
		again: () => (current = measure()),
	};
}

const BUSY = 'the machine was busy';

/**
 * Runs a check on the fresh numbers; if it fails, measures once more and checks again. If timing checks still fail
 * while other programs were using the CPUs (watched on Linux; elsewhere, N CPU-bound processes must do N times the
 * work of one), those failures become skips that say so: they would say more about the machine than the examples.
 */
async function checkFresh(
	runs: ReturnType<typeof freshRuns>,
	check: (fresh: Measurement) => Finding[],
	isTiming: (finding: Finding) => boolean,
): Promise<Finding[]> {
	const first = check((await runs.get()).measurement);
	if (failures(first).length === 0) return first;
	const { measurement: fresh, othersRunning } = await runs.again();
	const second = check(fresh);
	if (!second.some((f) => f.status === 'fail' && isTiming(f))) return second;
	let busy: string | null = null;
	if (othersRunning !== null) {
		if (othersRunning > BUSY_OTHERS) busy = `${BUSY}: other programs kept up to ${othersRunning.toFixed(1)} CPUs busy during the runs`;
	} else {
		const cpus = Math.min(fresh.environment.cpu_count ?? 1, 4);
		const capacity = await parallelCapacity(python!, cpus);
		if (capacity < cpus - 0.5) busy = `${BUSY}: ${cpus} CPU-bound processes did only ${capacity.toFixed(1)}× the work of one`;
	}
	if (!busy) return second;
	return second.map((f) => (f.status === 'fail' && isTiming(f) ? { status: 'skip', message: `${f.message} (${busy}; timings cannot be checked now)` } : f));
}

/**
 * Claims a busy machine can make fail: timings, and what threads do without the GIL (a plain `+=` loses updates
 * only while the threads really run at the same moment, which other programs on the CPUs can prevent).
 */
const dependsOnTheMachine = (claim: Claim) => claim.kind !== 'metric' || claim.when?.gil === false;

/** compareStory findings about timings (not about which variants exist or ran). */
const timingFinding = (f: Finding) => /^(order|size) changed/.test(f.message);

describe.skipIf(python === null)(`fresh quick runs tell the same story${noPython ? ` (skipped: ${noPython})` : ''}`, () => {
	for (const slug of measured.filter((s) => examples.includes(s))) {
		describe(slug, () => {
			const runs = freshRuns(slug);
			it('agrees with the committed measurement', async (context) => {
				const findings = await checkFresh(runs, (fresh) => compareStory(loadMeasurement(slug), fresh), timingFinding);
				const busy = findings.filter((f) => f.status === 'skip' && f.message.includes(BUSY)).map((f) => f.message);
				if (busy.length > 0) context.skip(busy.join('; '));
				expect(failures(findings), `if the example changed on purpose, run ${measureCommand(slug)}`).toEqual([]);
			});
			for (const claim of STORY[slug] ?? []) {
				it(`still: ${describeClaim(claim)}`, async (context) => {
					const [finding] = await checkFresh(runs, (fresh) => [checkClaim(fresh, claim, { margin: FRESH_MARGIN })], () => dependsOnTheMachine(claim));
					if (finding!.status === 'skip') context.skip(finding!.message);
					expect(finding!.status, finding!.message).toBe('pass');
				});
			}
		});
	}
});

// ------------------------------------------------------------------------------------------------
// Other interpreters' figures: measurements/<interpreter>/<slug>.json (npm run measure:interpreters)
// ------------------------------------------------------------------------------------------------

describe('committed interpreter comparison', () => {
	it('has a folder for each compared interpreter and no other', () => {
		expect(listInterpreters()).toEqual(INTERPRETER_COMPARISON.map((e) => e.interpreter).sort());
	});
	for (const { interpreter, examples: slugs } of INTERPRETER_COMPARISON) {
		for (const slug of slugs) {
			describe(`${interpreter}/${slug}`, () => {
				it('is valid, says which interpreter it comes from, and matches example.json', () => {
					const m = loadInterpreterMeasurement(slug, interpreter);
					expect(failures(checkAgainstExample(m, loadExample(slug))), `run ${interpreterMeasureCommand(slug, interpreter)}`).toEqual([]);
				});
				for (const claim of interpreterClaims(interpreter, slug, STORY)) {
					it(`says: ${describeClaim(claim)}`, (context) => {
						const finding = checkClaim(loadInterpreterMeasurement(slug, interpreter), claim);
						if (finding.status === 'skip') context.skip(finding.message);
						expect(finding.status, finding.message).toBe('pass');
					});
				}
			});
		}
	}
	const slugsOnAll = [...new Set(INTERPRETER_COMPARISON.flatMap((e) => e.examples))];
	for (const slug of slugsOnAll) {
		it(`${slug}: every interpreter measured on one machine with the same arguments`, () => {
			const items = INTERPRETER_COMPARISON.filter((e) => e.examples.includes(slug)).map((e) => ({ interpreter: e.interpreter, measurement: loadInterpreterMeasurement(slug, e.interpreter) }));
			expect(() => checkComparable(items)).not.toThrow();
		});
	}
	// The threading lesson says threads on the newer interpreters are below the default measurement's speedup
	// (urlopen()'s start-up cost since 3.12); a remeasurement that changes that must change the sentence too.
	it('io-bound: threads have a lower speedup on cpython-3.13 and cpython-3.13t than on the default measurement', () => {
		const speedup = (m: Measurement) => findOkVariant(m, 'threads').speedup ?? Number.NaN;
		const base = speedup(loadMeasurement('io-bound'));
		for (const interpreter of ['cpython-3.13', 'cpython-3.13t']) {
			expect(speedup(loadInterpreterMeasurement('io-bound', interpreter)), interpreter).toBeLessThan(base);
		}
	});
	for (const claim of CROSS_CLAIMS) {
		it(`says: ${describeCrossClaim(claim)}`, (context) => {
			const finding = checkCrossClaim(claim, loadInterpreterMeasurement(claim.example, claim.interpreter), loadInterpreterMeasurement(claim.example, claim.than));
			if (finding.status === 'skip') context.skip(finding.message);
			expect(finding.status, finding.message).toBe('pass');
		});
	}
});

// The free-threaded figures are checked against a quick run on a free-threaded build, where one is installed
// (CI provides CPython 3.13t: .ci/run). Elsewhere these tests are skipped, and say why.
const FREE_THREADED = 'cpython-3.13t';
const freeThreaded = python === null ? undefined : (await discover()).pythons.find((p) => p.id === FREE_THREADED);
const noFreeThreaded = freeThreaded
	? ''
	: `no ${FREE_THREADED} here (npm run pythons lists the interpreters; npm run pythons -- --provide free-threaded builds it)`;

describe.skipIf(!freeThreaded)(`fresh quick runs on ${FREE_THREADED} tell the same story${noFreeThreaded ? ` (skipped: ${noFreeThreaded})` : ''}`, () => {
	const entry = INTERPRETER_COMPARISON.find((e) => e.interpreter === FREE_THREADED)!;
	for (const slug of entry.examples.filter((s) => s !== 'io-bound')) {
		describe(slug, () => {
			const runs = freshRuns(slug, { python: freeThreaded!.path, pythonArgs: [] });
			it('agrees with the committed measurement', async (context) => {
				const findings = await checkFresh(runs, (fresh) => compareStory(loadInterpreterMeasurement(slug, FREE_THREADED), fresh), timingFinding);
				const busy = findings.filter((f) => f.status === 'skip' && f.message.includes(BUSY)).map((f) => f.message);
				if (busy.length > 0) context.skip(busy.join('; '));
				expect(failures(findings), `if the example changed on purpose, run ${interpreterMeasureCommand(slug, FREE_THREADED)}`).toEqual([]);
			});
			it('really ran with the GIL disabled', async () => {
				const { measurement } = await runs.get();
				expect(measurement.environment).toMatchObject({ free_threaded_build: true, gil_enabled: false });
			});
			for (const claim of interpreterClaims(FREE_THREADED, slug, STORY)) {
				it(`still: ${describeClaim(claim)}`, async (context) => {
					const [finding] = await checkFresh(runs, (fresh) => [checkClaim(fresh, claim, { margin: FRESH_MARGIN })], () => dependsOnTheMachine(claim));
					if (finding!.status === 'skip') context.skip(finding!.message);
					expect(finding!.status, finding!.message).toBe('pass');
				});
			}
		});
	}
});
