/**
 * Every example from a clone of the repository, with the exact commands RunExample shows
 * (`cd examples/<slug>`, then `python3 <file>` per script), each run with `--json` and its quick arguments.
 *
 * The clone is a real `git clone` of this repository (its HEAD). An example whose folder has uncommitted changes
 * is tested as it will be committed instead: its tracked and untracked, not ignored files (`git ls-files`) are
 * copied over the clone's folder, and the test says so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/lib/examples/metadata.ts';
import { REPO_ROOT } from '../../src/lib/paths.ts';
import { INJECTED_MODULES } from '../../src/lib/examples/shared-files.ts';
import { cloneCommands } from '../../src/lib/ways-in/commands.ts';
import { NO_PYTHON, PYTHON } from '../support/interpreters.ts';
import { runScriptForReport } from '../payload/reports.ts';

const examples = loadExamples();
const python = PYTHON ?? 'python3'; // not run without one: see the describe below
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clone-run-'));
const clone = path.join(root, 'course');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.skipIf(!PYTHON)(`the examples in a clone, run with the commands shown${NO_PYTHON}`, () => {
	function git(args: string[], cwd = REPO_ROOT): string {
		const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
		return result.stdout;
	}

	const isRepo =
		spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim() ===
		'true';
	/** How each example's folder got into the clone: "git clone", or "working tree" when it has uncommitted changes. */
	const layout = new Map<string, string>();

	beforeAll(() => {
		if (isRepo) {
			git(['clone', '--quiet', '--depth', '1', `file://${REPO_ROOT}`, clone], root);
		} else {
			fs.mkdirSync(clone); // not a git checkout (e.g. a source tarball): use the folders as they are
		}
		for (const example of examples) {
			const folder = `examples/${example.slug}`;
			const dirty = !isRepo || git(['status', '--porcelain', '--', folder]).trim() !== '';
			if (!dirty) {
				layout.set(example.slug, 'git clone');
				continue;
			}
			const files = isRepo
				? git(['ls-files', '--cached', '--others', '--exclude-standard', '--', folder]).split('\n').filter(Boolean)
				: example.files.map((file) => `${folder}/${file}`);
			fs.rmSync(path.join(clone, folder), { recursive: true, force: true });
			for (const file of files) {
				if (!fs.existsSync(path.join(REPO_ROOT, file))) continue; // deleted but not yet committed
				fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
				fs.copyFileSync(path.join(REPO_ROOT, file), path.join(clone, file));
			}
			layout.set(example.slug, 'working tree (uncommitted changes: tested as they would be committed)');
		}
		console.log(`[clone] ${[...layout].map(([slug, how]) => `${slug}: ${how}`).join('; ')}`);
	}, 60_000);

	describe.each(examples.map((example) => [example.slug, example] as const))(
		'examples/%s from a clone',
		(slug, example) => {
			let folder = '';

			it('is where the first command says, with every file the site knows about', () => {
				const [cd, ...rest] = cloneCommands(example);
				expect(cd).toBe(`cd examples/${slug}`);
				expect(rest.length).toBe(example.scripts.length);
				folder = path.join(clone, cd!.slice(3));
				// A clone keeps the injected shared modules once, in examples/_shared/ (compare.py finds them there).
				for (const file of example.files.filter((f) => !(INJECTED_MODULES as readonly string[]).includes(f)))
					expect(fs.existsSync(path.join(folder, file)), `${file} (${layout.get(slug)})`).toBe(true);
				for (const file of INJECTED_MODULES)
					expect(fs.existsSync(path.join(folder, '..', '_shared', file)), `_shared/${file}`).toBe(true);
			});

			it.each(example.scripts.map((script, i) => [script.file, script, i] as const))(
				'runs %s with the command shown, printing a valid report',
				async (_file, script, i) => {
					const command = cloneCommands(example)[i + 1]!;
					const { problems, ms } = await runScriptForReport(command, script, example, folder, python);
					expect(problems).toEqual([]);
					expect(ms).toBeLessThan(60_000);
				},
			);
		},
	);
});
