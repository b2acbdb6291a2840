/**
 * No line over 120 characters, for what Prettier cannot wrap: long strings, comments and the lessons' MDX prose
 * (Prettier leaves MDX alone, see .prettierignore). A line is let through when only a URL makes it long.
 * Usage: npm run check:lines   (lists each long line as file:line: length, exits 1 when there is one)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/lib/paths.ts';

export const MAX_LINE = 120;
/** Files written by hand in the repo's languages; data files (JSON) and Python (79 columns) have their own rules. */
const CHECKED = /\.(ts|mts|cts|js|mjs|cjs|astro|css|mdx)$/;

/** Length in characters (code points, so "µ" or "×" count once), not counting URLs that could not be split. */
export function lineLength(line: string): number {
	const withoutUrls = line.replace(/https?:\/\/\S+/g, 'URL');
	return [...(withoutUrls.length < line.length ? withoutUrls : line)].length;
}

/**
 * MDX lines that cannot wrap without changing the page: a Markdown table row, a line that starts with a component
 * tag (its length is the tag's attributes; a line break before a tag splits the paragraph), and one attribute of a
 * tag written over several lines (a line break inside its string would be part of the value).
 */
export function unwrappableMdx(line: string): boolean {
	return /^\s*(\||<|[A-Za-z]+=)/.test(line);
}

/** `file:line: N characters` for every line over {@link MAX_LINE} in one text. */
export function longLines(file: string, text: string): string[] {
	const mdx = file.endsWith('.mdx');
	return text.split('\n').flatMap((line, i) => {
		const length = lineLength(line);
		return length > MAX_LINE && !(mdx && unwrappableMdx(line)) ? [`${file}:${i + 1}: ${length} characters`] : [];
	});
}

if (import.meta.main) {
	const files = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' })
		.split('\n')
		.filter((file) => CHECKED.test(file) && fs.existsSync(path.join(REPO_ROOT, file)));
	const found = files.flatMap((file) => longLines(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')));
	for (const line of found) console.log(line);
	console.log(
		found.length === 0
			? `No line over ${MAX_LINE} characters in ${files.length} files.`
			: `${found.length} lines over ${MAX_LINE} characters: wrap them (Prettier wraps code: npm run format).`,
	);
	process.exit(found.length === 0 ? 0 : 1);
}
