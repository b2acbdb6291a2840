/**
 * One idea per module: no code module in `src/` is over 300 lines (issue 21). A module that grows past it holds more
 * than one idea: split it into modules named for them (ARCHITECTURE.md says where each idea lives).
 *
 * Counted: TypeScript, JavaScript and Astro files. Not counted: test files, whose length follows the number of
 * scenarios they check (one `it` per scenario, tables of cases), not the ideas of the module they test, so splitting
 * them by length would scatter one module's cases; lessons (MDX), whose length is the lesson's prose; stylesheets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lib/paths.ts';

export const MAX_MODULE_LINES = 300;
const SRC = path.join(REPO_ROOT, 'src');
const MODULE = /\.(ts|mts|cts|js|mjs|cjs|astro)$/;
const TEST = /\.test\.[cm]?[jt]s$/;

/** Lines as `wc -l` counts them: a last line without its line break still counts. */
export function lineCount(text: string): number {
	if (text === '') return 0;
	const breaks = text.split('\n').length - 1;
	return text.endsWith('\n') ? breaks : breaks + 1;
}

function modules(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : modules(file);
		return MODULE.test(entry.name) && !TEST.test(entry.name) ? [file] : [];
	});
}

describe('module size', () => {
	it('counts lines as wc -l does', () => {
		expect(lineCount('')).toBe(0);
		expect(lineCount('a\n')).toBe(1);
		expect(lineCount('a\nb')).toBe(2);
		expect(lineCount('a\n\nb\n')).toBe(3);
	});

	it('finds the modules: Astro components, TypeScript and the runner scripts, but no tests', () => {
		const found = modules(SRC).map((file) => path.relative(SRC, file));
		expect(found).toContain(path.join('stackblitz', 'run-python.mjs'));
		expect(found).toContain(path.join('lib', 'paths.ts'));
		expect(found.some((file) => file.endsWith('.astro'))).toBe(true);
		expect(found.filter((file) => TEST.test(file))).toEqual([]);
	});

	it(`no module in src/ is over ${MAX_MODULE_LINES} lines`, () => {
		const tooLong = modules(SRC)
			.map((file) => ({ file: path.relative(REPO_ROOT, file), lines: lineCount(fs.readFileSync(file, 'utf8')) }))
			.filter(({ lines }) => lines > MAX_MODULE_LINES)
			.map(({ file, lines }) => `${file}: ${lines} lines`);
		expect(tooLong, 'split each by idea, one idea per module named for it').toEqual([]);
	});
});
