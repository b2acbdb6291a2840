/**
 * Reports made as a learner makes them: the example's report command (example.json `reportCommand`, see
 * src/lib/your-run/report-command.ts), run in its folder with `python3`, with the quick arguments of the script it
 * names so a run takes seconds. Playwright's global setup makes every report the lessons can compare once, side by
 * side, before the tests start (they are inputs, not timings); a test run without it makes each on first use.
 */
import { execFile, execFileSync } from 'node:child_process';
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

/** The JSON text of a fresh report of the example (stdout of its report command). */
export function learnerReport(slug: string): string {
	const cached = made.get(slug);
	if (cached) return cached;
	const dir = process.env[DIR_VARIABLE];
	const file = dir ? path.join(dir, `${slug}.json`) : null;
	const { file: python, args, cwd } = command(slug);
	const text =
		file && fs.existsSync(file)
			? fs.readFileSync(file, 'utf8')
			: execFileSync(python, args, { cwd, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
	made.set(slug, text);
	return text;
}

/** Makes the report of every example the built lessons compare, all at once, for the workers; returns the folder. */
export async function makeLearnerReports(): Promise<string> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'learner-reports-'));
	const slugs = [...new Set(comparePages().flatMap((p) => p.examples))];
	await Promise.all(
		slugs.map(async (slug) => {
			const { file, args, cwd } = command(slug);
			const { stdout } = await promisify(execFile)(file, args, { cwd, encoding: 'utf8', timeout: 120_000 });
			fs.writeFileSync(path.join(dir, `${slug}.json`), stdout);
		}),
	);
	process.env[DIR_VARIABLE] = dir;
	return dir;
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
