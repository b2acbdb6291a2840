/**
 * The test runner on a newcomer's machine: with no free-threaded CPython (the one the project builds hidden, as on a
 * fresh clone), every integration test file still collects, and the free-threaded runs are one skip that says why.
 * CI has the build, so without this test a file that needs it at collection time would pass there and break a
 * newcomer's `npm test` (issue 18: measurements-fresh.test.ts read `freeThreaded!.path` while being collected).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths.ts';
import { discover, realDiscoveryEnv } from '../../scripts/lib/pythons.ts';
import { run } from '../../scripts/lib/run.ts';
import { FREE_THREADED } from '../support/interpreters.ts';

const emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'no-cpython-cache-'));
afterAll(() => fs.rmSync(emptyCache, { recursive: true, force: true }));

/** This environment without the free-threaded builds: an empty cache folder, and PATH without the folders holding one. */
async function withoutFreeThreaded(): Promise<{ env: NodeJS.ProcessEnv; left: string[] }> {
	const { pythons } = await discover();
	const onPath = new Set(
		pythons.filter((p) => p.freeThreadedBuild && p.origin === 'PATH').map((p) => path.dirname(p.path)),
	);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		XDG_CACHE_HOME: emptyCache,
		SPEED_UP_PYTHON_CACHE: '',
		PYTHONS: '',
		PATH: (process.env.PATH ?? '')
			.split(path.delimiter)
			.filter((dir) => !onPath.has(dir))
			.join(path.delimiter),
	};
	const found = await discover({ ...realDiscoveryEnv, env });
	return { env, left: found.pythons.filter((p) => p.freeThreadedBuild).map((p) => `${p.path} (${p.origin})`) };
}

interface Report {
	numFailedTestSuites: number;
	testResults: {
		name: string;
		status: string;
		message: string;
		assertionResults: { fullName: string; status: string }[];
	}[];
}

it(`collects every integration test without ${FREE_THREADED}, and says what it skips`, async (context) => {
	const { env, left } = await withoutFreeThreaded();
	if (left.length > 0) context.skip(`cannot hide the free-threaded builds ${left.join(', ')} from this test`);
	// Every file is collected; of the tests, only the free-threaded ones run (-t), so this takes seconds.
	const out = path.join(emptyCache, 'report.json');
	const args = [
		'vitest',
		'run',
		'--project',
		'integration',
		'-t',
		`on ${FREE_THREADED}`,
		'--reporter=json',
		`--outputFile.json=${out}`,
	];
	const { code, output } = await run('npx', args, {
		cwd: REPO_ROOT,
		env,
		capture: true,
		quiet: true,
		timeoutMs: 90_000,
	});
	const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
	const broken = report.testResults
		.filter((file) => file.status === 'failed')
		.map((file) => `${path.relative(REPO_ROOT, file.name)}: ${file.message}`);
	expect(broken).toEqual([]);
	expect(code, output.slice(-3000)).toBe(0);
	const files = report.testResults.map((file) => path.relative(REPO_ROOT, file.name)).sort();
	const expected = fs
		.readdirSync(path.join(REPO_ROOT, 'tests', 'integration'))
		.filter((f) => f.endsWith('.test.ts'))
		.map((f) => `tests/integration/${f}`);
	expect(files).toEqual(expected.sort());
	const freeThreaded = report.testResults
		.flatMap((file) => file.assertionResults)
		.filter((t) => t.fullName.includes(`on ${FREE_THREADED}`));
	expect(freeThreaded.map((t) => t.status)).toEqual(['skipped']);
	expect(freeThreaded[0]!.fullName).toMatch(`skipped: no ${FREE_THREADED} here (npm run pythons`);
});
