/**
 * The three ways into an example — open it in StackBlitz, download a zip, or run it from a clone — as URLs and
 * commands. Components render these, and the tests run exactly these commands, so what a lesson shows is what is tested.
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

/** `python3 threads.py`: what a learner runs; tests append `--json` and the quick arguments. */
export function scriptCommand(script: ExampleScript): string {
	return `${PYTHON} ${script.file}`;
}

/** From a clone of the repository: go to the folder, then run each script in teaching order. */
export function cloneCommands(example: Example): string[] {
	return [`cd examples/${example.slug}`, ...example.scripts.map(scriptCommand)];
}

/** From the unzipped download: the zip holds one folder named after the example. */
export function zipCommands(example: Example): string[] {
	return [`cd ${example.slug}`, ...example.scripts.map(scriptCommand)];
}
