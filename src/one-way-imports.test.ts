/**
 * Data flows one way: examples/ -> src/ -> pages, payloads, zips, figures and tests. `scripts/` and `tests/` may use
 * `src/`, never the other way round, so the site builds without the tooling and the tooling cannot shape the site.
 * This test lists every import in `src/` (static, dynamic, re-export) that reaches into `scripts/` or `tests/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lib/paths.ts';

const SRC = path.join(REPO_ROOT, 'src');
const FORBIDDEN = ['scripts', 'tests'].map((dir) => path.join(REPO_ROOT, dir));
const SOURCE = /\.(ts|mts|cts|tsx|js|mjs|cjs|astro|mdx)$/;
/** `from '…'`, `import '…'`, `import('…')` and `export … from '…'`; the quotes must match. */
const SPECIFIER = /(?:\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*)(['"`])([^'"`\n]+)\1/gm;

/** Every import specifier of a source text, with its line number. */
export function importSpecifiers(source: string): Array<{ line: number; specifier: string }> {
	return [...source.matchAll(SPECIFIER)].map((match) => ({
		line: source.slice(0, match.index).split('\n').length,
		specifier: match[2]!,
	}));
}

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
		return SOURCE.test(entry.name) ? [file] : [];
	});
}

/** `src/x.ts:3 imports ../scripts/y.ts` for each import of a file under scripts/ or tests/. */
function backwardImports(): string[] {
	const self = path.join(SRC, 'one-way-imports.test.ts'); // its own examples below are strings, not imports
	return sourceFiles(SRC)
		.filter((file) => file !== self)
		.flatMap((file) =>
			importSpecifiers(fs.readFileSync(file, 'utf8'))
				.filter(({ specifier }) => specifier.startsWith('.') || specifier.startsWith('/'))
				.filter(({ specifier }) => {
					const target = path.resolve(path.dirname(file), specifier);
					return FORBIDDEN.some((dir) => target === dir || target.startsWith(dir + path.sep));
				})
				.map(({ line, specifier }) => `${path.relative(REPO_ROOT, file)}:${line} imports ${specifier}`),
		);
}

describe('one-way imports', () => {
	it('finds static, dynamic and re-exported imports', () => {
		const source = [
			"import { a } from '../scripts/a.ts';",
			'import "./side-effect.ts";',
			"const b = await import('../tests/b.ts');",
			"export { c } from './c.ts';",
			"import type {\n\tD,\n} from './d.ts';",
		].join('\n');
		expect(importSpecifiers(source)).toEqual([
			{ line: 1, specifier: '../scripts/a.ts' },
			{ line: 2, specifier: './side-effect.ts' },
			{ line: 3, specifier: '../tests/b.ts' },
			{ line: 4, specifier: './c.ts' },
			{ line: 7, specifier: './d.ts' },
		]);
	});

	it('src/ imports nothing from scripts/ or tests/', () => {
		expect(backwardImports(), 'move the code src/ needs into src/, or the importing file out of src/').toEqual([]);
	});
});
