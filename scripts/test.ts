/**
 * `npm test`: the whole test suite, in layers (vitest.config.ts names the two Vitest ones).
 *   1. unit (Vitest): pure tests of src/, scripts/ and the test oracles; no processes, no network, no build. Seconds.
 *   2. what times CPU work, alone, one thing at a time: the Python examples' timed modules (stdlib unittest) under
 *      every CPython 3.11+ found (npm run pythons), then the integration tests that re-measure the examples
 *      (tests/integration/fresh-measurements.test.ts)
 *   3. side by side, the work no timing depends on: the rest of the Python suite (mostly waiting on timeouts and
 *      child processes), the rest of the integration tests (zips, a clone and StackBlitz projects run as a learner
 *      would), the type checks of the site (astro check) and of the Python (pyright), the format check (prettier
 *      --check .), and the two static builds of the site (root and sub-path) with their course PDFs (npm run pdf)
 *   4. e2e: the browser tests against both builds (Playwright in Chromium)
 * Every suite runs even if an earlier one failed, then the summary names the failed tests and one closing line
 * sums them up. Output of work that runs side by side is printed whole when it ends, so lines never interleave.
 * Usage: npm test [-- --only unit,integration,python,types,format,pyright,e2e]
 *   (npm test -- --only unit: the fast loop)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/lib/paths.ts';
import { SITE_BUILDS, type SiteBuild } from '../tests/support/site-builds.ts';
import { ensureBrowser } from './ensure-browser.ts';
import {
	add,
	closingLine,
	NAMED_FAILURES,
	parsePlaywrightJson,
	parsePyrightJson,
	parseUnittest,
	parseVitestJson,
	playwrightFailures,
	type PyrightReport,
	unittestFailures,
	vitestFailures,
	vitestSkips,
	ZERO,
	type Counts,
} from './lib/counts.ts';
import {
	describePython,
	discover,
	listTestModules,
	planSuiteRuns,
	suiteArgs,
	suiteShards,
	type SuiteRun,
	type SuiteShard,
} from './lib/pythons.ts';
import { findPython, run } from './lib/run.ts';

const SUITES = ['unit', 'integration', 'python', 'types', 'format', 'pyright', 'e2e'] as const;
type Suite = (typeof SUITES)[number];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const selected = new Set<Suite>(values.only ? (values.only.split(',').map((s) => s.trim()) as Suite[]) : [...SUITES]);
for (const suite of selected) {
	if (!SUITES.includes(suite)) {
		console.error(`Unknown suite "${suite}". Choose from: ${SUITES.join(', ')}.`);
		process.exit(2);
	}
}

const REPORTS = path.join(REPO_ROOT, 'reports');
fs.mkdirSync(REPORTS, { recursive: true });
const results: { suite: string; counts: Counts; note?: string; failures?: string[]; skips?: string[] }[] = [];

function heading(text: string) {
	console.log(`\n${'='.repeat(8)} ${text} ${'='.repeat(Math.max(0, 60 - text.length))}`);
}

/**
 * A suite that could not report counts (crashed, not found) counts as one failure, never as silence. The failed
 * tests' names go in the summary, which is the part of a CI log people read first.
 */
function record(
	suite: string,
	counts: Counts | null,
	code: number,
	note?: string,
	failures: string[] = [],
	skips: string[] = [],
) {
	if (!counts)
		results.push({
			suite,
			counts: { ...ZERO, failed: 1 },
			note: `${note ? `${note}, ` : ''}exited ${code} without a report`,
			failures,
		});
	else if (code !== 0 && counts.failed === 0)
		results.push({
			suite,
			counts: { ...counts, failed: 1 },
			note: `${note ? `${note}, ` : ''}exited ${code}`,
			failures,
		});
	else results.push({ suite, counts, note, failures, skips });
}

/** Runs a command; `buffered`, its output is printed whole when it ends (for work running side by side). */
async function step(
	title: string,
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; timeoutMs: number; buffered: boolean; capture?: boolean },
) {
	if (!options.buffered) heading(title);
	const result = await run(command, args, {
		env: options.env,
		timeoutMs: options.timeoutMs,
		capture: options.buffered || options.capture,
		quiet: options.buffered,
	});
	if (options.buffered) {
		heading(title);
		process.stdout.write(result.output);
	}
	return result;
}

async function types(buffered: boolean) {
	const { code } = await step('Type check (astro check)', 'npx', ['astro', 'check'], {
		timeoutMs: 5 * 60_000,
		buffered,
	});
	// One check over the whole project: it passes or fails as a unit.
	record('types', code === 0 ? { ...ZERO, passed: 1 } : { ...ZERO, failed: 1 }, code);
}

async function format(buffered: boolean) {
	const title = 'Formatting (prettier --check .)';
	const { code } = await step(title, 'npx', ['prettier', '--check', '.'], { timeoutMs: 5 * 60_000, buffered });
	// Passes or fails as a unit, like the type check; the files to format are listed above it.
	record('format', code === 0 ? { ...ZERO, passed: 1 } : { ...ZERO, failed: 1 }, code);
	// What Prettier cannot wrap (strings, comments, lesson prose): no line over 120 characters.
	const lines = await step('Line length (npm run check:lines)', process.execPath, ['scripts/check-lines.ts'], {
		timeoutMs: 60_000,
		buffered,
	});
	record('format lines', lines.code === 0 ? { ...ZERO, passed: 1 } : { ...ZERO, failed: 1 }, lines.code);
}

/** A Vitest run of one project (vitest.config.ts), recorded as one suite. */
async function vitest(suite: string, title: string, args: string[], buffered: boolean) {
	const file = path.join(REPORTS, `${suite.replaceAll(' ', '-')}.json`);
	fs.rmSync(file, { force: true });
	const started = performance.now();
	const { code } = await step(
		title,
		'npx',
		['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
		{
			timeoutMs: 10 * 60_000,
			buffered,
		},
	);
	record(
		suite,
		parseVitestJson(file),
		code,
		`${((performance.now() - started) / 1000).toFixed(0)} s`,
		vitestFailures(file),
		vitestSkips(file),
	);
}

const unit = () => vitest('unit', 'Unit tests (Vitest, pure)', ['--project', 'unit'], false);

/** The integration tests that re-measure the examples: timings, so they run alone. */
const FRESH = 'tests/integration/fresh-measurements.test.ts';
const integrationTimed = () =>
	vitest(
		'integration timed',
		'Integration: fresh re-measurements (Vitest), alone',
		['--project', 'integration', FRESH],
		false,
	);
const integrationRest = (buffered: boolean) =>
	vitest(
		'integration',
		'Integration: zips, a clone and StackBlitz projects run as a learner would (Vitest)',
		['--project', 'integration', '--exclude', FRESH],
		buffered,
	);

async function pyright(buffered: boolean) {
	// JSON on stdout is for counting; the errors are printed in the usual "file:line:col - message" form.
	const { code, output } = await run('npx', ['pyright', '--outputjson'], {
		capture: true,
		quiet: true,
		timeoutMs: 5 * 60_000,
	});
	heading('Python types (pyright)');
	const counts = parsePyrightJson(output);
	if (counts) {
		const report = JSON.parse(output) as PyrightReport;
		for (const d of report.generalDiagnostics) {
			const where = d.range ? `:${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
			console.log(`${path.relative(REPO_ROOT, d.file)}${where} - ${d.severity}: ${d.message}`);
		}
		console.log(`pyright: ${report.summary.filesAnalyzed} files, ${report.summary.errorCount} errors`);
	} else if (!buffered) {
		console.log(output);
	}
	record('pyright', counts, code);
}

/** What the browser tests can run against: the builds, or why they did not run (failed) or cannot (skipped). */
interface BuildOutcome {
	problem: string | null;
	noBrowser: string | null;
}

/**
 * The two static builds and their PDFs, for the browser tests; without a Chromium, the builds without PDFs.
 * `buffered` (next to other work), the sub-path build runs while the root build's PDF prints: one is Astro, the other
 * Chromium reading the root build through its own preview server.
 */
async function builds(buffered: boolean): Promise<BuildOutcome> {
	let noBrowser: string | null = null;
	try {
		await ensureBrowser(); // the PDF step prints with it too
	} catch (error) {
		noBrowser = (error as Error).message;
		console.error(noBrowser);
	}
	const build = async ({ name, base, outDir }: SiteBuild) => {
		const env = { BASE: base, OUT_DIR: outDir };
		if (
			(
				await step(`Static build ${name}: base ${base} -> ${outDir}`, 'npx', ['astro', 'build'], {
					env,
					timeoutMs: 10 * 60_000,
					buffered,
				})
			).code !== 0
		) {
			return `the ${name} build failed`;
		}
		return null;
	};
	// The course PDF is part of the site as deployed (the deploy workflow runs the same step).
	const pdf = async ({ name, base, outDir }: SiteBuild) => {
		if (noBrowser) return null;
		const env = { BASE: base, OUT_DIR: outDir };
		return (await step(`Course PDF of ${name}`, 'npm', ['run', 'pdf'], { env, timeoutMs: 5 * 60_000, buffered }))
			.code !== 0
			? `the ${name} PDF failed`
			: null;
	};
	const [root, subpath] = SITE_BUILDS as [SiteBuild, SiteBuild];
	const rootBuilt = await build(root);
	if (rootBuilt) return { problem: rootBuilt, noBrowser };
	const problems = buffered
		? await Promise.all([pdf(root), build(subpath).then(async (problem) => problem ?? (await pdf(subpath)))])
		: [await pdf(root), (await build(subpath)) ?? (await pdf(subpath))];
	return { problem: problems.find((p) => p !== null) ?? null, noBrowser };
}

/** The browser tests; `buffered` (started while other work runs), their output is printed whole when they end. */
async function e2e({ problem, noBrowser }: BuildOutcome, buffered: boolean) {
	const title = 'Browser tests (Playwright, Chromium)';
	if (problem || noBrowser) heading(title);
	if (problem) {
		record('e2e', null, 1, `${problem}, so the browser tests did not run`);
		return;
	}
	if (noBrowser) {
		const why = `no Chromium, so the browser tests and the PDFs did not run: ${noBrowser.split('\n')[0]} (see above)`;
		console.log(`  skipped: ${why}`);
		record('e2e', { ...ZERO, skipped: 1 }, 0, undefined, [], [why]);
		return;
	}
	const file = path.join(REPORTS, 'e2e.json');
	fs.rmSync(file, { force: true });
	const started = performance.now();
	const { code } = await step(title, 'npx', ['playwright', 'test'], { timeoutMs: 20 * 60_000, buffered });
	record(
		'e2e',
		parsePlaywrightJson(file),
		code,
		`${((performance.now() - started) / 60_000).toFixed(1)} min`,
		playwrightFailures(file),
	);
}

/**
 * The Python suite; `afterTimed` runs alone after its timed modules (more timed work), `alongside` next to its
 * waiting modules (work whose result no timing can change), and `afterWaiting` is called once those are done.
 * Every CPython 3.11+ that `npm run pythons` finds: the whole suite on the default one and on free-threaded
 * builds, the quick modules on the others (scripts/lib/pythons.ts planSuiteRuns). One result line each.
 */
async function python(afterTimed: () => Promise<void>, alongside: () => Promise<void>, afterWaiting: () => void) {
	heading('Python examples (unittest), on every CPython found');
	let plan: SuiteRun[];
	try {
		const defaultPython = await describePython(findPython());
		const { pythons, skipped } = await discover();
		plan = planSuiteRuns(pythons, defaultPython);
		for (const { path: p, reason } of skipped) console.log(`  not used: ${p}: ${reason}`);
		for (const p of pythons) {
			if (!plan.some((entry) => entry.python.executable === p.executable))
				console.log(`  not used: ${p.path} (${p.version}): another ${p.id} runs already`);
		}
		for (const entry of plan)
			console.log(`  ${entry.python.id.padEnd(20)} ${entry.scope.padEnd(5)} ${entry.python.path} (${entry.why})`);
	} catch (error) {
		console.error((error as Error).message);
		record('python', null, 1, (error as Error).message);
		await afterTimed();
		afterWaiting();
		await alongside();
		return;
	}
	const name = (entry: SuiteRun) =>
		`python ${entry.python.id} ${entry.python.version}${entry.scope === 'quick' ? ' quick' : ''}`;
	const shards = plan.flatMap((entry) => suiteShards(entry, listTestModules()));
	const done: { shard: SuiteShard; code: number; output: string; seconds: number }[] = [];
	for (const shard of shards.filter((s) => s.kind === 'timed')) {
		const gil = shard.run.python.gilEnabled ? 'enabled' : 'disabled';
		const started = performance.now();
		const title = `${name(shard.run)}: Python ${shard.run.python.version}, GIL ${gil}: timed modules, alone`;
		const { code, output } = await step(title, shard.run.python.path, suiteArgs(shard), {
			capture: true,
			timeoutMs: 10 * 60_000,
			buffered: false,
		});
		done.push({ shard, code, output, seconds: (performance.now() - started) / 1000 });
	}
	await afterTimed();
	const waiting = shards.filter((s) => s.kind === 'waiting');
	heading(`Side by side: ${waiting.length} unittest processes, and the work no timing depends on`);
	const startedWaiting = performance.now();
	const shardsDone = Promise.all(
		waiting.map(async (shard) => {
			const started = performance.now();
			const { code, output } = await step(
				`${name(shard.run)}: ${shard.tests.join(', ')}`,
				shard.run.python.path,
				suiteArgs(shard),
				{
					timeoutMs: 10 * 60_000,
					buffered: true,
				},
			);
			done.push({ shard, code, output, seconds: (performance.now() - started) / 1000 });
		}),
	).then(afterWaiting);
	await Promise.all([shardsDone, alongside()]);
	console.log(`\nSide by side: ${((performance.now() - startedWaiting) / 1000).toFixed(0)} s in all.`);
	for (const entry of plan) {
		const mine = done.filter((d) => d.shard.run === entry);
		const counts = mine.map((d) => parseUnittest(d.output));
		const total = counts.some((c) => c === null) ? null : counts.reduce<Counts>((sum, c) => add(sum, c!), ZERO);
		const code = mine.find((d) => d.code !== 0)?.code ?? 0;
		const timed = mine.filter((d) => d.shard.kind === 'timed').reduce((sum, d) => sum + d.seconds, 0);
		const rest = Math.max(0, ...mine.filter((d) => d.shard.kind === 'waiting').map((d) => d.seconds));
		record(
			name(entry),
			total,
			code,
			`${timed.toFixed(0)} s alone + ${rest.toFixed(0)} s side by side`,
			mine.flatMap((d) => unittestFailures(d.output)),
		);
	}
	if (!plan.some((entry) => entry.python.freeThreadedBuild)) {
		const why =
			'no free-threaded CPython found, so nothing ran with the GIL disabled: npm ' +
			'run pythons -- --provide free-threaded builds one (README "Interpreters")';
		console.log(`  skipped: ${why}`);
		record('python free-threaded', { ...ZERO, skipped: 1 }, 0, why);
	}
}

if (selected.has('unit')) await unit();
let browserTests: Promise<void> | null = null;
/** The browser tests start once the builds are done and the Python suite no longer waits on timeouts next to them. */
let pythonWaiting = Promise.resolve();
let pythonWaitingDone = () => {};
if (selected.has('python')) pythonWaiting = new Promise<void>((resolve) => (pythonWaitingDone = resolve));
const timed = async () => {
	if (selected.has('integration')) await integrationTimed();
};
const independent = async (buffered: boolean) => {
	const others = [
		selected.has('integration') ? () => integrationRest(buffered) : null,
		selected.has('types') ? () => types(buffered) : null,
		selected.has('format') ? () => format(buffered) : null,
		selected.has('pyright') ? () => pyright(buffered) : null,
	].filter((w) => w !== null);
	const browser = () => builds(buffered).then(async (built) => (await pythonWaiting, e2e(built, buffered)));
	if (!buffered) {
		for (const w of others) await w();
		if (selected.has('e2e')) await browser();
		return;
	}
	// The builds start first; the browser tests as soon as they can, next to whatever else still runs.
	if (selected.has('e2e')) browserTests = browser();
	await Promise.all(others.map((w) => w()));
};
if (selected.has('python')) await python(timed, () => independent(true), pythonWaitingDone);
else {
	await timed();
	await independent(false);
}
// Side by side, the Python suite does not wait for the browser tests; the summary does.
await browserTests;

heading('Summary');
// In the order of SUITES, whatever order they ended in.
const rank = (suite: string) => SUITES.findIndex((s) => suite === s || suite.startsWith(`${s} `));
results.sort((a, b) => rank(a.suite) - rank(b.suite));
let total = ZERO;
const width = Math.max(8, ...results.map((r) => r.suite.length));
for (const { suite, counts, note, failures = [], skips = [] } of results) {
	console.log(`${suite.padEnd(width)} ${closingLine(counts).replace('total: ', '')}${note ? `  (${note})` : ''}`);
	for (const skip of skips) console.log(`  ${skip.startsWith('skipped') ? '' : 'skipped: '}${skip}`);
	for (const failure of failures.slice(0, NAMED_FAILURES)) console.log(`  failed: ${failure}`);
	if (failures.length > NAMED_FAILURES) console.log(`  ... and ${failures.length - NAMED_FAILURES} more (see above)`);
	total = add(total, counts);
}
console.log(closingLine(total));
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
