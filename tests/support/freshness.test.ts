import { describe, expect, it } from 'vitest';
import {
	IO_EXAMPLE,
	IO_SCRIPTS,
	clone,
	ioMeasurement,
	script,
	sweepMeasurement,
} from '../../src/lib/measurements/fixtures.ts';
import {
	checkAgainstExample,
	checkClaim,
	checkClaims,
	compareStory,
	comparableSpeedup,
	unmetCondition,
	type Claim,
} from './freshness.ts';
import { parseMeasurement } from '../../src/lib/measurements/load.ts';
import { roundSig, speedupOf } from '../../src/lib/measurements/numbers.ts';
import { type Measurement } from '../../src/lib/measurements/schema.ts';

const claims: Claim[] = [
	{ kind: 'speedup', variant: 'threads', op: '>=', value: 3, because: 'threads overlap the waits' },
	{ kind: 'faster', variant: 'asyncio', than: 'sequential', because: 'asyncio overlaps the waits' },
	{ kind: 'metric', variant: 'threads', metric: 'bytes', op: '==', value: 800, because: 'every byte arrives' },
];

const failures = (findings: { status: string; message: string }[]) =>
	findings.filter((f) => f.status === 'fail').map((f) => f.message);

/**
 * A committed file edited by hand to claim threads were slower than sequential, consistently enough
 * (runs, median, min, max and speedup all changed) to pass the schema.
 */
function editedToClaimThreadsAreSlower(): Measurement {
	const m = clone(ioMeasurement());
	const threads = m.variants[1]!;
	const sequential = m.variants[0]!;
	if (threads.status !== 'ok' || sequential.status !== 'ok') throw new Error('fixture');
	threads.elapsed_s = { median: 2, min: 1.9, max: 2.1, runs: [1.9, 2, 2.1] };
	threads.speedup = speedupOf(sequential.elapsed_s.median, 2);
	return parseMeasurement(m, 'edited fixture'); // the schema alone cannot tell
}

describe('checkClaims', () => {
	it('passes an honest measurement', () => {
		expect(failures(checkClaims(ioMeasurement(), claims))).toEqual([]);
	});

	it('catches a measurement edited to claim threads are slower', () => {
		expect(failures(checkClaims(editedToClaimThreadsAreSlower(), claims))).toEqual([
			'threads speedup >= 3 (threads overlap the waits): measured 0.41× (0.405)',
		]);
	});

	it('gives a single quick run a margin, and says so', () => {
		const edited = editedToClaimThreadsAreSlower();
		const claim: Claim = { kind: 'speedup', variant: 'threads', op: '<=', value: 0.35, because: 'x' };
		expect(checkClaim(edited, claim).status).toBe('fail'); // measured 0.405
		expect(checkClaim(edited, claim, { margin: 1.2 })).toEqual({
			status: 'pass',
			message: 'threads speedup <= 0.35 (x): measured 0.41× (0.405), with the 1.2× margin of a single quick run',
		});
		expect(checkClaim(edited, { ...claim, op: '>=', value: 0.5 }, { margin: 1.2 }).status).toBe('fail'); // 0.405 < 0.417
	});

	it('skips a claim that does not apply on this machine, and says why', () => {
		const one = clone(ioMeasurement());
		one.environment.cpu_count = 1;
		const finding = checkClaim(one, { ...claims[0]!, when: { minCpus: 2 } } as Claim);
		expect(finding).toEqual({
			status: 'skip',
			message: 'threads speedup >= 3 (threads overlap the waits): needs at least 2 CPUs; measured on 1 CPU',
		});
		expect(unmetCondition({ gil: false }, one.environment)).toBe(
			'applies only with the GIL disabled; measured with it enabled',
		);
	});

	it('skips a claim about a variant that was skipped, and fails one about a variant that does not exist', () => {
		const m = ioMeasurement();
		expect(checkClaim(m, { kind: 'speedup', variant: 'free-threads', op: '>', value: 1, because: 'x' }).status).toBe(
			'skip',
		);
		expect(checkClaim(m, { kind: 'speedup', variant: 'gone', op: '>', value: 1, because: 'x' })).toMatchObject({
			status: 'fail',
			message: expect.stringMatching(/no variant "gone"/),
		});
	});

	it('checks a metric as a share of another metric', () => {
		const m = clone(ioMeasurement());
		const threads = m.variants[1]!;
		if (threads.status !== 'ok') throw new Error('fixture');
		threads.metrics = { expected: 800, lost_updates: 200 };
		const share: Claim = {
			kind: 'metric',
			variant: 'threads',
			metric: 'lost_updates',
			of: 'expected',
			op: '>=',
			value: 0.05,
			because: 'a large share',
		};
		expect(checkClaim(m, share)).toMatchObject({
			status: 'pass',
			message: expect.stringContaining('lost_updates/expected >= 0.05'),
		});
		expect(checkClaim(m, { ...share, op: '<=', value: 0.01 })).toMatchObject({
			status: 'fail',
			message: expect.stringContaining('measured 200 of 800'),
		});
		expect(checkClaim(m, { ...share, of: 'bytes' })).toMatchObject({
			status: 'fail',
			message: expect.stringMatching(/no non-zero metric "bytes"/),
		});
	});

	it('checks which series wins at each end of a sweep', () => {
		const m = sweepMeasurement();
		const small: Claim = {
			kind: 'sweep-faster',
			variant: 'sweep',
			at: 'smallest',
			series: 'loop',
			than: 'process-pool',
			because: 'overhead',
		};
		const large: Claim = {
			kind: 'sweep-faster',
			variant: 'sweep',
			at: 'largest',
			series: 'process-pool',
			than: 'loop',
			because: 'parallel',
		};
		expect(checkClaim(m, small).status).toBe('pass');
		expect(checkClaim(m, large)).toMatchObject({
			status: 'pass',
			message: expect.stringContaining('at x=100000: process-pool 60.0 ms, loop 100 ms'),
		});
		expect(checkClaim(m, { ...small, at: 'largest' }).status).toBe('fail');
		expect(checkClaim(m, { ...small, at: 'largest' }, { margin: 1.2 }).status).toBe('fail'); // 100 ms vs 60 ms: too far
	});
});

describe('compareStory', () => {
	it('passes when a fresh run tells the same story', () => {
		const fresh = ioMeasurement({
			sequential: [0.9, 0.85, 0.88],
			threads: [0.13, 0.12, 0.125],
			asyncio: [0.12, 0.121, 0.119],
		});
		expect(failures(compareStory(ioMeasurement(), fresh))).toEqual([]);
	});

	it('fails when the committed file says threads are slower but a fresh run says otherwise', () => {
		const found = failures(compareStory(editedToClaimThreadsAreSlower(), ioMeasurement()));
		expect(found).toContain(
			'order changed: threads vs sequential: committed 2.47× slower, fresh ' +
				'0.13×; the committed numbers no longer tell what the examples do',
		);
		// A near tie is not the same order either: asyncio and threads are far apart in the edited file.
		expect(found).toContain(
			'order changed: threads vs asyncio: committed 19.42× slower, fresh ' +
				'1.02×; the committed numbers no longer tell what the examples do',
		);
	});

	it('leaves the order of variants alone when the example has no baseline (it tells no speed story)', () => {
		const noBaseline = (m: Measurement): Measurement => {
			const copy = clone(m);
			copy.baseline = null;
			for (const v of copy.variants) if (v.status === 'ok') v.speedup = null;
			return copy;
		};
		const found = failures(compareStory(noBaseline(editedToClaimThreadsAreSlower()), noBaseline(ioMeasurement())));
		expect(found.filter((f) => f.startsWith('order changed'))).toEqual([]);
	});

	it('fails when a big speedup is off by more than the margin', () => {
		const inflated = clone(ioMeasurement());
		const sequential = inflated.variants[0]!;
		if (sequential.status !== 'ok') throw new Error('fixture');
		sequential.elapsed_s = { median: 8.1, min: 8, max: 8.2, runs: [8.2, 8, 8.1] };
		for (const v of inflated.variants) if (v.status === 'ok') v.speedup = speedupOf(8.1, v.elapsed_s.median);
		const found = failures(compareStory(parseMeasurement(inflated, 'inflated'), ioMeasurement()));
		expect(found).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^size changed more than 4×: threads speedup: committed 77×, fresh 7\.7×$/),
			]),
		);
	});

	it('fails when a variant now runs that was skipped (or the other way round) on the same kind of machine', () => {
		const fresh = clone(ioMeasurement());
		fresh.variants[2] = {
			variant: 'asyncio',
			script: 'asyncio.py',
			label: 'Asyncio label',
			role: 'variant',
			args: ['--items', '8'],
			parameters: { items: 8 },
			status: 'skipped',
			skip_reason: 'no event loop',
		};
		expect(failures(compareStory(ioMeasurement(), fresh))).toEqual([
			'asyncio was ok when measured but is skipped now (no event loop)',
		]);
		const elsewhere = clone(fresh);
		elsewhere.environment.cpu_count = 16;
		expect(failures(compareStory(ioMeasurement(), elsewhere))).toEqual([]);
	});

	it('compares per task when quick runs give variants different amounts of work', () => {
		const m = clone(ioMeasurement());
		const threads = m.variants[1]!;
		if (threads.status !== 'ok') throw new Error('fixture');
		threads.task_count = 16; // twice the work in the same time: twice the speedup per task
		expect(roundSig(comparableSpeedup(m, 'threads')!, 3)).toBe(15.4);
	});
});

describe('checkAgainstExample', () => {
	it('passes a file that matches example.json', () => {
		expect(failures(checkAgainstExample(ioMeasurement(), IO_EXAMPLE))).toEqual([]);
	});

	it('flags a stale file: changed arguments, a removed variant, a new one never measured', () => {
		const example = {
			...IO_EXAMPLE,
			scripts: [
				{ ...IO_SCRIPTS[0]!, measureArgs: ['--items', '40'] },
				IO_SCRIPTS[1]!,
				IO_SCRIPTS[3]!,
				script('processes'),
				script('compare', { role: 'compare' as const }), // compare scripts are not measured by default
			],
		};
		expect(failures(checkAgainstExample(ioMeasurement(), example))).toEqual([
			'measurements/io-demo.json is stale: variant "sequential" now has measureArgs ["--items","40"], ' +
				'it was measured with ["--items","8"]; run npm run measure -- --example io-demo',
			'measurements/io-demo.json is stale: variant "asyncio" is no longer in ' +
				'examples/io-demo/example.json; run npm run measure -- --example io-demo',
			'measurements/io-demo.json is stale: variant "processes" (processes.py) ' +
				'was never measured; run npm run measure -- --example io-demo',
		]);
	});
});
