/**
 * Every example's zip, used as a learner would: unzipped into an empty folder with Python's own unzip
 * (`python3 -m zipfile -e`), holding the example byte for byte. Each exercise in the zip is checked there, with the
 * commands the lesson shows and its solution: `python3 check.py solution.py` passes.
 *
 * Every script of every zip runs, as a learner gets it, through a chain of equalities rather than a second run:
 * the zip the built site serves is byte for byte the one buildExampleZip makes (tests/e2e/ways-in.spec.ts), which
 * unzips into the example's files byte for byte (here), and every one of those files runs with the commands the
 * lesson shows in tests/integration/clone.run.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/lib/examples/metadata.ts';
import { exerciseCommands, loadExercises } from '../../src/lib/exercises/load.ts';
import { INJECTED_MODULES } from '../../src/lib/examples/shared-files.ts';
import { zipCommands } from '../../src/lib/ways-in/commands.ts';
import {
	ALL_EXAMPLES_FOLDER,
	ALL_EXAMPLES_ZIP,
	buildAllExamplesZip,
	buildExampleZip,
	zipFileName,
} from '../../src/lib/ways-in/zip.ts';
import { NO_PYTHON, PYTHON } from '../support/interpreters.ts';
import { runCommand, runScriptForReport } from '../payload/reports.ts';

const examples = loadExamples();
const python = PYTHON ?? 'python3'; // not run without one: see the describe below
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-run-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.skipIf(!PYTHON)(`the downloaded zips, used as a learner would${NO_PYTHON}`, () => {
	describe.each(examples.map((example) => [example.slug, example] as const))(
		'the downloaded %s.zip',
		(slug, example) => {
			const home = path.join(root, slug); // a learner's empty folder
			let folder = '';

			it('unzips into one folder holding the example, byte for byte', async () => {
				fs.mkdirSync(home);
				const zip = path.join(home, zipFileName(slug));
				fs.writeFileSync(zip, buildExampleZip(example));
				const unzip = await runCommand(python, ['-m', 'zipfile', '-e', zip, '.'], { cwd: home, timeoutMs: 30_000 });
				expect(unzip.code, unzip.stderr).toBe(0);
				expect(fs.readdirSync(home).sort()).toEqual([slug, zipFileName(slug)].sort());
				const [cd, ...rest] = zipCommands(example);
				expect(cd).toBe(`cd ${slug}`);
				expect(rest.length).toBe(example.scripts.length);
				folder = path.join(home, cd!.slice(3));
				const all = [...example.files, ...example.exerciseFiles];
				const unzipped = fs
					.readdirSync(folder, { recursive: true, withFileTypes: true })
					.filter((entry) => entry.isFile());
				expect(
					unzipped
						.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
						.sort(),
				).toEqual(all.sort());
				for (const file of all) {
					// A download holds the shared modules themselves where the repository keeps a link (sources).
					const source = example.sources.get(file) ?? path.join(example.dir, file);
					expect(fs.readFileSync(path.join(folder, file)).equals(fs.readFileSync(source)), file).toBe(true);
				}
			});

			const exercises = loadExercises(example);
			it.runIf(exercises.length > 0).each(exercises.map((exercise) => [exercise.name, exercise] as const))(
				'holds the exercise %s, whose check passes the solution there',
				async (_name, exercise) => {
					const [cd, run, check] = exerciseCommands(exercise, 'zip');
					expect([run, check]).toEqual(['python3 exercise.py', 'python3 check.py']);
					const dir = path.join(home, cd!.slice(3));
					const result = await runCommand(python, ['check.py', 'solution.py'], { cwd: dir, timeoutMs: 90_000 });
					expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
					expect(result.stdout).toContain('All checks passed.');
				},
			);
		},
	);

	describe('the zip of every example', () => {
		const home = path.join(root, 'all'); // a learner's empty folder
		const folder = path.join(home, ALL_EXAMPLES_FOLDER);

		it('unzips into one folder holding every example folder, byte for byte', async () => {
			fs.mkdirSync(home);
			fs.writeFileSync(path.join(home, ALL_EXAMPLES_ZIP), buildAllExamplesZip(examples));
			const unzip = await runCommand(python, ['-m', 'zipfile', '-e', ALL_EXAMPLES_ZIP, '.'], {
				cwd: home,
				timeoutMs: 30_000,
			});
			expect(unzip.code, unzip.stderr).toBe(0);
			expect(
				fs
					.readdirSync(folder)
					.filter((name) => !name.includes('.') && name !== '_shared')
					.sort(),
			).toEqual(examples.map((e) => e.slug).sort());
			for (const file of INJECTED_MODULES) expect(fs.existsSync(path.join(folder, '_shared', file)), file).toBe(true);
			// Laid out as a clone: the shared modules once, in _shared/; each folder keeps its own files and links.
			for (const example of examples) {
				for (const file of example.files.filter((f) => !(INJECTED_MODULES as readonly string[]).includes(f))) {
					expect(
						fs
							.readFileSync(path.join(folder, example.slug, file))
							.equals(fs.readFileSync(path.join(example.dir, file))),
						file,
					).toBe(true);
				}
			}
		});

		// One script per folder (the first in teaching order): each folder runs on its own, as in its own zip.
		it.each(examples.map((example) => [example.slug, example] as const))(
			'runs the first script of %s from its folder',
			async (slug, example) => {
				const script = example.scripts[0]!;
				const { problems, ms } = await runScriptForReport(
					zipCommands(example)[1]!,
					script,
					example,
					path.join(folder, slug),
					python,
				);
				expect(problems).toEqual([]);
				expect(ms).toBeLessThan(60_000);
			},
		);
	});
});
