/**
 * Lessons that show <RunExample example="…" />, found in the lesson sources (never a hand-written list), as paths
 * relative to the site's base.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/paths.ts';

export function runExamplePages(): Array<{ path: string; slug: string }> {
	const docs = path.join(REPO_ROOT, 'src', 'content', 'docs');
	const found: Array<{ path: string; slug: string }> = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (/\.mdx?$/.test(entry.name)) {
				const source = fs.readFileSync(full, 'utf8');
				const slug = /<RunExample\s+example="([^"]+)"/.exec(source)?.[1];
				const page = path
					.relative(docs, full)
					.replace(/\.mdx?$/, '')
					.replace(/(^|\/)index$/, '');
				if (slug) found.push({ path: page ? `${page}/` : '', slug });
			}
		}
	};
	walk(docs);
	return found.sort((a, b) => a.path.localeCompare(b.path));
}
