/**
 * The committed measurements, as files: every file in measurements/ is valid, belongs to an example that exists and
 * matches its example.json (same variants, labels and measureArgs), every example has one, and the lessons' claims
 * (tests/support/freshness.ts STORY) hold for the committed numbers, so a hand-edited file fails. The same for the
 * other interpreters' files. (Whether a fresh run still agrees: tests/integration/fresh-measurements.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { checkComparable } from '../../src/lib/charts/interpreter-chart.ts';
import { listExampleSlugs, loadExample } from '../../src/lib/examples/metadata.ts';
import { INTERPRETER_COMPARISON } from '../../src/lib/measurements/interpreters.ts';
import {
	findOkVariant,
	interpreterMeasureCommand,
	listInterpreters,
	listMeasurementSlugs,
	loadInterpreterMeasurement,
	loadMeasurement,
	measureCommand,
	measurementPath,
} from '../../src/lib/measurements/load.ts';
import { type Measurement } from '../../src/lib/measurements/schema.ts';
import {
	checkCrossClaim,
	CROSS_CLAIMS,
	describeCrossClaim,
	interpreterClaims,
} from '../support/freshness-interpreters.ts';
import { checkAgainstExample, checkClaim, describeClaim, STORY, type Finding } from '../support/freshness.ts';

const examples = listExampleSlugs();
const measured = listMeasurementSlugs();
const failures = (findings: Finding[]) => findings.filter((f) => f.status === 'fail').map((f) => f.message);

describe('committed measurements', () => {
	it('every file in measurements/ belongs to an example that exists', () => {
		const orphans = measured.filter((slug) => !examples.includes(slug));
		expect(
			orphans.map(
				(slug) =>
					`${measurementPath(slug)}: no example "${slug}" in examples/ (delete the file or restore the example)`,
			),
		).toEqual([]);
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

// Other interpreters' figures: measurements/<interpreter>/<slug>.json (npm run measure:interpreters)
describe('committed interpreter comparison', () => {
	it('has a folder for each compared interpreter and no other', () => {
		expect(listInterpreters()).toEqual(INTERPRETER_COMPARISON.map((e) => e.interpreter).sort());
	});
	for (const { interpreter, examples: slugs } of INTERPRETER_COMPARISON) {
		for (const slug of slugs) {
			describe(`${interpreter}/${slug}`, () => {
				it('is valid, says which interpreter it comes from, and matches example.json', () => {
					const m = loadInterpreterMeasurement(slug, interpreter);
					expect(
						failures(checkAgainstExample(m, loadExample(slug))),
						`run ${interpreterMeasureCommand(slug, interpreter)}`,
					).toEqual([]);
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
			const items = INTERPRETER_COMPARISON.filter((e) => e.examples.includes(slug)).map((e) => ({
				interpreter: e.interpreter,
				measurement: loadInterpreterMeasurement(slug, e.interpreter),
			}));
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
			const finding = checkCrossClaim(
				claim,
				loadInterpreterMeasurement(claim.example, claim.interpreter),
				loadInterpreterMeasurement(claim.example, claim.than),
			);
			if (finding.status === 'skip') context.skip(finding.message);
			expect(finding.status, finding.message).toBe('pass');
		});
	}
});
