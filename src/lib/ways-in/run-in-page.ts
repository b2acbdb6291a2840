/**
 * "Run here": which scripts of an example can run inside a lesson page, with which arguments, and the files the
 * in-page runner serves. The page runs scripts in a Web Worker under Pyodide through the same harness as the
 * StackBlitz project (src/stackblitz/pyodide-harness.mjs), so example.json's `pyodide` field decides for both:
 * `runs` and `labelled` scripts run here (labelled ones keep their label), `skipped` ones say why they cannot.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readExampleFile, type Example, type ExampleScript } from '../examples/metadata.ts';
import { REPO_ROOT } from '../paths.ts';

/** Folder of the built site (under its base) holding the runner: worker, harness, Pyodide, the examples' files. */
export const RUN_IN_PAGE_DIR = 'run-in-page';
/** The worker module, loaded on the first click. */
export const WORKER_FILE = 'worker.mjs';
/** Sub-folder of {@link RUN_IN_PAGE_DIR} holding the files copied from the `pyodide` npm package. */
export const PYODIDE_SUBDIR = 'pyodide';
/**
 * The files of the `pyodide` package that loadPyodide() fetches in a browser: the loader, the Emscripten module, the
 * WebAssembly binary, the standard library and the package lock file (read at start-up; no package is installed, the
 * examples use the standard library only).
 */
export const PYODIDE_FILES = [
	'pyodide.mjs',
	'pyodide.asm.mjs',
	'pyodide.asm.wasm',
	'python_stdlib.zip',
	'pyodide-lock.json',
] as const;

/** The `pyodide` package folder, wherever npm put it. */
export function pyodidePackageDir(): string {
	const require = createRequire(path.join(REPO_ROOT, 'package.json'));
	return path.dirname(require.resolve('pyodide/package.json'));
}

/** One file the site serves under `<base>run-in-page/`: where it comes from, and its path inside that folder. */
export interface RunnerAsset {
	from: string;
	to: string;
}

/** Every static file of the runner: the worker, the shared harness, and Pyodide. Never committed; copied at build. */
export function runnerAssets(): RunnerAsset[] {
	const pyodide = pyodidePackageDir();
	return [
		{ from: path.join(REPO_ROOT, 'src', 'run-in-page', WORKER_FILE), to: WORKER_FILE },
		{ from: path.join(REPO_ROOT, 'src', 'stackblitz', 'pyodide-harness.mjs'), to: 'pyodide-harness.mjs' },
		...PYODIDE_FILES.map((file) => ({ from: path.join(pyodide, file), to: `${PYODIDE_SUBDIR}/${file}` })),
	];
}

/** Bytes a first run downloads (uncompressed; a host that compresses sends about half), computed from the files. */
export function downloadBytes(assets: RunnerAsset[] = runnerAssets()): number {
	return assets.reduce((total, asset) => total + fs.statSync(asset.from).size, 0);
}

/** `13.6 MB`: decimal megabytes, one decimal, as download sizes are usually given. */
export function formatMegabytes(bytes: number): string {
	return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Site path of the worker (join with the base, see ways-in.ts `withBase`). */
export function workerPath(): string {
	return `${RUN_IN_PAGE_DIR}/${WORKER_FILE}`;
}

/** Site path of an example's Python files for the runner, built by src/pages/run-in-page/examples/[slug].json.ts. */
export function exampleFilesPath(slug: string): string {
	return `${RUN_IN_PAGE_DIR}/examples/${slug}.json`;
}

/**
 * What the worker writes into Pyodide's file system: every .py file of the example folder (the versions, compare.py
 * and the harness) and example.json, which the harness reads, with the loader the zips and StackBlitz payloads use.
 * Sorted by name.
 */
export function inPageFiles(example: Example): Record<string, string> {
	return Object.fromEntries(
		example.files
			.filter((file) => file.endsWith('.py') || file === 'example.json')
			.map((file) => [file, readExampleFile(example, file)]),
	);
}

/** Whether one file can run in the page, from example.json. */
export type InPageSupport =
	| { runnable: true; script: ExampleScript; args: string[]; label: string | null }
	| { runnable: false; script: ExampleScript; reason: string };

/**
 * How `file` fares in the page, or null when it is not one of the example's scripts (a shared module such as
 * harness.py: nothing to run). `args` replaces the script's quick arguments (the ones the tests and StackBlitz use).
 */
export function inPageSupport(example: Example, file: string, args?: string[]): InPageSupport | null {
	const script = example.scripts.find((s) => s.file === file);
	if (!script) return null;
	const support = script.pyodide;
	if (support.status === 'skipped') return { runnable: false, script, reason: support.reason };
	return {
		runnable: true,
		script,
		args: args ?? script.quickArgs,
		label: support.status === 'labelled' ? support.label : null,
	};
}

/** The scripts of an example that can run in the page, in teaching order. */
export function runnableScripts(example: Example): ExampleScript[] {
	return example.scripts.filter((script) => inPageSupport(example, script.file)?.runnable);
}

/** Whether a label already warns that process_time() counts sleeping as CPU (then the page need not say it twice). */
export function labelMentionsCpuClock(label: string | null): boolean {
	return label !== null && /process_time/.test(label);
}
