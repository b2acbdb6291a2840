/**
 * Are the committed measurements still true?
 *
 *  - every file in measurements/ is valid, belongs to an example that exists and matches its example.json
 *    (same variants, labels and measureArgs), and every example has one;
 *  - the lessons' claims (src/lib/freshness.ts STORY) hold for the committed numbers, so a hand-edited file fails;
 *  - each example, rerun now with its quickArgs (one run per script), tells the same story: same variants run,
 *    same order where the committed gap is large, big speedups within a wide margin, and the claims still hold.
 *
 * Timing checks on a shared machine can be unlucky: a failing fresh check measures again once before failing.
 * When this fails, the message says what changed; if the examples changed on purpose, run `npm run measure`.
 */
import { describe, expect, it } from 'vitest';
import { findPython } from '../../scripts/lib/run.ts';
import { listExampleSlugs, loadExample } from './examples.ts';
import { checkAgainstExample, checkClaim, compareStory, describeClaim, STORY, type Finding } from './freshness.ts';
import { measureExample, parallelCapacity } from './measure.ts';
import { listMeasurementSlugs, loadMeasurement, measureCommand, measurementPath, type Measurement } from './measurements.ts';

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

/** One quick run of every variant and sweep script of an example, remade on demand. */
function freshRuns(slug: string) {
	let current: Promise<Measurement> | undefined;
	const measure = () =>
		measureExample(loadExample(slug), {
			python: python!,
			repeats: 1,
			args: 'quickArgs',
			roles: ['variant', 'sweep'],
			command: 'freshness test (quickArgs)',
			timeoutMs: 60_000,
		});
	return {
		get: () => (current ??= measure()),
		/** Measure again (a busy machine can make one run misleading). */
		again: () => (current = measure()),
	};
}

/**
 * Runs a check on the fresh numbers; if it fails, measures once more and checks again. If it still fails and the
 * machine cannot run CPU-bound work in parallel right now (other programs are using the cores), timing failures
 * become skips that say so: they would say more about the machine's load than about the examples.
 */
async function checkFresh(
	runs: ReturnType<typeof freshRuns>,
	check: (fresh: Measurement) => Finding[],
	needsParallelism: (fresh: Measurement) => boolean,
): Promise<Finding[]> {
	const first = check(await runs.get());
	if (failures(first).length === 0) return first;
	const fresh = await runs.again();
	const second = check(fresh);
	if (failures(second).length === 0 || !needsParallelism(fresh)) return second;
	const cpus = fresh.environment.cpu_count ?? 1;
	const capacity = await parallelCapacity(python!, Math.min(cpus, 4));
	if (capacity >= Math.min(cpus, 4) - 0.5) return second;
	const busy = `${BUSY}: it ran ${capacity.toFixed(1)} CPU-bound processes' worth of work at once on ${cpus} CPUs, so parallel timings cannot be checked now`;
	return second.map((f) => (f.status === 'fail' ? { status: 'skip', message: `${f.message} (${busy})` } : f));
}

const BUSY = 'the machine is busy';

/** Timing stories that depend on free cores: the example has a process pool, or threads without a GIL. */
const parallelStory = (fresh: Measurement) =>
	(fresh.environment.cpu_count ?? 1) > 1 && fresh.variants.some((v) => /process|free-thread/.test(v.variant) || (v.variant.includes('thread') && !fresh.environment.gil_enabled));

describe.skipIf(python === null)(`fresh quick runs tell the same story${noPython ? ` (skipped: ${noPython})` : ''}`, () => {
	for (const slug of measured.filter((s) => examples.includes(s))) {
		describe(slug, () => {
			const runs = freshRuns(slug);
			it('agrees with the committed measurement', async (context) => {
				const findings = await checkFresh(runs, (fresh) => compareStory(loadMeasurement(slug), fresh), parallelStory);
				const busy = findings.filter((f) => f.status === 'skip' && f.message.includes(BUSY)).map((f) => f.message);
				if (busy.length > 0) context.skip(busy.join('; '));
				expect(failures(findings), `if the example changed on purpose, run ${measureCommand(slug)}`).toEqual([]);
			});
			for (const claim of STORY[slug] ?? []) {
				it(`still: ${describeClaim(claim)}`, async (context) => {
					const [finding] = await checkFresh(runs, (fresh) => [checkClaim(fresh, claim)], () => claim.when?.minCpus !== undefined);
					if (finding!.status === 'skip') context.skip(finding!.message);
					expect(finding!.status, finding!.message).toBe('pass');
				});
			}
		});
	}
});
