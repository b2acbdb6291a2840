/**
 * Every example runs and reports its timings, as a learner gets it: downloaded from the built site as a zip and run
 * with plain python3 and the commands the lesson shows, and opened "in StackBlitz" (the site's payload run as a WebContainer would: npm install,
 * npm start under Pyodide). Each run's time and speedup are written into the Playwright report as annotations and
 * printed, so a maintainer reads the timings in the test output.
 * (Running from a clone is covered by tests/integration/clone.run.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test, type TestInfo } from '@playwright/test';
import { loadExamples } from '../../src/lib/examples/metadata.ts';
import { payloadPath, zipCommands, zipPath } from '../../src/lib/ways-in/commands.ts';
import { findPython } from '../../scripts/lib/run.ts';
import { SITE_BUILDS } from '../support/site-builds.ts';
import { runScriptForReport } from '../payload/reports.ts';
import type { StackBlitzPayload } from '../../src/lib/ways-in/stackblitz.ts';
import { makeProjectDir, npmInstall, npmStart, readTimings, writeProject } from '../payload/webcontainer.ts';

const SITE = SITE_BUILDS[0]!.url;
const python = findPython();

/** Adds a line to the report (annotation) and to the console output. */
function report(testInfo: TestInfo, type: string, description: string) {
	testInfo.annotations.push({ type, description });
	console.log(`  ${testInfo.title.split(':')[0]} | ${description}`);
}

/** "0.227 s (9.06× vs sequential)"; compare and sweep scripts time several approaches, so they get no speedup. */
function timeText(elapsed: number, role: string, baseline: number | undefined, baselineVariant: string | null): string {
	const time = `${Number(elapsed.toPrecision(3))} s`;
	if (role !== 'variant' || baseline === undefined || baselineVariant === null) return time;
	return `${time} (${(baseline / elapsed).toFixed(2)}× vs ${baselineVariant})`;
}

for (const example of loadExamples()) {
	test(`${example.slug}: learner can download the zip and every script runs with python3 and reports its timings`, async ({
		request,
	}, testInfo) => {
		test.setTimeout(180_000);
		const response = await request.get(new URL(zipPath(example.slug), SITE).href);
		expect(response.status()).toBe(200);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zip-${example.slug}-`));
		try {
			for (const [name, data] of Object.entries(unzipSync(await response.body()))) {
				if (name.endsWith('/')) continue;
				fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
				fs.writeFileSync(path.join(dir, name), data);
			}
			const folder = path.join(dir, example.slug);
			const elapsed = new Map<string, number>();
			// The commands the lesson shows for the zip (after its `cd`), as a learner types them.
			const [cd, ...commands] = zipCommands(example);
			expect(cd).toBe(`cd ${example.slug}`);
			for (const [i, script] of example.scripts.entries()) {
				const { problems, report: out } = await runScriptForReport(commands[i]!, script, example, folder, python);
				expect(problems, script.file).toEqual([]);
				const r = out as { status: string; skip_reason: string | null; elapsed_s: number | null; metrics?: Record<string, number> };
				if (r.status === 'skipped' || r.elapsed_s === null) {
					report(testInfo, 'skipped', `${script.variant}: skipped: ${r.skip_reason}`);
					continue;
				}
				elapsed.set(script.variant, r.elapsed_s);
				const lost = r.metrics?.lost_updates !== undefined ? `, lost updates ${r.metrics.lost_updates}` : '';
				const baseline = example.baseline ? elapsed.get(example.baseline) : undefined;
				report(testInfo, 'timing', `${script.variant} (${script.file}): ${timeText(r.elapsed_s, script.role, baseline, example.baseline)}${lost}`);
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test(`${example.slug}: learner can open it in StackBlitz, and the payload runs under Pyodide as the support matrix says`, async ({
		request,
	}, testInfo) => {
		test.setTimeout(180_000);
		const response = await request.get(new URL(payloadPath(example.slug), SITE).href);
		expect(response.status()).toBe(200);
		const payload = (await response.json()) as StackBlitzPayload;
		const dir = makeProjectDir(example.slug);
		try {
			writeProject(payload, dir);
			const install = await npmInstall(dir);
			expect(install.code, install.stderr.slice(-800)).toBe(0);
			const start = await npmStart(dir);
			expect(start.code, start.stderr.slice(-800)).toBe(0);
			const timings = readTimings(dir);
			const elapsed = new Map<string, number>();
			for (const result of timings.results) {
				expect(result.expected, `${result.file}: ${result.outcome} ${result.error ?? ''}`).toBe(true);
				const script = example.scripts.find((s) => s.file === result.file)!;
				if (result.report?.status === 'ok' && result.report.elapsed_s !== null) {
					elapsed.set(result.variant, result.report.elapsed_s);
					const label = script.pyodide.status === 'labelled' ? ' [labelled: simulated]' : '';
					const baseline = example.baseline ? elapsed.get(example.baseline) : undefined;
					report(testInfo, 'timing', `${result.variant} under Pyodide: ${timeText(result.report.elapsed_s, script.role, baseline, example.baseline)}${label}`);
				} else {
					const reason = script.pyodide.status === 'skipped' ? script.pyodide.reason : (result.report?.skip_reason ?? result.outcome);
					report(testInfo, 'skipped', `${result.variant} under Pyodide: skipped: ${reason}`);
				}
			}
			expect(elapsed.size, 'at least one script ran under Pyodide').toBeGreaterThan(0);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
}
