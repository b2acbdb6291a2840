import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../examples/metadata.ts';
import { REPO_ROOT } from '../paths.ts';
import {
	EXERCISE_FILES,
	exerciseCommands,
	listExercises,
	loadExercise,
	loadExercises,
	moduleDocstring,
	nativeImports,
	parseBlocks,
	parseHints,
	parseInline,
} from './load.ts';

describe('the text of an exercise', () => {
	it('reads the module docstring, dedented', () => {
		expect(moduleDocstring('"""Exercise: x.\n\nBody.\n"""\n\nimport sys\n')).toBe('Exercise: x.\n\nBody.');
		expect(moduleDocstring('# comment\nr"""Doc."""\n')).toBe('Doc.');
		expect(moduleDocstring('import sys\n"""not a docstring"""\n')).toBe('');
	});

	it('splits paragraphs, lists with continuation lines, and fenced code', () => {
		const text =
			'One line\nand its continuation.\n\n- first item\n  continues\n- ' +
			'second\n\n1. step\n2. next\nafter\n\n```python\nx = 1\n\ny = 2\n```\n';
		expect(parseBlocks(text)).toEqual([
			{ kind: 'paragraph', text: 'One line and its continuation.' },
			{ kind: 'list', ordered: false, items: ['first item continues', 'second'] },
			{ kind: 'list', ordered: true, items: ['step', 'next'] },
			{ kind: 'paragraph', text: 'after' },
			{ kind: 'code', lang: 'python', code: 'x = 1\n\ny = 2' },
		]);
	});

	it('finds code and emphasis in a line', () => {
		expect(parseInline('Use `pool.map()` *here*, not 2 * 3.')).toEqual([
			{ kind: 'text', text: 'Use ' },
			{ kind: 'code', text: 'pool.map()' },
			{ kind: 'text', text: ' ' },
			{ kind: 'em', text: 'here' },
			{ kind: 'text', text: ', not 2 * 3.' },
		]);
	});

	it('reads the hints in order and skips the introduction', () => {
		const hints = parseHints(
			'# Hints\n\nIntro.\n\n## Hint 1: nudge\n\nLook.\n\n## Hint 2: the answer\n\n```python\npass\n```\n',
		);
		expect(hints.map((h) => h.title)).toEqual(['Hint 1: nudge', 'Hint 2: the answer']);
		expect(hints[1]!.blocks).toEqual([{ kind: 'code', lang: 'python', code: 'pass' }]);
	});

	it('names the modules Pyodide cannot provide', () => {
		expect(
			nativeImports(
				'import asyncio\nimport sys, threading\nfrom concurrent.futures ' +
					'import ThreadPoolExecutor\nimport socket, urllib.request\n',
			),
		).toEqual(['threads', 'a pool of threads or processes', 'sockets']);
		expect(nativeImports('import asyncio\nimport sys\n')).toEqual([]);
	});
});

describe('the exercises in examples/', () => {
	const examples = loadExamples();
	const all = examples.flatMap((example) =>
		loadExercises(example).map((exercise) => [`${example.slug}/${exercise.name}`, exercise, example] as const),
	);

	it('has at least five, one per main lesson', () => {
		expect(all.length).toBeGreaterThanOrEqual(5);
	});

	it.each(all)('%s has a title, a task, hints ending with the answer, and every file', (_name, exercise) => {
		expect(exercise.title.length).toBeGreaterThan(5);
		expect(exercise.task.length).toBeGreaterThan(2);
		expect(exercise.task.some((block) => block.kind === 'paragraph' && block.text.startsWith('Your task'))).toBe(true);
		expect(JSON.stringify(exercise.task)).not.toContain('Run it:');
		expect(exercise.hints.length).toBeGreaterThanOrEqual(3);
		expect(exercise.hints.at(-1)!.title).toMatch(/the answer$/);
		for (const file of Object.values(EXERCISE_FILES)) expect(exercise.files).toContain(`${exercise.dir}/${file}`);
		expect(exercise.files).toContain(`${exercise.dir}/checker.py`);
		expect(exercise.changed.length).toBeGreaterThan(0); // the solution shows what changed
	});

	it.each(all)('%s is checked with the commands the page shows', (_name, exercise) => {
		expect(exerciseCommands(exercise, 'zip')).toEqual([
			`cd ${exercise.example}/exercises/${exercise.name}`,
			'python3 exercise.py',
			'python3 check.py',
		]);
		expect(exerciseCommands(exercise, 'clone')[0]).toBe(`cd examples/${exercise.example}/exercises/${exercise.name}`);
	});

	it('names the missing exercise and the ones there are', () => {
		const example = examples.find((e) => listExercises(e).length > 0)!;
		expect(() => loadExercise(example, 'nope')).toThrow(/has no exercise "nope" \(it has: /);
	});
});

describe('the lessons', () => {
	const lessonsDir = path.join(REPO_ROOT, 'src', 'content', 'docs', 'lessons');
	const lessons = fs.readdirSync(lessonsDir).filter((file) => file.endsWith('.mdx'));
	const uses = lessons.flatMap((file) => {
		const text = fs.readFileSync(path.join(lessonsDir, file), 'utf8');
		return [...text.matchAll(/<Exercise example="([^"]+)" name="([^"]+)"/g)].map((match) => ({
			file,
			text,
			at: match.index,
			slug: match[1]!,
			name: match[2]!,
		}));
	});
	const examples = loadExamples();

	it('show every exercise once', () => {
		const shown = uses.map((use) => `${use.slug}/${use.name}`).sort();
		const all = examples.flatMap((example) => listExercises(example).map((name) => `${example.slug}/${name}`)).sort();
		expect(shown).toEqual(all);
	});

	it.each(uses.map((use) => [`${use.slug}/${use.name}`, use] as const))(
		'show %s under a heading with its title, just before the self-check',
		(_name, use) => {
			const exercise = loadExercise(
				examples.find((example) => example.slug === use.slug)!,
				use.name,
			);
			const before = use.text.slice(0, use.at);
			const heading = [...before.matchAll(/^#{2,4} (.+)$/gm)].at(-1)![1]!;
			expect(heading.toLowerCase()).toContain(exercise.title.toLowerCase());
			expect([...before.matchAll(/^## (.+)$/gm)].at(-1)![1]).toMatch(/^Exercise: /); // its section
			const after = use.text.slice(use.at);
			expect(after.indexOf('<SelfCheck')).toBeGreaterThan(0);
			// no other section in between
			expect(after.slice(0, after.indexOf('<SelfCheck')).match(/^## (?!Check yourself$).*/gm)).toBeNull();
		},
	);
});
