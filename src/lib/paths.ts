/**
 * Folder and file conventions shared by the site, the build scripts and the tests.
 * Everything the site knows about an example is derived from these locations.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root (this file lives in `src/lib/`). */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** One folder per example project: `examples/<slug>/`. */
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** Metadata file inside each example folder. */
export const EXAMPLE_METADATA_FILE = 'example.json';

/** Canonical copies of modules that example folders share (each folder holds a synced copy). */
export const SHARED_DIR_NAME = '_shared';

/** JSON Schema that every example script's `--json` report must satisfy. */
export const TIMING_REPORT_SCHEMA = path.join(EXAMPLES_DIR, 'timing-report.schema.json');

/** Committed measurement files written by `npm run measure`: `measurements/<slug>.json`. */
export const MEASUREMENTS_DIR = path.join(REPO_ROOT, 'measurements');

/** Example slugs are folder names: lowercase words joined by dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
