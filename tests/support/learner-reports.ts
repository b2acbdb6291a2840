/**
 * Reports made as a learner makes them: the example's report command (example.json `reportCommand`, see
 * src/lib/your-run/report-command.ts), run in its folder with `python3`, with the quick arguments of the script it
 * names so a run takes seconds. Playwright's global setup starts every report the lessons can compare once, side by
 * side, in the background (they are inputs, not timings); a test run without it makes each on first use.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadExample } from '../../src/lib/examples/metadata.ts';
import { reportCommand } from '../../src/lib/your-run/report-command.ts';
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
	if (text === null) {
		const { file: python, args, cwd } = command(slug);
		text = (await promisify(execFile)(python, args, { cwd, encoding: 'utf8', timeout: 120_000 })).stdout;
	}
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
			const { file, args, cwd } = command(slug);
			const target = path.join(dir, `${slug}.json`);
			try {
				const options = { cwd, encoding: 'utf8' as const, timeout: 120_000, signal: abort.signal };
				const { stdout } = await promisify(execFile)(file, args, options);
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
