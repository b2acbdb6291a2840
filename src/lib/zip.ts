/**
 * Builds an example's download: a zip holding one folder, `<slug>/`, with every file the example needs to run with
 * plain `python3` (its scripts, its copies of the shared modules, example.json and the README with the commands), and
 * its exercises (`<slug>/exercises/<name>/`).
 *
 * Deterministic, so the same example gives the same bytes on every build and machine: entries are sorted, and every
 * entry gets the same fixed timestamp and Unix permissions (never the file's own mtime, never the build's clock).
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Example } from './examples.ts';

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
	return [...example.files, ...example.exerciseFiles].map((file) => `${example.slug}/${file}`).sort();
}

/** The zip's bytes. Files are read as bytes (never re-encoded). */
export function buildExampleZip(example: Example): Uint8Array {
	const attributes = zipAttributes();
	const entries: Zippable = {};
	for (const name of zipEntryNames(example)) {
		const file = name.slice(example.slug.length + 1);
		entries[name] = [new Uint8Array(fs.readFileSync(path.join(example.dir, file))), { ...attributes }];
	}
	return zipSync(entries, { level: 9, ...attributes });
}
