import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleExists, findScript, listExampleSlugs, loadExample, loadExamples, readExampleFile } from './metadata.ts';
import { EXAMPLES_DIR } from '../paths.ts';

let root: string;

const script = (file: string, variant: string, extra: object = {}) => ({
	file,
	variant,
	label: variant,
	description: `Runs ${variant}.`,
	role: 'variant',
	quickArgs: [],
	measureArgs: [],
	pyodide: { status: 'runs' },
	...extra,
});

function writeExample(slug: string, metadata: object, files: Record<string, string> = {}) {
	const dir = path.join(root, slug);
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'example.json'), JSON.stringify({ slug, ...metadata }));
	for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
}

const valid = {
	title: 'Demo',
	summary: 'A demo.',
	baseline: 'sequential',
	reportCommand: ['compare.py', 'all', '--json'],
	options: { items: { constant: 'ITEMS', type: 'int', min: 1, help: 'how many items' } },
	scripts: [script('sequential.py', 'sequential'), script('threads.py', 'threads')],
};

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));
	fs.mkdirSync(path.join(root, '_shared'));
	fs.writeFileSync(path.join(root, '_shared', 'example.json'), '{}'); // never listed: _shared is not an example
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('loadExample', () => {
	it('loads a valid example with its files, skipping caches', () => {
		writeExample('demo', valid, { 'sequential.py': 'print(1)\n', 'threads.py': 'print(2)\n', 'timing.py': '' });
		fs.mkdirSync(path.join(root, 'demo', '__pycache__'));
		fs.writeFileSync(path.join(root, 'demo', '__pycache__', 'x.pyc'), '');
		const example = loadExample('demo', root);
		expect(example.slug).toBe('demo');
		expect(example.files).toEqual(['example.json', 'sequential.py', 'threads.py', 'timing.py']);
		expect(readExampleFile(example, 'threads.py')).toBe('print(2)\n');
		expect(findScript(example, 'threads').file).toBe('threads.py');
	});

	it('keeps the exercises apart from the example files, but readable', () => {
		writeExample('demo', valid, { 'sequential.py': '', 'threads.py': '', 'timing.py': '' });
		const exercise = path.join(root, 'demo', 'exercises', 'one');
		fs.mkdirSync(path.join(exercise, '__pycache__'), { recursive: true });
		fs.writeFileSync(path.join(exercise, 'check.py'), 'print(3)\n');
		fs.writeFileSync(path.join(exercise, '__pycache__', 'check.cpython-311.pyc'), '');
		const example = loadExample('demo', root);
		expect(example.files).toEqual(['example.json', 'sequential.py', 'threads.py', 'timing.py']);
		expect(example.exerciseFiles).toEqual(['exercises/one/check.py']);
		expect(readExampleFile(example, 'exercises/one/check.py')).toBe('print(3)\n');
	});

	it('names the missing example and lists the available ones', () => {
		writeExample('demo', valid, { 'sequential.py': '', 'threads.py': '', 'timing.py': '' });
		expect(() => loadExample('nope', root)).toThrow(/Example "nope" does not exist.*Available examples: demo/s);
		expect(exampleExists('demo', root)).toBe(true);
		expect(listExampleSlugs(root)).toEqual(['demo']);
	});

	it('reports schema problems with the field path', () => {
		writeExample('bad', { ...valid, scripts: [script('seq.txt', 'Bad Variant')] });
		expect(() => loadExample('bad', root)).toThrow(/scripts\.0\.file: must be a \.py file name/);
		expect(() => loadExample('bad', root)).toThrow(/scripts\.0\.variant/);
	});

	it('requires a reason when a variant is skipped under Pyodide', () => {
		writeExample('skip', {
			...valid,
			scripts: [script('sequential.py', 'sequential', { pyodide: { status: 'skipped' } })],
		});
		expect(() => loadExample('skip', root)).toThrow(/pyodide\.reason/);
	});

	it('reports missing files, duplicate variants, an undefined option and an unknown baseline', () => {
		writeExample(
			'broken',
			{
				...valid,
				baseline: 'nothing',
				scripts: [script('a.py', 'same', { options: ['nope'] }), script('b.py', 'same')],
			},
			{ 'a.py': '' },
		);
		const message = (() => {
			try {
				loadExample('broken', root);
				return '';
			} catch (error) {
				return (error as Error).message;
			}
		})();
		expect(message).toContain('script b.py is listed but missing');
		expect(message).toContain('variant "same" is listed twice');
		expect(message).toContain('a.py takes option "nope", which "options" does not define');
		expect(message).toContain('baseline "nothing" is not one of the variants');
	});

	it('gives a download the shared harness, and the shared module where the repository keeps a link', () => {
		fs.writeFileSync(path.join(root, '_shared', 'harness.py'), '# the harness\n');
		fs.writeFileSync(path.join(root, '_shared', 'link.py'), '# a link\n');
		fs.writeFileSync(path.join(root, '_shared', 'checker.py'), '# the checker\n');
		writeExample('demo', valid, { 'sequential.py': '', 'threads.py': '', 'compare.py': '# launcher\n' });
		const exercise = path.join(root, 'demo', 'exercises', 'one');
		fs.mkdirSync(exercise, { recursive: true });
		fs.writeFileSync(path.join(exercise, 'checker.py'), '# a link\n');
		const example = loadExample('demo', root);
		expect(example.files).toEqual(['compare.py', 'example.json', 'harness.py', 'sequential.py', 'threads.py']);
		expect(readExampleFile(example, 'harness.py')).toBe('# the harness\n');
		expect(readExampleFile(example, 'exercises/one/checker.py')).toBe('# the checker\n');
	});

	it('refuses to read a file outside the example', () => {
		writeExample('demo', valid, { 'sequential.py': '', 'threads.py': '', 'timing.py': '' });
		expect(() => readExampleFile(loadExample('demo', root), '../secret.txt')).toThrow(/is not part of example "demo"/);
	});

	it('reports invalid JSON with the file name', () => {
		fs.mkdirSync(path.join(root, 'json'));
		fs.writeFileSync(path.join(root, 'json', 'example.json'), '{ nope');
		expect(() => loadExample('json', root)).toThrow(/json[/\\]example\.json is not valid JSON/);
	});
});

describe('the repository examples', () => {
	it('all load and validate', () => {
		const examples = loadExamples(EXAMPLES_DIR);
		expect(examples.length).toBeGreaterThan(0);
		for (const example of examples) expect(example.scripts.length).toBeGreaterThan(0);
	});
});
