/**
 * Loads and validates the example projects in `examples/<slug>/`.
 *
 * Data flows one way: the Python examples and their `example.json` know nothing of the site;
 * this module reads them at build time and everything else (pages, payloads, zips, tests) goes through it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EXAMPLES_DIR, EXAMPLE_METADATA_FILE, EXERCISES_DIR_NAME, SHARED_DIR_NAME, SLUG_PATTERN } from '../paths.ts';
import { downloadSources } from './shared-files.ts';

/** How a script behaves under Pyodide (CPython compiled to WebAssembly), which is what StackBlitz runs. */
export const pyodideSupportSchema = z.discriminatedUnion('status', [
	/** Runs unchanged, and what it shows is what it shows natively. */
	z.object({ status: z.literal('runs') }),
	/** Runs, but shows its idea differently (for instance latency simulated with `sleep`); `label` says how. */
	z.object({ status: z.literal('labelled'), label: z.string().min(1) }),
	/** Cannot run there; `reason` says exactly why (no threads, no multiprocessing, no sockets). */
	z.object({ status: z.literal('skipped'), reason: z.string().min(1) }),
]);
export type PyodideSupport = z.infer<typeof pyodideSupportSchema>;

/** An option a learner can pass to `compare.py` (examples/example.schema.json documents each field). */
export const exampleOptionSchema = z
	.object({
		/** The variant's module constant the option sets; its value there is the default. */
		constant: z.string().optional(),
		/** `int`, `float`, or `ints` (a list, for a sweep). */
		type: z.enum(['int', 'float', 'ints']),
		/** The value must be at least this. */
		min: z.number().optional(),
		/** The value must be greater than this. */
		above: z.number().optional(),
		/** Bigger values would swamp the machine: refused with one line, exit 2. */
		max: z.number().optional(),
		/** Capped silently at this other option's value (workers: one per item at most). */
		atMost: z.string().optional(),
		/** One line for `--help`. */
		help: z.string().min(1),
	})
	.passthrough();
export type ExampleOption = z.infer<typeof exampleOptionSchema>;

export const exampleScriptSchema = z.object({
	/** File name inside the example folder, e.g. `threads.py` (`compare.py` for a comparison or sweep). */
	file: z.string().regex(/^[A-Za-z0-9_]+\.py$/, 'must be a .py file name in the example folder'),
	/** Short id, unique within the example, used in reports and measurement files. */
	variant: z.string().regex(SLUG_PATTERN, 'must be lowercase words joined by dashes'),
	/** Human label for tables and charts. */
	label: z.string().min(1),
	/** One sentence on what the script does. */
	description: z.string().min(1),
	/** `variant`: a timed run of one approach; `compare`: runs several variants; `sweep`: runs a parameter sweep. */
	role: z.enum(['variant', 'compare', 'sweep']),
	/** Python the harness evaluates in the variant's namespace to run every item (variants only). */
	call: z.string().optional(),
	/** The per-item functions the harness wraps to record the timeline (variants only). */
	wrap: z.array(z.string()).optional(),
	/** Names of the example's `options` this entry takes. */
	options: z.array(z.string()).optional(),
	/** For a comparison or sweep: the variants it runs, the first as the baseline. */
	compares: z.array(z.string()).optional(),
	/** Arguments for a fast run, used by the tests (a few seconds at most): `compare.py <variant> --json ...`. */
	quickArgs: z.array(z.string()),
	/** Arguments for `npm run measure`: the run whose numbers the lessons show. */
	measureArgs: z.array(z.string()),
	/** Whether and how the script runs under Pyodide (StackBlitz). */
	pyodide: pyodideSupportSchema,
});
export type ExampleScript = z.infer<typeof exampleScriptSchema>;

export const exampleMetadataSchema = z.object({
	/** Optional pointer to the JSON Schema for editors. */
	$schema: z.string().optional(),
	/** The folder's name, which the reports carry wherever the folder is copied (StackBlitz, the in-page runner). */
	slug: z.string().regex(SLUG_PATTERN),
	/** Human title of the example project. */
	title: z.string().min(1),
	/** One sentence: what the example shows. */
	summary: z.string().min(1),
	/** Variant that speedups are computed against, or null when speedups don't apply. */
	baseline: z.string().nullable(),
	/** The command (run in the folder with python3) that prints the whole example's JSON report. */
	reportCommand: z.array(z.string()).min(1),
	/** Every option a learner can pass to `compare.py`, by name. */
	options: z.record(z.string(), exampleOptionSchema),
	/** What the lessons say about the figures, checked on every measurement (tests/support/freshness.ts). */
	claims: z.array(z.object({ kind: z.string(), variant: z.string(), because: z.string() }).passthrough()).optional(),
	/** Per folder `exercises/<name>/`, by name: what the tests expect of it (tests/python/test_exercises.py). */
	exercises: z
		.record(
			z.string(),
			/** `starterFails`: lines its check must print for the untouched exercise.py (the failure its task states). */
			z.object({ starterFails: z.array(z.string().startsWith('[FAIL] ')).min(1) }),
		)
		.optional(),
	/** The scripts, in teaching order. */
	scripts: z.array(exampleScriptSchema).min(1),
});

/** An example project as the site sees it. */
export interface Example extends z.infer<typeof exampleMetadataSchema> {
	/** Folder name under `examples/`. */
	slug: string;
	/** Absolute path of the folder. */
	dir: string;
	/**
	 * Every file a learner needs, relative to the folder, sorted: scripts, README, metadata, and the shared modules a
	 * download gets at build time (harness.py). {@link sources} says where each one is read from.
	 */
	files: string[];
	/** Where each file of `files` and `exerciseFiles` is read from (the shared module for injected files and links). */
	sources: Map<string, string>;
	/**
	 * The files of its exercises, `exercises/<name>/<file>`, sorted. They go into the zip (and a clone has them), but
	 * not into the StackBlitz payload: a checker runs the learner's code in a separate process, which Pyodide cannot.
	 */
	exerciseFiles: string[];
}

/** Thrown for any problem with an example folder; the message says what to fix. */
export class ExampleError extends Error {
	override name = 'ExampleError';
}

const cache = new Map<string, Example>();

/** Slugs of all example folders (folders under `examples/` that hold an `example.json`). */
export function listExampleSlugs(examplesDir: string = EXAMPLES_DIR): string[] {
	if (!fs.existsSync(examplesDir)) return [];
	return fs
		.readdirSync(examplesDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== SHARED_DIR_NAME && !entry.name.startsWith('.'))
		.filter((entry) => fs.existsSync(path.join(examplesDir, entry.name, EXAMPLE_METADATA_FILE)))
		.map((entry) => entry.name)
		.sort();
}

/** Does `examples/<slug>/example.json` exist? */
export function exampleExists(slug: string, examplesDir: string = EXAMPLES_DIR): boolean {
	return listExampleSlugs(examplesDir).includes(slug);
}

/**
 * Files a learner needs from an example folder: everything except caches, hidden files and (unless asked)
 * exercises.
 */
function listFiles(dir: string, prefix = '', withExercises = false): string[] {
	return fs
		.readdirSync(path.join(dir, prefix), { withFileTypes: true })
		.filter((entry) => !entry.name.startsWith('.') && entry.name !== '__pycache__' && !entry.name.endsWith('.pyc'))
		.filter((entry) => withExercises || prefix !== '' || entry.name !== EXERCISES_DIR_NAME)
		.flatMap((entry) => {
			const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
			return entry.isDirectory() ? listFiles(dir, rel, withExercises) : [rel];
		})
		.sort();
}

/** Loads and validates one example; throws an {@link ExampleError} that names the problem. */
export function loadExample(slug: string, examplesDir: string = EXAMPLES_DIR): Example {
	const key = `${examplesDir}\0${slug}`;
	const cached = cache.get(key);
	if (cached) return cached;

	const available = listExampleSlugs(examplesDir);
	if (!available.includes(slug)) {
		throw new ExampleError(
			`Example "${slug}" does not exist: expected ${path.join(examplesDir, slug, EXAMPLE_METADATA_FILE)}. ` +
				`Available examples: ${available.join(', ') || '(none)'}.`,
		);
	}
	const dir = path.join(examplesDir, slug);
	const metadataPath = path.join(dir, EXAMPLE_METADATA_FILE);
	let raw: unknown;
	try {
		raw = JSON.parse(fs.readFileSync(metadataPath, 'utf8'));
	} catch (error) {
		throw new ExampleError(`${metadataPath} is not valid JSON: ${(error as Error).message}`);
	}
	const parsed = exampleMetadataSchema.safeParse(raw);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
		throw new ExampleError(`${metadataPath} is invalid:\n${problems.join('\n')}`);
	}
	const metadata = parsed.data;
	const ownFiles = listFiles(dir);
	const exerciseFiles = fs.existsSync(path.join(dir, EXERCISES_DIR_NAME))
		? listFiles(dir, EXERCISES_DIR_NAME, true)
		: [];
	const sources = downloadSources(dir, [...ownFiles, ...exerciseFiles], examplesDir);
	const files = [...new Set([...ownFiles, ...sources.keys()])].filter((file) => !exerciseFiles.includes(file)).sort();

	const problems: string[] = [];
	if (metadata.slug !== slug) problems.push(`slug is "${metadata.slug}", but the folder is "${slug}"`);
	const variants = new Set<string>();
	for (const script of metadata.scripts) {
		if (!files.includes(script.file)) problems.push(`script ${script.file} is listed but missing`);
		if (variants.has(script.variant)) problems.push(`variant "${script.variant}" is listed twice`);
		variants.add(script.variant);
	}
	for (const script of metadata.scripts) {
		for (const option of script.options ?? []) {
			if (!(option in metadata.options))
				problems.push(`${script.file} takes option "${option}", which "options" does not define`);
		}
		for (const compared of script.compares ?? []) {
			if (!variants.has(compared)) problems.push(`${script.variant} compares "${compared}", which is not a variant`);
		}
	}
	if (metadata.baseline !== null && !variants.has(metadata.baseline)) {
		problems.push(`baseline "${metadata.baseline}" is not one of the variants (${[...variants].join(', ')})`);
	}
	if (problems.length > 0) {
		throw new ExampleError(`${metadataPath}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
	}

	const example: Example = { ...metadata, slug, dir, files, sources, exerciseFiles };
	cache.set(key, example);
	return example;
}

/** All examples, validated. */
export function loadExamples(examplesDir: string = EXAMPLES_DIR): Example[] {
	return listExampleSlugs(examplesDir).map((slug) => loadExample(slug, examplesDir));
}

/** Reads one file of an example (or of one of its exercises) as text; throws when the file is not part of it. */
export function readExampleFile(example: Example, file: string): string {
	if (!example.files.includes(file) && !example.exerciseFiles.includes(file)) {
		throw new ExampleError(
			`File "${file}" is not part of example "${example.slug}". Its files: ${example.files.join(', ')}.`,
		);
	}
	return fs.readFileSync(example.sources.get(file) ?? path.join(example.dir, file), 'utf8');
}

/** The script entry for a variant id. */
export function findScript(example: Example, variant: string): ExampleScript {
	const script = example.scripts.find((s) => s.variant === variant);
	if (!script) {
		throw new ExampleError(
			`Example "${example.slug}" has no variant "${variant}" ` +
				`(it has ${example.scripts.map((s) => s.variant).join(', ')}).`,
		);
	}
	return script;
}
