/**
 * Builds the "Open in StackBlitz" payload of an example: a small Node.js project (StackBlitz's `node` template, run in
 * WebContainers) whose `npm start` runs the example's Python under Pyodide. Generated at build time from the example
 * folder and its metadata, so it is never maintained by hand.
 *
 * The project: package.json (pyodide pinned to the version installed here, which the tests run), the runner
 * run-python.mjs with the modules it imports (its harness pyodide-harness.mjs, ...), a README, .stackblitzrc,
 * example.json and every .py file of the example, unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OpenOptions, Project } from '@stackblitz/sdk';
import pyodidePackage from 'pyodide/package.json' with { type: 'json' };
import { readExampleFile, type Example } from '../examples/metadata.ts';
import { REPO_ROOT } from '../paths.ts';
import { WAY_IN_NAMES, stackblitzSupport, statusText } from './support-matrix.ts';

/** The Pyodide the payload depends on: exactly the one installed here, so the tests run what learners get. */
export const PYODIDE_VERSION: string = pyodidePackage.version;

/** Templates shipped in every payload (plain files, so they can be read, linted and run like any other). */
export const TEMPLATE_DIR = path.join(REPO_ROOT, 'src', 'stackblitz');
export const RUNNER_FILE = 'run-python.mjs';
/** The Python-running core the runner imports; the lesson pages' in-page runner uses the same file. */
export const HARNESS_FILE = 'pyodide-harness.mjs';

/** `import ... from './name.mjs'`: a module of the runner's own, beside it in TEMPLATE_DIR. */
const LOCAL_IMPORT = /^import\s[^;]*?\sfrom\s+'\.\/([\w.-]+\.mjs)';/gm;

/**
 * The runner and every module it imports from TEMPLATE_DIR, directly or not, sorted: the project needs them all, and
 * reading the imports means a module split off the runner cannot be left out of the payload.
 */
export function runnerModules(): string[] {
	const found = new Set<string>();
	const visit = (file: string) => {
		if (found.has(file)) return;
		found.add(file);
		for (const match of template(file).matchAll(LOCAL_IMPORT)) visit(match[1]!);
	};
	visit(RUNNER_FILE);
	return [...found].sort();
}

/** What the "Open in StackBlitz" button passes to `sdk.openProject(project, options)`. */
export interface StackBlitzPayload {
	project: Project;
	options: OpenOptions;
}

/** Sanity limits: StackBlitz posts the project as a form, and a lesson's example should stay small. */
export const PAYLOAD_LIMITS = { maxFileBytes: 100 * 1024, maxTotalBytes: 300 * 1024, maxFiles: 40 } as const;

function template(file: string): string {
	return fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8');
}

function fill(text: string, values: Record<string, string>): string {
	return text.replace(/\{\{([A-Z_]+)\}\}/g, (match, key: string) => {
		const value = values[key];
		if (value === undefined) throw new Error(`StackBlitz template: no value for ${match}`);
		return value;
	});
}

function packageJson(example: Example): string {
	const pkg = {
		name: `${example.slug}-in-pyodide`,
		version: '1.0.0',
		private: true,
		description: example.summary,
		type: 'module',
		scripts: {
			start: `node ${RUNNER_FILE}`,
			all: `node ${RUNNER_FILE} --all`,
		},
		dependencies: { pyodide: PYODIDE_VERSION },
		engines: { node: '>=18' },
	};
	return `${JSON.stringify(pkg, null, 2)}\n`;
}

function supportTable(example: Example): string {
	const lines = [`| Script | ${WAY_IN_NAMES.stackblitz} |`, '| --- | --- |'];
	for (const script of example.scripts) {
		const support = stackblitzSupport(script);
		const note = support.note ? `: ${support.note}` : '';
		lines.push(`| \`${script.file}\` (${script.label}) | ${statusText(support)}${note.replaceAll('|', '\\|')} |`);
	}
	return lines.join('\n');
}

/** The project files, sorted by name. */
export function payloadFiles(example: Example): Record<string, string> {
	const files: Record<string, string> = {
		// The one place that says what runs on opening. Not also the SDK's `startScript` option: StackBlitz documents
		// both (project config, URL parameter) but not how they combine, so naming the command twice could run it twice.
		// This file travels with the project, so a fork or a downloaded copy starts the same way.
		'.stackblitzrc': `${JSON.stringify({ installDependencies: true, startCommand: 'npm start' }, null, 2)}\n`,
		'package.json': packageJson(example),
		...Object.fromEntries(runnerModules().map((file) => [file, template(file)])),
		'README.md': fill(template('README.md'), {
			TITLE: example.title,
			SUMMARY: example.summary,
			SLUG: example.slug,
			PYODIDE_VERSION,
			SUPPORT_TABLE: supportTable(example),
			EXAMPLE_README: example.files.includes('README.md') ? readExampleFile(example, 'README.md').trim() : '',
		}),
	};
	for (const file of example.files) {
		if (file === 'README.md') continue; // wrapped into the project's README above
		if (files[file] !== undefined)
			throw new Error(`Example ${example.slug}: ${file} clashes with a StackBlitz project file.`);
		files[file] = readExampleFile(example, file);
	}
	return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The payload for an example; throws when it breaks StackBlitz's constraints (see {@link projectProblems}). */
export function buildStackBlitzPayload(example: Example): StackBlitzPayload {
	const firstRunnable = example.scripts.find((script) => script.pyodide.status !== 'skipped') ?? example.scripts[0]!;
	const payload: StackBlitzPayload = {
		project: {
			title: `${example.title} (Python in the browser, via Pyodide)`,
			description: example.summary,
			template: 'node',
			files: payloadFiles(example),
		},
		options: {
			newWindow: true,
			openFile: `README.md,${firstRunnable.file}`,
			terminalHeight: 60,
		},
	};
	const problems = projectProblems(payload.project);
	if (problems.length > 0) throw new Error(`StackBlitz payload for ${example.slug}:\n  - ${problems.join('\n  - ')}`);
	return payload;
}

/**
 * Checks a project against what the SDK and WebContainers accept: the `node` template, text files only
 * (the SDK posts them as form fields), a package.json with a `start` script, and a sane size.
 */
export function projectProblems(project: Project): string[] {
	const problems: string[] = [];
	if (!project.title?.trim()) problems.push('title is empty');
	if (project.template !== 'node') problems.push(`template is "${project.template}", expected "node" (WebContainers)`);
	if (project.dependencies)
		problems.push('dependencies must be in package.json for the node template, not project.dependencies');
	const entries = Object.entries(project.files);
	if (entries.length > PAYLOAD_LIMITS.maxFiles)
		problems.push(`${entries.length} files (limit ${PAYLOAD_LIMITS.maxFiles})`);
	let total = 0;
	for (const [name, contents] of entries) {
		if (typeof contents !== 'string') {
			problems.push(`${name} is not a string`);
			continue;
		}
		const bytes = Buffer.byteLength(contents, 'utf8');
		total += bytes;
		if (bytes > PAYLOAD_LIMITS.maxFileBytes)
			problems.push(`${name} is ${bytes} bytes (limit ${PAYLOAD_LIMITS.maxFileBytes})`);
		// Binary files cannot travel as form fields: NUL bytes or replacement characters mean it wasn't text.
		if (/[\u0000\uFFFD]/.test(contents)) problems.push(`${name} looks binary`);
		if (name.startsWith('/') || name.split('/').includes('..'))
			problems.push(`${name} is not a relative path inside the project`);
	}
	if (total > PAYLOAD_LIMITS.maxTotalBytes)
		problems.push(`files total ${total} bytes (limit ${PAYLOAD_LIMITS.maxTotalBytes})`);
	const pkgText = project.files['package.json'];
	if (pkgText === undefined) problems.push('package.json is missing');
	else {
		try {
			const pkg = JSON.parse(pkgText) as { scripts?: Record<string, string>; dependencies?: Record<string, string> };
			if (!pkg.scripts?.start) problems.push('package.json has no start script');
			const start = pkg.scripts?.start?.match(/^node (\S+)/)?.[1];
			if (start && project.files[start] === undefined)
				problems.push(`the start script runs ${start}, which is not in the project`);
		} catch (error) {
			problems.push(`package.json is not JSON: ${(error as Error).message}`);
		}
	}
	return problems;
}
