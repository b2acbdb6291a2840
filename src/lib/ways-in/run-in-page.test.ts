import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExamples, readExampleFile } from '../examples/metadata.ts';
import { REPO_ROOT } from '../paths.ts';
import {
	PYODIDE_FILES,
	RUN_IN_PAGE_DIR,
	downloadBytes,
	exampleFilesPath,
	formatMegabytes,
	inPageFiles,
	inPageSupport,
	labelMentionsCpuClock,
	pyodidePackageDir,
	runnableScripts,
	runnerAssets,
	workerPath,
} from './run-in-page.ts';

const examples = loadExamples();

describe('which scripts run in the page', () => {
	it('follows example.json: runs and labelled scripts run, skipped ones give their reason', () => {
		for (const example of examples) {
			for (const script of example.scripts) {
				const support = inPageSupport(example, script.file)!;
				expect(support.script).toBe(script);
				if (script.pyodide.status === 'skipped') {
					expect(support).toEqual({ runnable: false, script, reason: script.pyodide.reason });
				} else {
					expect(support).toEqual({
						runnable: true,
						script,
						args: script.quickArgs,
						label: script.pyodide.status === 'labelled' ? script.pyodide.label : null,
					});
				}
			}
		}
	});

	it('has something to run: at least one script of the course runs in the page', () => {
		expect(examples.flatMap(runnableScripts).length).toBeGreaterThan(0);
	});

	it('lists runnable scripts in teaching order', () => {
		for (const example of examples) {
			expect(runnableScripts(example).map((s) => s.file)).toEqual(
				example.scripts.filter((s) => s.pyodide.status !== 'skipped').map((s) => s.file),
			);
		}
	});

	it('uses the given arguments instead of the quick ones', () => {
		const example = examples.find((e) => runnableScripts(e).length > 0)!;
		const file = runnableScripts(example)[0]!.file;
		expect(inPageSupport(example, file, ['--help'])).toMatchObject({ runnable: true, args: ['--help'] });
	});

	it('has nothing to say about a file that is not a script (a shared module)', () => {
		const example = examples.find((e) => e.files.includes('harness.py'))!;
		expect(inPageSupport(example, 'harness.py')).toBeNull();
		expect(inPageSupport(example, 'no_such_file.py')).toBeNull();
	});

	it('knows when a label already warns about the CPU clock', () => {
		expect(labelMentionsCpuClock(null)).toBe(false);
		expect(labelMentionsCpuClock('Simulated: asyncio.sleep stands in for the network.')).toBe(false);
		expect(labelMentionsCpuClock("Pyodide's process_time() also counts sleeping as CPU time")).toBe(true);
	});
});

describe('the files the worker writes', () => {
	it.each(examples.map((e) => [e.slug, e] as const))(
		'%s: every .py file of the folder, as the loader reads it',
		(_slug, example) => {
			const files = inPageFiles(example);
			expect(Object.keys(files)).toEqual(example.files.filter((f) => f.endsWith('.py') || f === 'example.json'));
			for (const script of example.scripts) expect(files[script.file]).toBe(readExampleFile(example, script.file));
			// The harness that runs the plain variant in the page, and the launcher that finds it.
			expect(Object.keys(files)).toEqual(expect.arrayContaining(['harness.py', 'compare.py']));
		},
	);
});

describe('the runner assets', () => {
	const assets = runnerAssets();

	it('are the worker, the harness shared with StackBlitz, and the Pyodide files loadPyodide fetches', () => {
		expect(assets.map((a) => a.to)).toEqual([
			'worker.mjs',
			'pyodide-harness.mjs',
			...PYODIDE_FILES.map((f) => `pyodide/${f}`),
		]);
		for (const asset of assets) expect(fs.existsSync(asset.from), asset.from).toBe(true);
		expect(assets[1]!.from).toBe(path.join(REPO_ROOT, 'src', 'stackblitz', 'pyodide-harness.mjs'));
		for (const asset of assets.slice(2)) expect(path.dirname(asset.from)).toBe(pyodidePackageDir());
	});

	it('match what the worker imports, by relative path', () => {
		const worker = fs.readFileSync(assets[0]!.from, 'utf8');
		const imports = [...worker.matchAll(/^import .* from '\.\/([^']+)';$/gm)].map((m) => m[1]);
		expect(imports.sort()).toEqual(['pyodide-harness.mjs', 'pyodide/pyodide.mjs']);
		expect(worker).toContain(`new URL('./pyodide/', import.meta.url)`);
	});

	it('weigh what the files weigh, shown in megabytes', () => {
		const total = assets.reduce((sum, a) => sum + fs.statSync(a.from).size, 0);
		expect(downloadBytes(assets)).toBe(total);
		expect(total).toBeGreaterThan(5e6); // the WebAssembly binary alone is several megabytes
		expect(formatMegabytes(13_581_000)).toBe('13.6 MB');
		expect(formatMegabytes(999_999)).toBe('1.0 MB');
	});

	it('live under one folder of the site', () => {
		expect(workerPath()).toBe(`${RUN_IN_PAGE_DIR}/worker.mjs`);
		expect(exampleFilesPath('latency')).toBe(`${RUN_IN_PAGE_DIR}/examples/latency.json`);
	});
});
