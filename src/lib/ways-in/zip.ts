/**
 * Builds an example's download: a zip holding one folder, `<slug>/`, with every file the example needs to run with
 * plain `python3` (its scripts, the shared harness and modules it needs, example.json and the README with the
 * commands), and its exercises (`<slug>/exercises/<name>/`).
 *
 * Deterministic, so the same example gives the same bytes on every build and machine: entries are sorted, and every
 * entry gets the same fixed timestamp and Unix permissions (never the file's own mtime, never the build's clock).
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Example } from '../examples/metadata.ts';
import { LINK_FILE } from '../examples/shared-files.ts';
import { EXAMPLES_DIR, SHARED_DIR_NAME } from '../paths.ts';

/**
 * 2000-01-01 00:00:00 in local time. Zip stores "DOS time" without a time zone and fflate reads the local fields of
 * the date, so a date built from local fields (when zipping, in the current TZ) encodes the same in every time zone.
 */
export function zipTimestamp(): Date {
	return new Date(2000, 0, 1, 0, 0, 0);
}

/** Unix, rw-r--r--: unzip gives learners ordinary files (the scripts run as `python3 file.py`, no +x needed). */
function zipAttributes() {
	return { os: 3, attrs: 0o100644 << 16, mtime: zipTimestamp() };
}

/** Name a learner sees for the download. */
export function zipFileName(slug: string): string {
	return `${slug}.zip`;
}

/** Entry names inside the zip (`<slug>/<file>`, exercises included), sorted: the zip's table of contents. */
export function zipEntryNames(example: Example): string[] {
	return zippedFiles(example)
		.map((file) => `${example.slug}/${file}`)
		.sort();
}

/** Files of an example that its zip holds, relative to its folder: its own and its exercises'. */
function zippedFiles(example: Example): string[] {
	return [...example.files, ...example.exerciseFiles];
}

/** The zip's bytes. Files are read as bytes (never re-encoded). */
export function buildExampleZip(example: Example): Uint8Array {
	return zipFiles(zippedFiles(example).map((file) => [`${example.slug}/${file}`, sourceOf(example, file)]));
}

/** The file a zip entry is read from: the folder's own, or the shared module a download gets (harness.py, links). */
function sourceOf(example: Example, file: string): string {
	return example.sources.get(file) ?? path.join(example.dir, file);
}

/**
 * Folder that the all-examples zip unzips into; each example is a folder inside it, as in `examples/`. Short, since a
 * zip stores every entry's full name twice: each character here costs some 180 bytes over the zip's 90 entries.
 */
export const ALL_EXAMPLES_FOLDER = 'concurrency-examples';

/** Name a learner sees for the download of every example at once (src/pages/downloads/ has a route of that name). */
export const ALL_EXAMPLES_ZIP = 'speed-up-python-with-concurrency-examples.zip';

/**
 * Files of `examples/` itself that the all-examples zip holds beside the example folders: the examples' README (each
 * example's README points to it), the report's schema it describes, and the shared code once, in `_shared/`, where
 * each folder's compare.py and each exercise's links find it, as in a clone of the repository.
 */
export const ALL_EXAMPLES_EXTRAS = [
	'README.md',
	'timing-report.schema.json',
	`${SHARED_DIR_NAME}/${LINK_FILE}`,
	...['harness.py', 'checker.py', 'latency_server.py', 'compare.py'].map((file) => `${SHARED_DIR_NAME}/${file}`),
];

/** [entry name, source] of the all-examples zip: the folders as in a clone (no injected copies), and the extras. */
function allExamplesFiles(examples: Example[], examplesDir: string = EXAMPLES_DIR): Array<[string, string]> {
	const own = examples.flatMap((example) =>
		[...example.files, ...example.exerciseFiles]
			.filter((file) => fs.existsSync(path.join(example.dir, file)))
			.map((file): [string, string] => [
				`${ALL_EXAMPLES_FOLDER}/${example.slug}/${file}`,
				path.join(example.dir, file),
			]),
	);
	const extras = ALL_EXAMPLES_EXTRAS.map((file): [string, string] => [
		`${ALL_EXAMPLES_FOLDER}/${file}`,
		path.join(examplesDir, file),
	]);
	return [...own, ...extras];
}

/**
 * Entry names of the all-examples zip, sorted: `<folder>/<slug>/<file>` for every file of every example folder
 * (exercises included), as a clone has them, and `<folder>/README.md` and `<folder>/_shared/...` once.
 */
export function allExamplesEntryNames(examples: Example[]): string[] {
	return allExamplesFiles(examples)
		.map(([name]) => name)
		.sort();
}

/**
 * Every example in one deterministic zip, laid out as `examples/` in a clone: the shared code once in `_shared/`,
 * which each folder's compare.py (and each exercise's checker.py link) finds there. Each example's own zip holds
 * its copies instead, so that one folder runs alone.
 */
export function buildAllExamplesZip(examples: Example[]): Uint8Array {
	return zipFiles(allExamplesFiles(examples));
}

/** Zips [entry name, file on disk] pairs: sorted by name, fixed timestamp and permissions, maximum compression. */
function zipFiles(files: Array<[name: string, source: string]>): Uint8Array {
	const attributes = zipAttributes();
	const entries: Zippable = {};
	for (const [name, source] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (entries[name] !== undefined) throw new Error(`zip: two files named ${name}`);
		entries[name] = [new Uint8Array(fs.readFileSync(source)), { ...attributes }];
	}
	return zipSync(entries, { level: 9, ...attributes });
}
