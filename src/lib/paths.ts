/**
 * Folder and file conventions shared by the site, the build scripts and the tests.
 * Everything the site knows about an example is derived from these locations.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The folder holding package.json and examples/, found by walking up from this module. In the source tree that is
 * two levels up (src/lib/), but during `astro build` this module is bundled into dist/.prerender/chunks/, where a
 * fixed '../..' would point inside the build output. Falls back to the working directory.
 */
function findRepoRoot(): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'examples'))) return dir;
		const parent = path.dirname(dir);
		if (parent === dir) return process.cwd();
		dir = parent;
	}
}

/** Repository root. */
export const REPO_ROOT = findRepoRoot();

/** One folder per example project: `examples/<slug>/`. */
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** Metadata file inside each example folder. */
export const EXAMPLE_METADATA_FILE = 'example.json';

/** Exercises of an example: `examples/<slug>/exercises/<name>/`, each a folder that runs alone. */
export const EXERCISES_DIR_NAME = 'exercises';

/** The code example folders share, once: harness.py, latency_server.py, checker.py (downloads get it at build time). */
export const SHARED_DIR_NAME = '_shared';

/** JSON Schema that every example script's `--json` report must satisfy. */
export const TIMING_REPORT_SCHEMA = path.join(EXAMPLES_DIR, 'timing-report.schema.json');

/** Committed measurement files written by `npm run measure`: `measurements/<slug>.json`. */
export const MEASUREMENTS_DIR = path.join(REPO_ROOT, 'measurements');

/** Example slugs are folder names: lowercase words joined by dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
