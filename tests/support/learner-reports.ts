/**
 * Reports made as a learner makes them: the example's report command (example.json `reportCommand`, see
 * src/lib/your-run/report-command.ts), run in a copy-free way in its folder with `python3`, with the quick arguments
 * of the script it names so a test takes seconds. Each example's report is made once per test worker.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadExample } from '../../src/lib/examples/metadata.ts';
import { reportCommand } from '../../src/lib/your-run/report-command.ts';
import { SITE_BUILDS } from './site-builds.ts';

const made = new Map<string, string>();

/** The JSON text of a fresh report of the example (stdout of its report command). */
export function learnerReport(slug: string): string {
	const cached = made.get(slug);
	if (cached) return cached;
	const example = loadExample(slug);
	const { args } = reportCommand(slug);
	const script = example.scripts.find((s) => s.file === args[0]);
	// The learner's command as it is, plus the script's quick arguments (fewer items) when it is one of the scripts.
	const quick = script && !args.slice(1).some((a) => script.quickArgs.includes(a)) ? script.quickArgs : [];
	const text = execFileSync(process.env.PYTHON ?? 'python3', [...args, ...quick], {
		cwd: example.dir,
		encoding: 'utf8',
		timeout: 120_000,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	made.set(slug, text);
	return text;
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
