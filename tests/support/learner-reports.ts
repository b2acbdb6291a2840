/**
 * Reports made as a learner makes them: the example's report command (example.json `reportCommand`, see
 * src/lib/your-run/report-command.ts), run in its folder with `python3`, with the quick arguments of the script it
 * names so a run takes seconds. Playwright's global setup starts every report the lessons can compare once, side by
 * side, in the background (they are inputs, not timings); a test run without it makes each on first use.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExample } from '../../src/lib/examples/metadata.ts';
import { reportCommand } from '../../src/lib/your-run/report-command.ts';
import { signalGroup } from '../../scripts/lib/run.ts';
import { SITE_BUILDS } from './site-builds.ts';

/** Where the global setup leaves the reports, one `<slug>.json` each (Playwright passes it on to its workers). */
const DIR_VARIABLE = 'LEARNER_REPORTS_DIR';
const made = new Map<string, string>();

/** The learner's command in the example's folder: its report command plus the script's quick arguments. */
function command(slug: string): { file: string; args: string[]; cwd: string } {
	const example = loadExample(slug);
	const { args } = reportCommand(slug);
	const script = example.scripts.find((s) => s.file === args[0]);
	const quick = script && !args.slice(1).some((a) => script.quickArgs.includes(a)) ? script.quickArgs : [];
	return { file: process.env.PYTHON ?? 'python3', args: [...args, ...quick], cwd: example.dir };
}

/** A report run takes seconds; this is a hang guard. */
const REPORT_TIMEOUT_MS = 120_000;

/**
 * Runs the example's report command and resolves with its stdout. It runs in a process group of its own, and a
 * timeout or `signal` ends the whole group: a report stopped early (the setup's `stop`) must not leave the worker
 * processes of its process pool behind, as killing the command alone did.
 */
function runReport(slug: string, signal?: AbortSignal): Promise<string> {
	const { file, args, cwd } = command(slug);
	return new Promise((resolve, reject) => {
		const child = spawn(file, args, { cwd, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
		const end = () => signalGroup(child.pid, 'SIGKILL');
		const timer = setTimeout(end, REPORT_TIMEOUT_MS);
		signal?.addEventListener('abort', end, { once: true });
		child.on('error', reject);
		child.on('close', (code, killedBy) => {
			clearTimeout(timer);
			signal?.removeEventListener('abort', end);
			if (code === 0) resolve(stdout);
			else reject(new Error(`${file} ${args.join(' ')} in ${cwd}: ${killedBy ?? `exit ${code}`}\n${stderr}`));
		});
	});
}

/**
 * The JSON text of a fresh report of the example (stdout of its report command): the global setup's, once it has
 * written it, or made here when there is none.
 */
export async function learnerReport(slug: string): Promise<string> {
	const cached = made.get(slug);
	if (cached) return cached;
	const dir = process.env[DIR_VARIABLE];
	const file = dir ? path.join(dir, `${slug}.json`) : null;
	let text: string | null = null;
	if (file) {
		// The setup writes each report whole (a rename), or a `.failed` file with why it could not.
		for (let waited = 0; !fs.existsSync(file) && !fs.existsSync(`${file}.failed`) && waited < 180_000; waited += 100)
			await new Promise((resolve) => setTimeout(resolve, 100));
		if (fs.existsSync(file)) text = fs.readFileSync(file, 'utf8');
	}
	if (text === null) text = await runReport(slug);
	made.set(slug, text);
	return text;
}

/**
 * Starts the report of every example the built lessons compare, all at once and in the background (a spec that
 * needs one waits for it; the others need not wait), for the workers to read. Returns the folder, a promise of
 * the end of every run, and how to stop those still running.
 */
export function makeLearnerReports(): { dir: string; done: Promise<unknown>; stop: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'learner-reports-'));
	const abort = new AbortController();
	const slugs = [...new Set(comparePages().flatMap((p) => p.examples))];
	const done = Promise.allSettled(
		slugs.map(async (slug) => {
			const target = path.join(dir, `${slug}.json`);
			try {
				const stdout = await runReport(slug, abort.signal);
				fs.writeFileSync(`${target}.part`, stdout);
				fs.renameSync(`${target}.part`, target);
			} catch (error) {
				fs.writeFileSync(`${target}.failed`, String(error));
			}
		}),
	);
	process.env[DIR_VARIABLE] = dir;
	return { dir, done, stop: () => abort.abort() };
}

/**
 * Lessons that show a measured figure, with the examples a learner can compare there: read from the built root
 * site (each figure's control carries `data-your-run="<slug>"`), never a hand-written list.
 */
export function comparePages(): Array<{ path: string; examples: string[] }> {
	const dir = path.resolve(SITE_BUILDS[0]!.outDir);
	const pages: Array<{ path: string; examples: string[] }> = [];
	const walk = (rel: string) => {
		for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
			const child = path.join(rel, entry.name);
			if (entry.isDirectory()) walk(child);
			else if (entry.name === 'index.html') {
				const html = fs.readFileSync(path.join(dir, child), 'utf8');
				const examples = [...new Set([...html.matchAll(/data-your-run="([a-z0-9-]+)"/g)].map((m) => m[1]!))];
				if (examples.length && !rel.startsWith('print'))
					pages.push({ path: rel ? `${rel.split(path.sep).join('/')}/` : '', examples });
			}
		}
	};
	if (fs.existsSync(dir)) walk('');
	return pages.sort((a, b) => a.path.localeCompare(b.path));
}
