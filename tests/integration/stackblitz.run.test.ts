/**
 * Every example's StackBlitz payload, run as a WebContainer would run it: files in an empty folder, `npm install`,
 * `npm start`. Then `npm start -- --all --only <the skipped scripts>` proves that each skip reason holds, so the
 * support matrix says what really happens under Pyodide. Slow (Pyodide loads in ~2 s per run): ~1 min in all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/lib/examples/metadata.ts';
import { PYODIDE_VERSION, buildStackBlitzPayload } from '../../src/lib/ways-in/stackblitz.ts';
import { checkObservation, supportMatrix, type PyodideObservation } from '../../src/lib/ways-in/support-matrix.ts';
import { reportProblems } from '../payload/reports.ts';
import {
	cleanNodeVersion,
	makeProjectDir,
	npmInstall,
	npmStart,
	parseSummary,
	readTimings,
	writeProject,
	type Timings,
} from '../payload/webcontainer.ts';

const examples = loadExamples();
const dirs: string[] = [];
/** Observed StackBlitz status per `slug/file`, filled in by the runs below, checked against the matrix at the end. */
const observedStatus = new Map<string, string>();

beforeAll(async () => {
	console.log(
		`[payload] npm start runs under ${await cleanNodeVersion()} (the system Node, as in a fresh WebContainer shell)`,
	);
});
afterAll(() => {
	if (!process.env.KEEP_PAYLOADS) dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

const fmt = (value: number | null | undefined) => (typeof value === 'number' ? `${value.toFixed(3)} s` : '-');

describe.each(examples.map((example) => [example.slug, example] as const))(
	'the StackBlitz payload of %s',
	(slug, example) => {
		const dir = makeProjectDir(slug);
		dirs.push(dir);
		const skipped = example.scripts.filter((s) => s.pyodide.status === 'skipped');
		let timings: Timings;
		let stdout = '';

		it('installs with npm install, getting the pinned pyodide', async () => {
			writeProject(buildStackBlitzPayload(example), dir);
			const install = await npmInstall(dir);
			const installed = JSON.parse(
				fs.readFileSync(path.join(dir, 'node_modules', 'pyodide', 'package.json'), 'utf8'),
			) as { version: string };
			expect(installed.version).toBe(PYODIDE_VERSION);
			console.log(`[payload] ${slug}: npm install ${(install.ms / 1000).toFixed(1)} s`);
		});

		it('runs with npm start: each script as example.json says, with reports that match the schema', async () => {
			const start = await npmStart(dir);
			stdout = start.stdout;
			expect(start.code, `${start.stdout}\n${start.stderr}`).toBe(0);
			timings = readTimings(dir);
			expect(timings.mode).toBe('default');
			expect(timings.pyodide).toBe(PYODIDE_VERSION);
			expect(timings.results.map((r) => r.file)).toEqual(example.scripts.map((s) => s.file));
			for (const script of example.scripts) {
				const result = timings.results.find((r) => r.file === script.file)!;
				expect(checkObservation(script, result as PyodideObservation), script.file).toEqual([]);
				if (result.outcome === 'ok') expect(reportProblems(result.report, example, script), script.file).toEqual([]);
				if (script.pyodide.status === 'skipped') {
					expect(result.attempted).toBe(false);
					expect(stdout).toContain(`SKIPPED ${script.pyodide.reason}`);
				}
				if (script.pyodide.status === 'labelled') expect(stdout).toContain(`!!! ${script.pyodide.label}`);
				const label = script.pyodide.status === 'labelled' ? script.pyodide.label : null;
				const shownLabelled = label !== null && stdout.includes(`!!! ${label}`);
				observedStatus.set(
					`${slug}/${script.file}`,
					result.outcome === 'ok' ? (shownLabelled ? 'labelled' : 'runs') : result.outcome,
				);
			}
			const ran = timings.results.filter((r) => r.outcome === 'ok');
			console.log(
				`[payload] ${slug}: npm start ${(start.ms / 1000).toFixed(1)} s; ` +
					(ran.map((r) => `${r.file} wall ${fmt(r.report?.elapsed_s)}`).join(', ') || 'no script runs'),
			);
		});

		it('prints a summary table whose numbers are the reports’ numbers, never a time for a skipped script', () => {
			const lines = parseSummary(stdout);
			expect(lines.map((l) => l.script)).toEqual(example.scripts.map((s) => s.file));
			for (const line of lines) {
				const result = timings.results.find((r) => r.file === line.script)!;
				const script = example.scripts.find((s) => s.file === line.script)!;
				expect(line.variant).toBe(script.variant);
				expect(line.wall).toBe(fmt(result.outcome === 'ok' ? result.report!.elapsed_s : null));
				expect(line.cpu).toBe(fmt(result.outcome === 'ok' ? result.report!.cpu_s : null));
				if (script.pyodide.status === 'skipped') expect(line.status).toMatch(/^SKIPPED \[\d+\]$/);
				if (script.pyodide.status === 'labelled') expect(line.status).toMatch(/^ran, LABELLED \[\d+\]$/);
				if (script.pyodide.status === 'runs') expect(line.status).toBe('ran');
			}
			// CPU time under Pyodide counts waiting: the runner measures that and says so rather than letting it mislead.
			if (timings.cpuClockCountsWaiting) expect(stdout).toContain('counts waiting as CPU time');
		});

		it.skipIf(skipped.length === 0)(
			'cannot run its skipped scripts under Pyodide, for the reasons example.json gives',
			async () => {
				const attempt = await npmStart(dir, ['--all', '--only', skipped.map((s) => s.file).join(',')]);
				const all = readTimings(dir);
				expect(attempt.code, `${attempt.stdout}\n${attempt.stderr}`).toBe(0);
				expect(all.mode).toBe('all');
				const seen: string[] = [];
				for (const script of skipped) {
					const result = all.results.find((r) => r.file === script.file)!;
					expect(result.attempted).toBe(true);
					expect(checkObservation(script, result as PyodideObservation), script.file).toEqual([]);
					if (result.report) expect(reportProblems(result.report, example, script), script.file).toEqual([]);
					observedStatus.set(`${slug}/${script.file}`, 'skipped');
					seen.push(
						`${script.file}: ${result.outcome}${result.error ? ` (${result.error})` : result.report?.skip_reason ? ` (${result.report.skip_reason})` : ''}`,
					);
				}
				console.log(`[payload] ${slug}: --all ${(attempt.ms / 1000).toFixed(1)} s; ${seen.join('; ')}`);
			},
		);
	},
);

describe('the support matrix', () => {
	it('says, for StackBlitz, what the payload runs above observed', () => {
		const expected = supportMatrix(examples).map((row) => `${row.example}/${row.file}: ${row.ways.stackblitz.status}`);
		const observed = supportMatrix(examples).map(
			(row) => `${row.example}/${row.file}: ${observedStatus.get(`${row.example}/${row.file}`) ?? 'not observed'}`,
		);
		expect(observed).toEqual(expected);
	});
});
