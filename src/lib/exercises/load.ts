/**
 * Reads the exercises of an example, `examples/<slug>/exercises/<name>/`, for the lesson pages. Each folder runs alone:
 * exercise.py (the task in its docstring), check.py (`python3 check.py` checks exercise.py), solution.py and HINTS.md
 * (`## Hint N: title` sections, from a nudge to the answer). The page shows the task and the hints read from those
 * files at build time, so the text lives in one place: the exercise folder.
 *
 * The text is plain: paragraphs, `- ` or `1. ` lists, fenced code blocks (HINTS.md), `code` and *emphasis*. This module
 * splits it into blocks; the component renders them.
 */
import { ExampleError, readExampleFile, type Example } from '../examples/metadata.ts';
import { EXERCISES_DIR_NAME } from '../paths.ts';
import { findTopLevelBlocks } from '../text/python-blocks.ts';
import { PYTHON } from '../ways-in/commands.ts';

/** The files every exercise folder has (the checker's shared modules come in addition). */
export const EXERCISE_FILES = {
	exercise: 'exercise.py',
	check: 'check.py',
	solution: 'solution.py',
	hints: 'HINTS.md',
} as const;

/** A block of text: a paragraph, a list, or a code block. */
export type Block =
	| { kind: 'paragraph'; text: string }
	| { kind: 'list'; ordered: boolean; items: string[] }
	| { kind: 'code'; lang: string; code: string };

/** A piece of a line of text: plain, `code` or *emphasis*. */
export interface Inline {
	kind: 'text' | 'code' | 'em';
	text: string;
}

export interface Hint {
	/** "Hint 2: a pool does the bookkeeping". */
	title: string;
	blocks: Block[];
}

export interface Exercise {
	/** Example slug. */
	example: string;
	/** Folder name under `exercises/`. */
	name: string;
	/** Folder relative to the example, `exercises/<name>`. */
	dir: string;
	/** From the docstring's first line, "Exercise: <title>". */
	title: string;
	/** The rest of the docstring, without the closing "Run it:" lines (the page shows the commands itself). */
	task: Block[];
	hints: Hint[];
	/** Its files, relative to the example folder. */
	files: string[];
	/** Top-level functions and classes of solution.py that differ from exercise.py: what the solution changed. */
	changed: string[];
	/** What solution.py and check.py need that Pyodide cannot provide ("threads", "sockets", ...); empty if nothing. */
	needsNative: { solution: string[]; check: string[] };
}

/** Names of an example's exercises, sorted. */
export function listExercises(example: Example): string[] {
	const prefix = `${EXERCISES_DIR_NAME}/`;
	const names = example.exerciseFiles
		.filter((file) => file.startsWith(prefix) && file.endsWith(`/${EXERCISE_FILES.check}`))
		.map((file) => file.slice(prefix.length, -EXERCISE_FILES.check.length - 1))
		.filter((name) => !name.includes('/'));
	return [...new Set(names)].sort();
}

/** Loads one exercise; throws an {@link ExampleError} that names what is missing. */
export function loadExercise(example: Example, name: string): Exercise {
	const available = listExercises(example);
	if (!available.includes(name)) {
		throw new ExampleError(
			`Example "${example.slug}" has no exercise "${name}" (it has: ${available.join(', ') || 'none'}). ` +
				`An exercise is a folder examples/${example.slug}/${EXERCISES_DIR_NAME}/<name>/ ` +
				`with ${Object.values(EXERCISE_FILES).join(', ')}.`,
		);
	}
	const dir = `${EXERCISES_DIR_NAME}/${name}`;
	const files = example.exerciseFiles.filter((file) => file.startsWith(`${dir}/`));
	const missing = Object.values(EXERCISE_FILES).filter((file) => !files.includes(`${dir}/${file}`));
	if (missing.length > 0) throw new ExampleError(`Exercise ${example.slug}/${dir} is missing ${missing.join(', ')}.`);

	const source = readExampleFile(example, `${dir}/${EXERCISE_FILES.exercise}`);
	const doc = moduleDocstring(source);
	const [first = '', ...rest] = doc.split('\n');
	const title = first.match(/^Exercise:\s*(.+?)\.?$/)?.[1];
	if (!title) {
		throw new ExampleError(
			`${example.slug}/${dir}/${EXERCISE_FILES.exercise}: the docstring must start with "Exercise: <title>".`,
		);
	}
	const runIt = rest.findIndex((line) => /^Run it:/.test(line));
	const task = parseBlocks((runIt === -1 ? rest : rest.slice(0, runIt)).join('\n'));
	const hints = parseHints(readExampleFile(example, `${dir}/${EXERCISE_FILES.hints}`));
	if (hints.length === 0)
		throw new ExampleError(`${example.slug}/${dir}/${EXERCISE_FILES.hints} has no "## Hint" sections.`);
	const needsNative = {
		solution: nativeImports(readExampleFile(example, `${dir}/${EXERCISE_FILES.solution}`)),
		check: nativeImports(readExampleFile(example, `${dir}/${EXERCISE_FILES.check}`)),
	};
	const solution = readExampleFile(example, `${dir}/${EXERCISE_FILES.solution}`);
	return {
		example: example.slug,
		name,
		dir,
		title,
		task,
		hints,
		files,
		needsNative,
		changed: changedBlocks(source, solution),
	};
}

/** Names of the top-level functions and classes of `after` whose text differs from (or is missing in) `before`. */
export function changedBlocks(before: string, after: string): string[] {
	const text = (source: string) => {
		const lines = source.split('\n');
		return new Map(findTopLevelBlocks(source).map((b) => [b.name, lines.slice(b.startLine - 1, b.endLine).join('\n')]));
	};
	const old = text(before);
	return [...text(after)].filter(([name, body]) => old.get(name) !== body).map(([name]) => name);
}

/** All exercises of an example. */
export function loadExercises(example: Example): Exercise[] {
	return listExercises(example).map((name) => loadExercise(example, name));
}

/** The module docstring of a Python file (the first statement, a triple-quoted string), dedented; '' if none. */
export function moduleDocstring(source: string): string {
	const match = source.match(/^(?:\s*#[^\n]*\n)*\s*[rRuU]?("""|''')([\s\S]*?)\1/);
	return match ? match[2]!.trim() : '';
}

/** Splits plain text into paragraphs, lists and fenced code blocks. Lines of one paragraph or list item are joined. */
export function parseBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	let paragraph: string[] = [];
	let list: { ordered: boolean; items: string[] } | null = null;
	const flush = () => {
		if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
		if (list) blocks.push({ kind: 'list', ...list });
		paragraph = [];
		list = null;
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const fence = line.match(/^```(\w*)\s*$/);
		if (fence) {
			flush();
			const code: string[] = [];
			for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) code.push(lines[i]!);
			blocks.push({ kind: 'code', lang: fence[1] || 'text', code: code.join('\n') });
			continue;
		}
		if (line.trim() === '') {
			flush();
			continue;
		}
		const item = line.match(/^(-|\d+\.)\s+(.*)$/);
		if (item) {
			const ordered = item[1] !== '-';
			if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
			list ??= { ordered, items: [] };
			list.items.push(item[2]!.trim());
		} else if (list && /^\s+\S/.test(line)) {
			list.items[list.items.length - 1] += ` ${line.trim()}`; // continuation of the item
		} else {
			if (list) flush();
			paragraph.push(line.trim());
		}
	}
	flush();
	return blocks;
}

/** The `## Hint ...` sections of HINTS.md, in order (anything before the first is an introduction, skipped). */
export function parseHints(markdown: string): Hint[] {
	const sections = markdown.replace(/\r\n/g, '\n').split(/^## /m).slice(1);
	return sections
		.map((section) => {
			const [heading = '', ...body] = section.split('\n');
			return { title: heading.trim(), blocks: parseBlocks(body.join('\n')) };
		})
		.filter((hint) => /^Hint\b/.test(hint.title));
}

/** Splits a line of text into plain text, `code` and *emphasis*. */
export function parseInline(text: string): Inline[] {
	const parts: Inline[] = [];
	const pattern = /`([^`]+)`|\*([^*\s][^*]*?)\*/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
		parts.push(match[1] !== undefined ? { kind: 'code', text: match[1] } : { kind: 'em', text: match[2]! });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
	return parts;
}

/** Modules that need threads, processes or sockets, which Pyodide (and so StackBlitz) lacks, and what they need. */
export const NATIVE_MODULES: Readonly<Record<string, string>> = {
	threading: 'threads',
	'concurrent.futures': 'a pool of threads or processes',
	multiprocessing: 'processes',
	subprocess: 'processes',
	socket: 'sockets',
	'urllib.request': 'sockets',
	latency_server: 'a local server in a thread',
};

/** What a Python file imports that Pyodide cannot run (the values of {@link NATIVE_MODULES}, each once, in order). */
export function nativeImports(source: string): string[] {
	const imported = new Set<string>();
	for (const match of source.matchAll(/^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w., ]+))/gm)) {
		const names = match[1] ? [match[1]] : match[2]!.split(',').map((name) => name.trim().split(/\s+/)[0]!);
		for (const name of names) imported.add(name);
	}
	const needs = Object.entries(NATIVE_MODULES).filter(([module]) => imported.has(module));
	return [...new Set(needs.map(([, what]) => what))];
}

/** The commands that get and check an exercise: from the unzipped download, or from a clone. */
export function exerciseCommands(exercise: Exercise, way: 'zip' | 'clone'): string[] {
	const folder = `${exercise.example}/${exercise.dir}`;
	return [
		way === 'zip' ? `cd ${folder}` : `cd examples/${folder}`,
		`${PYTHON} ${EXERCISE_FILES.exercise}`,
		`${PYTHON} ${EXERCISE_FILES.check}`,
	];
}
