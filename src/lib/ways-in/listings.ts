/**
 * Whole-file listings are pages of their own (src/pages/listings/[example]/[file].astro), fetched when a lesson's
 * "Whole file" panel opens, so a lesson's HTML carries only the excerpts it shows (ExampleCode).
 */
import type { Example } from '../examples/metadata.ts';

/** Folder of the listings under the site's base. */
export const LISTINGS_DIR = 'listings';

/** Text files a listing can show: every file of an example and of its exercises but data and binaries. */
export function listedFiles(example: Example): string[] {
	return [...example.files, ...example.exerciseFiles].filter((file) => /\.(py|md|json|txt|toml|cfg)$/.test(file));
}

/** The page part of a file's path: `exercises/threads/solution.py` -> `exercises-threads-solution-py`. */
export function listingKey(file: string): string {
	return file.replace(/[^A-Za-z0-9_]+/g, '-');
}

/** Site path of one file's listing (under the base): `listings/<example>/<key>/`. */
export function listingPath(slug: string, file: string): string {
	return `${LISTINGS_DIR}/${slug}/${listingKey(file)}/`;
}
