/**
 * The three ways into an example — open it in StackBlitz, download a zip, or run it from a clone — as URLs and
 * commands. Components render these, and the tests run exactly these commands, so what a lesson shows is what is
 * tested.
 */
import type { Example, ExampleScript } from '../examples/metadata.ts';

/** The command a learner types; on Windows it is `py` (said next to the commands). */
export const PYTHON = 'python3';

/** Joins the site's base (`/` or `/concurrency/`, with or without a trailing slash) and a path inside the site. */
export function withBase(base: string, sitePath: string): string {
	return `${base.replace(/\/+$/, '')}/${sitePath.replace(/^\/+/, '')}`;
}

/** Site path of an example's zip, built by src/pages/downloads/[slug].zip.ts. */
export function zipPath(slug: string): string {
	return `downloads/${slug}.zip`;
}

/** Site path of an example's StackBlitz payload, built by src/pages/stackblitz/[slug].json.ts. */
export function payloadPath(slug: string): string {
	return `stackblitz/${slug}.json`;
}

/** The launcher in every example folder: it runs the shared harness (examples/_shared/harness.py) on the folder. */
export const HARNESS_LAUNCHER = 'compare.py';

/**
 * What a learner runs: `python3 threads.py` for a variant (plain Python, prints its own time); `python3 compare.py`
 * for a comparison, `python3 compare.py sweep` for a sweep.
 */
export function scriptCommand(script: ExampleScript): string {
	if (script.role === 'variant') return `${PYTHON} ${script.file}`;
	return `${PYTHON} ${HARNESS_LAUNCHER}${script.role === 'sweep' ? ` ${script.variant}` : ''}`;
}

/**
 * The arguments of `python3 compare.py VARIANT --json ...args`: the harness imports the plain variant, times it
 * from outside and prints its report (examples/timing-report.schema.json). Measurements, tests, StackBlitz and the
 * in-page runner all run a script this way.
 */
export function reportArgs(script: ExampleScript, args: readonly string[]): string[] {
	return [HARNESS_LAUNCHER, script.variant, '--json', ...args];
}

/** `python3 compare.py threads`: the harness's run of one variant, with its table and timeline. */
export function harnessCommand(script: ExampleScript): string {
	return `${PYTHON} ${HARNESS_LAUNCHER} ${script.variant}`;
}

/** From a clone of the repository: go to the folder, then run each script in teaching order. */
export function cloneCommands(example: Example): string[] {
	return [`cd examples/${example.slug}`, ...example.scripts.map(scriptCommand)];
}

/** From the unzipped download: the zip holds one folder named after the example. */
export function zipCommands(example: Example): string[] {
	return [`cd ${example.slug}`, ...example.scripts.map(scriptCommand)];
}
