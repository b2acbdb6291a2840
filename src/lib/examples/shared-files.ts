/**
 * The shared code lives once, in `examples/_shared/`: a download (zip, StackBlitz project, in-page runner) gets it
 * at build time. Each example folder gets `harness.py` beside its `compare.py`; a file that the repository keeps as
 * a copy of `_shared/link.py` (an exercise's `checker.py` or `latency_server.py`, which run the shared module from a
 * clone) is replaced by the module itself. See examples/sync_shared.py for the few committed copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES_DIR, SHARED_DIR_NAME } from '../paths.ts';

/** Modules of `examples/_shared/` that every example folder's download holds beside its files. */
export const INJECTED_MODULES = ['harness.py'] as const;

/** The stand-in the repository keeps where a download holds a shared module (examples/_shared/link.py). */
export const LINK_FILE = 'link.py';

/**
 * Where each file of a download comes from: `rel -> absolute path`, for the folder's own files (`files`, relative to
 * `dir`) plus the injected modules. Links are resolved to the shared module of the same name.
 */
export function downloadSources(
	dir: string,
	files: readonly string[],
	examplesDir: string = EXAMPLES_DIR,
): Map<string, string> {
	const shared = path.join(examplesDir, SHARED_DIR_NAME);
	const linkPath = path.join(shared, LINK_FILE);
	const link = fs.existsSync(linkPath) ? fs.readFileSync(linkPath) : null;
	const sources = new Map<string, string>();
	for (const file of files) {
		const own = path.join(dir, file);
		const isLink = link !== null && file.endsWith('.py') && fs.readFileSync(own).equals(link);
		sources.set(file, isLink ? path.join(shared, path.basename(file)) : own);
	}
	for (const module of INJECTED_MODULES) {
		const source = path.join(shared, module);
		if (fs.existsSync(source) && !sources.has(module)) sources.set(module, source);
	}
	return sources;
}
