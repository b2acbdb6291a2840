/**
 * Whole-file listings are pages of their own (src/pages/listings/[example]/[file].astro), fetched when a lesson's
 * "Whole file" panel opens, so a lesson's HTML carries only the excerpts it shows (ExampleCode).
 */
import path from 'node:path';
import type { Example } from '../examples/metadata.ts';

/** Folder of the listings under the site's base. */
export const LISTINGS_DIR = 'listings';

/**
 * Text files a listing can show: the example's and its exercises' own files, but data and binaries. Not the shared
 * modules a download adds or a link stands in for (harness.py, an exercise's checker.py): no lesson shows them, and
 * highlighting their thousand-odd lines again for every example cost the build some 30 s.
 */
export function listedFiles(example: Example): string[] {
	const own = (file: string) => {
		const source = path.resolve(example.sources.get(file) ?? path.join(example.dir, file));
		return source.startsWith(path.resolve(example.dir) + path.sep);
	};
	return [...example.files, ...example.exerciseFiles].filter(
		(file) => /\.(py|md|json|txt|toml|cfg)$/.test(file) && own(file),
	);
}

/** The page part of a file's path: `exercises/threads/solution.py` -> `exercises-threads-solution-py`. */
export function listingKey(file: string): string {
	return file.replace(/[^A-Za-z0-9_]+/g, '-');
}

/** Site path of one file's listing (under the base): `listings/<example>/<key>/`. */
export function listingPath(slug: string, file: string): string {
	return `${LISTINGS_DIR}/${slug}/${listingKey(file)}/`;
}
