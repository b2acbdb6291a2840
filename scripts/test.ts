/**
 * `npm test`: the whole test suite, in the order a failure is cheapest to find.
 *   0. type check of the site, its components and scripts (astro check, TypeScript strict)
 *   1. unit tests of src/lib and scripts (Vitest)
 *   2. the Python examples (stdlib unittest), then their types (pyright, pyrightconfig.json)
 *   3. two static builds of the site (at the root and under a sub-path)
 *   4. the browser tests against both builds (Playwright in Chromium)
 * Every suite runs even if an earlier one failed, then one closing line sums them up.
 * Usage: npm test [-- --only types,unit,python,pyright,e2e]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/lib/paths.ts';
import { SITE_BUILDS } from '../tests/support/site-builds.ts';
import { ensureBrowser } from './ensure-browser.ts';
import { add, closingLine, parsePlaywrightJson, parsePyrightJson, type PyrightReport, parseUnittest, parseVitestJson, ZERO, type Counts } from './lib/counts.ts';
import { findPython, run } from './lib/run.ts';

const SUITES = ['types', 'unit', 'python', 'pyright', 'e2e'] as const;
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
const results: { suite: string; counts: Counts; note?: string }[] = [];

function heading(text: string) {
	console.log(`\n${'='.repeat(8)} ${text} ${'='.repeat(Math.max(0, 60 - text.length))}`);
}

/** A suite that could not report counts (crashed, not found) counts as one failure, never as silence. */
function record(suite: string, counts: Counts | null, code: number, note?: string) {
	if (!counts) results.push({ suite, counts: { ...ZERO, failed: 1 }, note: note ?? `exited ${code} without a report` });
	else if (code !== 0 && counts.failed === 0) results.push({ suite, counts: { ...counts, failed: 1 }, note: `exited ${code}` });
	else results.push({ suite, counts, note });
}

if (selected.has('types')) {
	heading('Type check (astro check)');
	const { code } = await run('npx', ['astro', 'check'], { timeoutMs: 5 * 60_000 });
	// One check over the whole project: it passes or fails as a unit.
	record('types', code === 0 ? { ...ZERO, passed: 1 } : { ...ZERO, failed: 1 }, code);
}

if (selected.has('unit')) {
	heading('Unit tests (Vitest)');
	const file = path.join(REPORTS, 'unit.json');
	fs.rmSync(file, { force: true });
	const { code } = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
		timeoutMs: 10 * 60_000,
	});
	record('unit', parseVitestJson(file), code);
}

if (selected.has('python')) {
	heading('Python examples (unittest)');
	try {
		const python = findPython();
		const { code, output } = await run(python, ['-m', 'unittest', 'discover', '-s', 'tests/python', '-t', '.', '-v'], {
			capture: true,
			timeoutMs: 10 * 60_000,
		});
		record('python', parseUnittest(output), code);
	} catch (error) {
		console.error((error as Error).message);
		record('python', null, 1, (error as Error).message);
	}
}

if (selected.has('pyright')) {
	heading('Python types (pyright)');
	// JSON on stdout is for counting; the errors are printed below in the usual "file:line:col - message" form.
	const { code, output } = await run('npx', ['pyright', '--outputjson'], { capture: true, quiet: true, timeoutMs: 5 * 60_000 });
	const counts = parsePyrightJson(output);
	if (counts) {
		const report = JSON.parse(output) as PyrightReport;
		for (const d of report.generalDiagnostics) {
			const where = d.range ? `:${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
			console.log(`${path.relative(REPO_ROOT, d.file)}${where} - ${d.severity}: ${d.message}`);
		}
		console.log(`pyright: ${report.summary.filesAnalyzed} files, ${report.summary.errorCount} errors`);
	}
	record('pyright', counts, code);
}

if (selected.has('e2e')) {
	heading('Static builds (root and sub-path)');
	let built = true;
	for (const build of SITE_BUILDS) {
		console.log(`Building ${build.name}: base ${build.base} -> ${build.outDir}`);
		const { code } = await run('npx', ['astro', 'build'], {
			env: { BASE: build.base, OUT_DIR: build.outDir },
			timeoutMs: 10 * 60_000,
		});
		if (code !== 0) built = false;
	}
	heading('Browser tests (Playwright, Chromium)');
	if (!built) {
		record('e2e', null, 1, 'a site build failed, so the browser tests did not run');
	} else {
		try {
			await ensureBrowser();
			const file = path.join(REPORTS, 'e2e.json');
			fs.rmSync(file, { force: true });
			const { code } = await run('npx', ['playwright', 'test'], { timeoutMs: 20 * 60_000 });
			record('e2e', parsePlaywrightJson(file), code);
		} catch (error) {
			console.error((error as Error).message);
			record('e2e', null, 1, (error as Error).message);
		}
	}
}

heading('Summary');
let total = ZERO;
for (const { suite, counts, note } of results) {
	console.log(`${suite.padEnd(8)} ${closingLine(counts).replace('total: ', '')}${note ? `  (${note})` : ''}`);
	total = add(total, counts);
}
console.log(closingLine(total));
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
