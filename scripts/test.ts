/**
 * `npm test`: the whole test suite.
 *   1. unit tests of src/lib and scripts (Vitest), alone: some re-measure the examples
 *   2. the Python examples (stdlib unittest) under every CPython 3.11+ found (npm run pythons): first the modules
 *      that time CPU work, one interpreter at a time; then the rest, which mostly waits on timeouts and child
 *      processes, side by side, and next to them the work no timing depends on: the type checks of the site
 *      (astro check) and of the Python (pyright), the format check (prettier --check .), and the two static
 *      builds of the site (root and sub-path) with their course PDFs (npm run pdf)
 *   3. the browser tests against both builds (Playwright in Chromium)
 * Every suite runs even if an earlier one failed, then the summary names the failed tests and one closing line
 * sums them up. Output of work that runs side by side is printed whole when it ends, so lines never interleave.
 * Usage: npm test [-- --only types,format,unit,python,pyright,e2e]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/lib/paths.ts';
import { SITE_BUILDS } from '../tests/support/site-builds.ts';
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
	ZERO,
	type Counts,
} from './lib/counts.ts';
import { describePython, discover, listTestModules, planSuiteRuns, suiteArgs, suiteShards, type SuiteRun, type SuiteShard } from './lib/pythons.ts';
import { findPython, run } from './lib/run.ts';

const SUITES = ['types', 'format', 'unit', 'python', 'pyright', 'e2e'] as const;
type Suite = (typeof SUITES)[number];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const selected = new Set<Suite>(
	values.only ? (values.only.split(',').map((s) => s.trim()) as Suite[]) : [...SUITES],
);
for (const suite of selected) {
	if (!SUITES.includes(suite)) {
		console.error(`Unknown suite "${suite}". Choose from: ${SUITES.join(', ')}.`);
		process.exit(2);
	}
}

const REPORTS = path.join(REPO_ROOT, 'reports');
fs.mkdirSync(REPORTS, { recursive: true });
const results: { suite: string; counts: Counts; note?: string; failures?: string[] }[] = [];

function heading(text: string) {
	console.log(`\n${'='.repeat(8)} ${text} ${'='.repeat(Math.max(0, 60 - text.length))}`);
}

/**
 * A suite that could not report counts (crashed, not found) counts as one failure, never as silence. The failed
 * tests' names go in the summary, which is the part of a CI log people read first.
 */
function record(suite: string, counts: Counts | null, code: number, note?: string, failures: string[] = []) {
	if (!counts) results.push({ suite, counts: { ...ZERO, failed: 1 }, note: note ?? `exited ${code} without a report`, failures });
	else if (code !== 0 && counts.failed === 0) results.push({ suite, counts: { ...counts, failed: 1 }, note: `exited ${code}`, failures });
	else results.push({ suite, counts, note, failures });
}

/** Runs a command; `buffered`, its output is printed whole when it ends (for work running side by side). */
async function step(title: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number; buffered: boolean; capture?: boolean }) {
	if (!options.buffered) heading(title);
	const result = await run(command, args, { env: options.env, timeoutMs: options.timeoutMs, capture: options.buffered || options.capture, quiet: options.buffered });
	if (options.buffered) {
		heading(title);
		process.stdout.write(result.output);
	}
	return result;
}

async function types(buffered: boolean) {
	const { code } = await step('Type check (astro check)', 'npx', ['astro', 'check'], { timeoutMs: 5 * 60_000, buffered });
	// One check over the whole project: it passes or fails as a unit.
	record('types', code === 0 ? { ...ZERO, passed: 1 } : { ...ZERO, failed: 1 }, code);
}

async function format(buffered: boolean) {
	const title = 'Formatting (prettier --check .)';
	const { code } = await step(title, 'npx', ['prettier', '--check', '.'], { timeoutMs: 5 * 60_000, buffered });
	// Passes or fails as a unit, like the type check; the files to format are listed above it.
	record('format', code === 0 ? { ...ZERO, passed: 1 } : { ...ZERO, failed: 1 }, code);
}

async function unit() {
	const file = path.join(REPORTS, 'unit.json');
	fs.rmSync(file, { force: true });
	const { code } = await step('Unit tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
		timeoutMs: 10 * 60_000,
		buffered: false,
	});
	record('unit', parseVitestJson(file), code, undefined, vitestFailures(file));
}

async function pyright(buffered: boolean) {
	// JSON on stdout is for counting; the errors are printed in the usual "file:line:col - message" form.
	const { code, output } = await run('npx', ['pyright', '--outputjson'], { capture: true, quiet: true, timeoutMs: 5 * 60_000 });
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

/** The two static builds and their PDFs, for the browser tests; returns what went wrong, or null. */
async function builds(buffered: boolean): Promise<string | null> {
	try {
		await ensureBrowser(); // the PDF step prints with it too
	} catch (error) {
		console.error((error as Error).message);
		return (error as Error).message;
	}
	for (const build of SITE_BUILDS) {
		const env = { BASE: build.base, OUT_DIR: build.outDir };
		const title = `Static build ${build.name}: base ${build.base} -> ${build.outDir}`;
		if ((await step(title, 'npx', ['astro', 'build'], { env, timeoutMs: 10 * 60_000, buffered })).code !== 0) return `the ${build.name} build failed`;
		// The course PDF is part of the site as deployed (the deploy workflow runs the same step).
		if ((await step(`Course PDF of ${build.name}`, 'npm', ['run', 'pdf'], { env, timeoutMs: 5 * 60_000, buffered })).code !== 0) return `the ${build.name} PDF failed`;
	}
	return null;
}

async function e2e(problem: string | null) {
	heading('Browser tests (Playwright, Chromium)');
	if (problem) {
		record('e2e', null, 1, `${problem}, so the browser tests did not run`);
		return;
	}
	const file = path.join(REPORTS, 'e2e.json');
	fs.rmSync(file, { force: true });
	const { code } = await run('npx', ['playwright', 'test'], { timeoutMs: 20 * 60_000 });
	record('e2e', parsePlaywrightJson(file), code, undefined, playwrightFailures(file));
}

/**
 * The Python suite; `alongside` runs next to its waiting modules (work whose result no timing can change).
 * Every CPython 3.11+ that `npm run pythons` finds: the whole suite on the default one and on free-threaded
 * builds, the quick modules on the others (scripts/lib/pythons.ts planSuiteRuns). One result line each.
 */
async function python(alongside: () => Promise<void>) {
	heading('Python examples (unittest), on every CPython found');
	let plan: SuiteRun[];
	try {
		const defaultPython = await describePython(findPython());
		const { pythons, skipped } = await discover();
		plan = planSuiteRuns(pythons, defaultPython);
		for (const { path: p, reason } of skipped) console.log(`  not used: ${p}: ${reason}`);
		for (const p of pythons) {
			if (!plan.some((entry) => entry.python.executable === p.executable)) console.log(`  not used: ${p.path} (${p.version}): another ${p.id} runs already`);
		}
		for (const entry of plan) console.log(`  ${entry.python.id.padEnd(20)} ${entry.scope.padEnd(5)} ${entry.python.path} (${entry.why})`);
	} catch (error) {
		console.error((error as Error).message);
		record('python', null, 1, (error as Error).message);
		await alongside();
		return;
	}
	const name = (entry: SuiteRun) => `python ${entry.python.id} ${entry.python.version}${entry.scope === 'quick' ? ' quick' : ''}`;
	const shards = plan.flatMap((entry) => suiteShards(entry, listTestModules()));
	const done: { shard: SuiteShard; code: number; output: string; seconds: number }[] = [];
	for (const shard of shards.filter((s) => s.kind === 'timed')) {
		const gil = shard.run.python.gilEnabled ? 'enabled' : 'disabled';
		const started = performance.now();
		const title = `${name(shard.run)}: Python ${shard.run.python.version}, GIL ${gil}: timed modules, alone`;
		const { code, output } = await step(title, shard.run.python.path, suiteArgs(shard), { capture: true, timeoutMs: 10 * 60_000, buffered: false });
		done.push({ shard, code, output, seconds: (performance.now() - started) / 1000 });
	}
	const waiting = shards.filter((s) => s.kind === 'waiting');
	heading(`Side by side: ${waiting.length} unittest processes, and the type checks and builds`);
	const startedWaiting = performance.now();
	await Promise.all([
		...waiting.map(async (shard) => {
			const started = performance.now();
			const { code, output } = await step(`${name(shard.run)}: ${shard.tests.join(', ')}`, shard.run.python.path, suiteArgs(shard), {
				timeoutMs: 10 * 60_000,
				buffered: true,
			});
			done.push({ shard, code, output, seconds: (performance.now() - started) / 1000 });
		}),
		alongside(),
	]);
	console.log(`\nSide by side: ${((performance.now() - startedWaiting) / 1000).toFixed(0)} s in all.`);
	for (const entry of plan) {
		const mine = done.filter((d) => d.shard.run === entry);
		const counts = mine.map((d) => parseUnittest(d.output));
		const total = counts.some((c) => c === null) ? null : counts.reduce<Counts>((sum, c) => add(sum, c!), ZERO);
		const code = mine.find((d) => d.code !== 0)?.code ?? 0;
		const timed = mine.filter((d) => d.shard.kind === 'timed').reduce((sum, d) => sum + d.seconds, 0);
		const rest = Math.max(0, ...mine.filter((d) => d.shard.kind === 'waiting').map((d) => d.seconds));
		record(name(entry), total, code, `${timed.toFixed(0)} s alone + ${rest.toFixed(0)} s side by side`, mine.flatMap((d) => unittestFailures(d.output)));
	}
	if (!plan.some((entry) => entry.python.freeThreadedBuild)) {
		const why = 'no free-threaded CPython found, so nothing ran with the GIL disabled: npm run pythons -- --provide free-threaded builds one (README "Interpreters")';
		console.log(`  skipped: ${why}`);
		record('python free-threaded', { ...ZERO, skipped: 1 }, 0, why);
	}
}

if (selected.has('unit')) await unit();
let buildProblem: string | null = null;
const independent = async (buffered: boolean) => {
	if (selected.has('types')) await types(buffered);
	if (selected.has('format')) await format(buffered);
	if (selected.has('pyright')) await pyright(buffered);
	if (selected.has('e2e')) buildProblem = await builds(buffered);
};
if (selected.has('python')) await python(() => independent(true));
else await independent(false);
if (selected.has('e2e')) await e2e(buildProblem);

heading('Summary');
// In the order of SUITES, whatever order they ended in.
const rank = (suite: string) => SUITES.findIndex((s) => suite === s || suite.startsWith(`${s} `));
results.sort((a, b) => rank(a.suite) - rank(b.suite));
let total = ZERO;
const width = Math.max(8, ...results.map((r) => r.suite.length));
for (const { suite, counts, note, failures = [] } of results) {
	console.log(`${suite.padEnd(width)} ${closingLine(counts).replace('total: ', '')}${note ? `  (${note})` : ''}`);
	for (const failure of failures.slice(0, NAMED_FAILURES)) console.log(`  failed: ${failure}`);
	if (failures.length > NAMED_FAILURES) console.log(`  ... and ${failures.length - NAMED_FAILURES} more (see above)`);
	total = add(total, counts);
}
console.log(closingLine(total));
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
