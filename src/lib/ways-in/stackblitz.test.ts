import fs from 'node:fs';
import path from 'node:path';
import type { Project } from '@stackblitz/sdk';
import { describe, expect, it } from 'vitest';
import { loadExamples, readExampleFile } from '../examples/metadata.ts';
import { REPO_ROOT } from '../paths.ts';
import {
	HARNESS_FILE,
	PAYLOAD_LIMITS,
	PYODIDE_VERSION,
	RUNNER_FILE,
	TEMPLATE_DIR,
	buildStackBlitzPayload,
	projectProblems,
	runnerModules,
} from './stackblitz.ts';

const examples = loadExamples();
/** Every script module in src/stackblitz: all of them belong to the runner (the in-page runner lives elsewhere). */
const TEMPLATE_MODULES = fs.readdirSync(TEMPLATE_DIR).filter((file) => file.endsWith('.mjs'));
/** The SDK's own list of templates (node_modules/@stackblitz/sdk/types/constants.d.ts): the payload must use one. */
const SDK_TEMPLATES = ['angular-cli', 'create-react-app', 'html', 'javascript', 'node', 'polymer', 'typescript', 'vue'];

describe('the payload for every example', () => {
	it('has examples to build payloads for', () => {
		expect(examples.length).toBeGreaterThan(0);
	});

	describe.each(examples.map((example) => [example.slug, example] as const))('%s', (_slug, example) => {
		const payload = buildStackBlitzPayload(example);
		const { project, options } = payload;

		it("matches the SDK's Project type: title, description, the node template, files as strings", () => {
			const typed: Project = project; // compile-time check; the runtime checks follow
			expect(typed.title).toContain(example.title);
			expect(project.description).toBe(example.summary);
			expect(SDK_TEMPLATES).toContain(project.template);
			expect(project.template).toBe('node');
			expect(project.dependencies).toBeUndefined(); // the node template ignores them: package.json holds them
			for (const [name, contents] of Object.entries(project.files)) {
				expect(typeof contents, name).toBe('string');
				expect(name, name).toMatch(/^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/); // flat, relative, no odd characters
			}
			expect(projectProblems(project)).toEqual([]);
		});

		it('has a package.json that pins the installed pyodide and starts the runner', () => {
			const pkg = JSON.parse(project.files['package.json']!) as {
				type: string;
				scripts: Record<string, string>;
				dependencies: Record<string, string>;
			};
			const installed = JSON.parse(
				fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'pyodide', 'package.json'), 'utf8'),
			) as {
				version: string;
			};
			expect(pkg.dependencies).toEqual({ pyodide: installed.version });
			expect(PYODIDE_VERSION).toBe(installed.version);
			expect(pkg.dependencies.pyodide).toMatch(/^\d+\.\d+\.\d+$/); // exact: no range
			expect(pkg.scripts.start).toBe(`node ${RUNNER_FILE}`);
			expect(pkg.type).toBe('module');
		});

		it('ships the runner, its modules, example.json and every Python file of the example, unchanged', () => {
			expect(runnerModules()).toContain(RUNNER_FILE);
			expect(runnerModules()).toContain(HARNESS_FILE);
			for (const file of TEMPLATE_MODULES) {
				expect(project.files[file], file).toBe(fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8'));
			}
			for (const file of example.files.filter((f) => f !== 'README.md')) {
				expect(project.files[file], file).toBe(readExampleFile(example, file));
			}
			for (const script of example.scripts) expect(Object.keys(project.files)).toContain(script.file);
			const extra = Object.keys(project.files).filter((f) => !example.files.includes(f));
			expect(extra.sort()).toEqual(['.stackblitzrc', 'package.json', ...TEMPLATE_MODULES].sort());
		});

		it("ships every module a shipped module imports (a module split off the runner can't be left behind)", () => {
			for (const [name, text] of Object.entries(project.files).filter(([name]) => name.endsWith('.mjs'))) {
				const local = [...text.matchAll(/\sfrom\s+'\.\/([^']+)'/g)].map((match) => match[1]!);
				for (const file of local) expect(Object.keys(project.files), `${name} imports ./${file}`).toContain(file);
			}
		});

		it('has a README that says what runs here, and carries the example README', () => {
			const readme = project.files['README.md']!;
			expect(readme).toContain(`npm start`);
			expect(readme).toContain(PYODIDE_VERSION);
			for (const script of example.scripts) {
				expect(readme).toContain(`\`${script.file}\``);
				if (script.pyodide.status === 'skipped') expect(readme).toContain(script.pyodide.reason);
				if (script.pyodide.status === 'labelled') expect(readme).toContain(script.pyodide.label);
			}
			expect(readme).toContain(readExampleFile(example, 'README.md').trim());
			expect(readme).not.toMatch(/\{\{[A-Z_]+\}\}/);
		});

		it('has no binary file and a sane size', () => {
			const sizes = Object.values(project.files).map((text) => Buffer.byteLength(text));
			expect(Math.max(...sizes)).toBeLessThanOrEqual(PAYLOAD_LIMITS.maxFileBytes);
			expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PAYLOAD_LIMITS.maxTotalBytes);
			for (const [name, text] of Object.entries(project.files)) expect(/[\u0000\uFFFD]/.test(text), name).toBe(false);
		});

		it('opens in a new tab on the README and a script that runs there, and starts npm start', () => {
			expect(options.newWindow).toBe(true);
			// Only .stackblitzrc names the start command: the SDK's startScript as well could start it twice.
			expect(options.startScript).toBeUndefined();
			expect(JSON.parse(project.files['.stackblitzrc']!)).toEqual({
				installDependencies: true,
				startCommand: 'npm start',
			});
			const files = String(options.openFile).split(',');
			expect(files[0]).toBe('README.md');
			for (const file of files) expect(Object.keys(project.files)).toContain(file);
			const opened = example.scripts.find((s) => s.file === files[1]);
			expect(opened).toBeDefined();
			if (example.scripts.some((s) => s.pyodide.status !== 'skipped'))
				expect(opened!.pyodide.status).not.toBe('skipped');
		});

		it('is the same on every build (sorted files, nothing from the clock)', () => {
			expect(JSON.stringify(buildStackBlitzPayload(example))).toBe(JSON.stringify(payload));
			const names = Object.keys(project.files);
			expect(names).toEqual([...names].sort());
		});
	});
});

describe('projectProblems', () => {
	const good: Project = {
		title: 'Demo',
		template: 'node',
		files: { 'package.json': '{"scripts":{"start":"node run.mjs"}}', 'run.mjs': 'console.log(1)\n' },
	};

	it('accepts a minimal node project', () => {
		expect(projectProblems(good)).toEqual([]);
	});

	it('names every problem', () => {
		expect(projectProblems({ ...good, template: 'javascript' })).toEqual([expect.stringContaining('template')]);
		expect(projectProblems({ ...good, files: { 'run.mjs': '' } })).toEqual(['package.json is missing']);
		expect(projectProblems({ ...good, files: { 'package.json': '{}' } })).toEqual(['package.json has no start script']);
		expect(projectProblems({ ...good, files: { 'package.json': '{"scripts":{"start":"node gone.mjs"}}' } })).toEqual([
			expect.stringContaining('gone.mjs'),
		]);
		expect(projectProblems({ ...good, files: { ...good.files, 'x.bin': 'a\u0000b' } })).toEqual(['x.bin looks binary']);
		expect(projectProblems({ ...good, files: { ...good.files, '../x.py': '' } })).toEqual([
			expect.stringContaining('relative path'),
		]);
		expect(
			projectProblems({ ...good, files: { ...good.files, 'big.py': 'x'.repeat(PAYLOAD_LIMITS.maxFileBytes + 1) } }),
		).toEqual([expect.stringContaining('big.py')]);
		expect(projectProblems({ ...good, title: ' ' })).toEqual(['title is empty']);
	});
});
