/**
 * Finds the CPythons 3.11+ on this machine and what each is: version, free-threaded build or not, GIL on or off.
 * Used by `npm run pythons`, by `npm test` (the Python suite runs under each) and by `npm run measure -- --python`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { interpreterId } from '../../src/lib/measurements/interpreters.ts';
import { cpythonCacheDir } from './cpython-cache.ts';
import { REPO_ROOT } from '../../src/lib/paths.ts';

/** Oldest and newest minor versions the course covers (3.11 to 3.15). */
export const MINORS = [11, 12, 13, 14, 15] as const;
export const MIN_MINOR = 11;

/** Where a candidate came from (we look in this order: PYTHONS, cache, PATH, pyenv). */
export type Origin = 'PYTHONS' | 'PATH' | 'pyenv' | 'cache';

export interface Candidate {
	path: string;
	origin: Origin;
}

export interface PythonInfo {
	/** Stable name for measurements and test output: cpython-3.13, cpython-3.13t, cpython-3.13t-gil1. */
	id: string;
	/** The path as found (what to run). */
	path: string;
	origin: Origin;
	/** sys.executable, symlinks resolved: two candidates with the same one are the same interpreter. */
	executable: string;
	/** "3.13.5" */
	version: string;
	/** "3.13" */
	minor: string;
	/** Built with --disable-gil (sysconfig Py_GIL_DISABLED). */
	freeThreadedBuild: boolean;
	/** sys._is_gil_enabled() when run without options (True on every GIL build). */
	gilEnabled: boolean;
}

export interface Skipped {
	path: string;
	origin: Origin;
	reason: string;
}

/** The script each candidate runs: one JSON line. */
export const PROBE_SCRIPT = `
import json, os, sys, sysconfig
print(json.dumps({
    "implementation": sys.implementation.name,
    "version": "%d.%d.%d" % sys.version_info[:3],
    "executable": os.path.realpath(sys.executable),
    "free_threaded_build": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "gil_enabled": getattr(sys, "_is_gil_enabled", lambda: True)(),
}))
`;

export interface ProbeResult {
	implementation: string;
	version: string;
	executable: string;
	free_threaded_build: boolean;
	gil_enabled: boolean;
}

/** Parses the probe's output; throws on anything else. */
export function parseProbe(output: string): ProbeResult {
	const line = output.trim().split('\n').at(-1) ?? '';
	const data = JSON.parse(line) as Partial<ProbeResult>;
	if (
		typeof data.implementation !== 'string' ||
		typeof data.version !== 'string' ||
		!/^\d+\.\d+\.\d+$/.test(data.version) ||
		typeof data.executable !== 'string' ||
		typeof data.free_threaded_build !== 'boolean' ||
		typeof data.gil_enabled !== 'boolean'
	) {
		throw new Error(`unexpected probe output: ${line.slice(0, 200)}`);
	}
	return data as ProbeResult;
}

/** Splits a `PYTHONS` value (`:` on POSIX, `;` on Windows) into paths. */
export function splitPythonsVariable(value: string | undefined, delimiter = path.delimiter): string[] {
	return (value ?? '')
		.split(delimiter)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Names to look for on PATH: python3, python3.11 ... python3.15, python3.13t ... */
export function pathNames(): string[] {
	return ['python3', ...MINORS.flatMap((minor) => [`python3.${minor}`, `python3.${minor}t`])];
}

export interface DiscoveryEnv {
	env: NodeJS.ProcessEnv;
	/** Finds a command on PATH (absolute path or undefined). */
	which: (name: string) => string | undefined;
	/** Lists a folder's entries (empty when it does not exist). */
	list: (dir: string) => string[];
	exists: (file: string) => boolean;
}

/** Every place a CPython might be, in order, duplicates (by path) removed. */
export function candidates(deps: DiscoveryEnv): Candidate[] {
	const found: Candidate[] = [];
	const add = (p: string | undefined, origin: Origin) => {
		if (p && !found.some((c) => c.path === p)) found.push({ path: p, origin });
	};
	for (const p of splitPythonsVariable(deps.env.PYTHONS)) add(p, 'PYTHONS');
	// The cache's builds before PATH and pyenv: where two interpreters share an id (cpython-3.13 from pyenv and
	// from the cache), the first one found is the one `--python cpython-3.13` means, and the cache holds the pair
	// built from one source for the comparison.
	const cache = cpythonCacheDir(deps.env);
	for (const build of deps.list(cache).sort()) {
		const python = path.join(cache, build, 'bin', `python${build}`);
		if (/^3\.\d+t?$/.test(build) && deps.exists(python)) add(python, 'cache');
	}
	for (const name of pathNames()) add(deps.which(name), 'PATH');
	const pyenvRoot = deps.env.PYENV_ROOT || path.join(deps.env.HOME || os.homedir(), '.pyenv');
	for (const version of deps.list(path.join(pyenvRoot, 'versions')).sort()) {
		const python = path.join(pyenvRoot, 'versions', version, 'bin', 'python3');
		if (deps.exists(python)) add(python, 'pyenv');
	}
	return found;
}

function which(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (!dir) continue;
		const file = path.join(dir, name);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			if (fs.statSync(file).isFile()) return file;
		} catch {
			// not here
		}
	}
	return undefined;
}

export const realDiscoveryEnv: DiscoveryEnv = {
	env: process.env,
	which,
	list: (dir) => {
		try {
			return fs.readdirSync(dir);
		} catch {
			return [];
		}
	},
	exists: (file) => fs.existsSync(file),
};

/**
 * Runs the probe with one candidate (asynchronously: candidates are probed together, which matters on a busy
 * machine).
 */
export function probePython(python: string): Promise<ProbeResult> {
	return new Promise((resolve, reject) => {
		execFile(python, ['-I', '-c', PROBE_SCRIPT], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== 'number') return reject(new Error(error.message));
			// The first line says it best (pyenv's shims: "pyenv: python3.12: command not found").
			if (error) return reject(new Error((stderr || `exit code ${error.code}`).trim().split('\n')[0]!.trim()));
			try {
				resolve(parseProbe(stdout));
			} catch (parseError) {
				reject(parseError as Error);
			}
		});
	});
}

/** Turns probed candidates into the list: CPython 3.11+, one entry per interpreter, the rest skipped with a reason. */
export function classify(probed: { candidate: Candidate; result?: ProbeResult; error?: string }[]): {
	pythons: PythonInfo[];
	skipped: Skipped[];
} {
	const pythons: PythonInfo[] = [];
	const skipped: Skipped[] = [];
	for (const { candidate, result, error } of probed) {
		if (!result) {
			skipped.push({ ...candidate, reason: `does not run: ${error ?? 'unknown error'}` });
			continue;
		}
		const [major, minorNumber] = result.version.split('.').map(Number);
		const minor = `${major}.${minorNumber}`;
		if (result.implementation !== 'cpython') {
			skipped.push({ ...candidate, reason: `${result.implementation} ${result.version}, not CPython` });
		} else if (major !== 3 || (minorNumber ?? 0) < MIN_MINOR) {
			skipped.push({ ...candidate, reason: `Python ${result.version}; the course needs 3.${MIN_MINOR}+` });
		} else if (pythons.some((p) => p.executable === result.executable)) {
			// Same interpreter reached another way (a symlink, pyenv's shim): keep the first.
		} else {
			pythons.push({
				id: interpreterId(result.version, result.free_threaded_build),
				path: candidate.path,
				origin: candidate.origin,
				executable: result.executable,
				version: result.version,
				minor,
				freeThreadedBuild: result.free_threaded_build,
				gilEnabled: result.gil_enabled,
			});
		}
	}
	return { pythons, skipped };
}

/** Finds, probes and classifies every candidate. */
export async function discover(
	deps: DiscoveryEnv = realDiscoveryEnv,
): Promise<{ pythons: PythonInfo[]; skipped: Skipped[] }> {
	const probed = await Promise.all(
		candidates(deps).map((candidate) =>
			probePython(candidate.path).then(
				(result) => ({ candidate, result }),
				(error: Error) => ({ candidate, error: error.message }),
			),
		),
	);
	return classify(probed);
}

/** The human-readable listing. */
export function formatTable({ pythons, skipped }: { pythons: PythonInfo[]; skipped: Skipped[] }): string {
	const rows = [
		['id', 'version', 'free-threaded build', 'GIL', 'found via', 'path'],
		...pythons.map((p) => [
			p.id,
			p.version,
			p.freeThreadedBuild ? 'yes' : 'no',
			p.gilEnabled ? 'enabled' : 'disabled',
			p.origin,
			p.path,
		]),
	];
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
	const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
	if (pythons.length === 0)
		lines.push('(no CPython 3.11+ found: install one, or name it with PYTHONS=/path/to/python)');
	if (!pythons.some((p) => p.freeThreadedBuild)) {
		lines.push(
			'',
			'No free-threaded build found. `npm run pythons -- --provide free-threaded` builds one (Debian/Ubuntu as root),',
			'or see README.md "Interpreters" for other ways.',
		);
	}
	if (skipped.length > 0) {
		lines.push('', 'Skipped:');
		for (const s of skipped) lines.push(`  ${s.path} (${s.origin}): ${s.reason}`);
	}
	return lines.join('\n');
}

/** Test modules that run on every extra interpreter: cheap, and they cover the reports and the GIL facts. */
export const QUICK_TEST_MODULES = [
	'tests.python.test_shared',
	'tests.python.test_schema',
	'tests.python.test_race_conditions',
	'tests.python.test_free_threading',
];

/**
 * Tests whose checks depend on how much CPU the examples get (speedups, lost updates without the GIL, the exercises'
 * speed verdicts), as modules or `module.Class`: they run one interpreter at a time, with nothing else of ours on
 * the CPUs. Only those: the same modules' runs of quick arguments, Ctrl-C, bad arguments and copies of a folder
 * mostly wait, and run side by side (a timed module alone used 0.6 of a core for two minutes).
 */
export const TIMED_TESTS = [
	'tests.python.test_cpu_bound.RatioTest',
	'tests.python.test_overhead.SweepTest',
	'tests.python.test_race_conditions.PlainCounterTest',
	'tests.python.test_free_threading.ThreadsWithoutTheGilTest',
	'tests.python.test_exercises.SolutionTest',
	'tests.python.test_exercises.TimedAnswersTest',
	'tests.python.test_exercises.ProcessesWrongSolutionTest',
];

/**
 * The other tests mostly wait (on timeouts, sleeps, Ctrl-C and child processes), so they run side by side, in these
 * groups of about equal length (on 3.11 here, one after another: 85, 75, 76 and 68 s). A group names modules (their
 * classes not in {@link TIMED_TESTS} or in another group go with them) or `module.Class`; a module not named here
 * joins the last group.
 */
export const WAITING_TEST_GROUPS = [
	['tests.python.test_exercises', 'tests.python.test_race_conditions', 'tests.python.test_free_threading'],
	[
		'tests.python.test_ctrl_c',
		'tests.python.test_latency',
		'tests.python.test_cpu_bound',
		'tests.python.test_overhead',
	],
	// Every wrong and right answer of every exercise, checked one after another: the longest class.
	['tests.python.test_exercises.AnswersTest'],
	['tests.python.test_io_bound'],
];

export interface SuiteRun {
	python: PythonInfo;
	/** `full`: the whole suite; `quick`: {@link QUICK_TEST_MODULES}. */
	scope: 'full' | 'quick';
	/** Why this scope, for the output. */
	why: string;
}

/**
 * Which interpreters the Python suite runs on, and how much of it: all of it on the default interpreter and on
 * every free-threaded build (where the GIL's absence changes what the examples do), the quick modules on the rest;
 * one run per interpreter id (the first found). The default interpreter comes first even when discovery missed it.
 */
export function planSuiteRuns(pythons: readonly PythonInfo[], defaultPython: PythonInfo): SuiteRun[] {
	const plan: SuiteRun[] = [{ python: defaultPython, scope: 'full', why: 'the default python3' }];
	for (const python of pythons) {
		if (python.executable === defaultPython.executable) continue;
		// One run per kind of interpreter keeps npm test short: a second cpython-3.13 adds little.
		if (plan.some((run) => run.python.id === python.id)) continue;
		plan.push(
			python.freeThreadedBuild
				? { python, scope: 'full', why: 'free-threaded build: the GIL is off' }
				: { python, scope: 'quick', why: 'another GIL build: quick modules only' },
		);
	}
	return plan;
}

/** One unittest process of a planned run: `timed` ones run alone, `waiting` ones side by side. */
export interface SuiteShard {
	run: SuiteRun;
	kind: 'timed' | 'waiting';
	/** Modules or `module.Class` names, as unittest's command line takes them. */
	tests: string[];
}

const TESTS_DIR = path.join(REPO_ROOT, 'tests', 'python');

/** The test modules in tests/python (as dotted names), for {@link suiteShards}. */
export function listTestModules(dir = TESTS_DIR): string[] {
	return fs
		.readdirSync(dir)
		.filter((name) => /^test_\w+\.py$/.test(name))
		.map((name) => `tests.python.${name.slice(0, -'.py'.length)}`)
		.sort();
}

/** The classes of a test module that define tests (a `def test_` in their body), as `module.Class`. */
export function listTestClasses(module: string, dir = TESTS_DIR): string[] {
	const source = fs.readFileSync(path.join(dir, `${module.split('.').at(-1)}.py`), 'utf8');
	return source
		.split(/^(?=class )/m)
		.filter((block) => block.startsWith('class ') && /\n\s+def test_/.test(block))
		.map((block) => `${module}.${/^class (\w+)/.exec(block)![1]}`);
}

const moduleOf = (test: string, modules: readonly string[]) =>
	modules.find((m) => test === m || test.startsWith(`${m}.`));

/**
 * Splits a planned run into unittest processes: the timed tests in one, the others in the groups of
 * {@link WAITING_TEST_GROUPS}. Together they run exactly the tests of the run's scope, each once.
 */
export function suiteShards(
	run: SuiteRun,
	allModules: readonly string[],
	classesOf: (module: string) => string[] = listTestClasses,
): SuiteShard[] {
	const modules = run.scope === 'full' ? [...allModules] : QUICK_TEST_MODULES.filter((m) => allModules.includes(m));
	const timed = TIMED_TESTS.filter((t) => modules.includes(moduleOf(t, modules) ?? ''));
	const placedClasses = WAITING_TEST_GROUPS.flat().filter((t) => !modules.includes(t));
	// A module runs whole unless some of its classes run elsewhere (timed, or named by a group): then class by class.
	const waiting = modules.flatMap((module) => {
		if (timed.includes(module)) return [];
		const elsewhere = [...timed, ...placedClasses].filter((t) => t.startsWith(`${module}.`));
		return elsewhere.length === 0 ? [module] : classesOf(module).filter((c) => !timed.includes(c));
	});
	const groupOf = (test: string) => {
		const named = WAITING_TEST_GROUPS.findIndex((group) => group.includes(test));
		if (named >= 0) return named;
		const byModule = WAITING_TEST_GROUPS.findIndex((group) => group.includes(moduleOf(test, modules) ?? ''));
		return byModule >= 0 ? byModule : WAITING_TEST_GROUPS.length - 1;
	};
	const groups = WAITING_TEST_GROUPS.map((_, i) => waiting.filter((t) => groupOf(t) === i));
	return [
		...(timed.length > 0 ? [{ run, kind: 'timed' as const, tests: timed }] : []),
		...groups.filter((g) => g.length > 0).map((tests) => ({ run, kind: 'waiting' as const, tests })),
	];
}

/** The unittest command line for one shard. */
export function suiteArgs(shard: Pick<SuiteShard, 'tests'>): string[] {
	return ['-m', 'unittest', '-v', ...shard.tests];
}

/** The interpreter at `python` as a {@link PythonInfo} (found via `PATH`). */
export async function describePython(python: string, origin: Origin = 'PATH'): Promise<PythonInfo> {
	const result = await probePython(python);
	const { pythons, skipped } = classify([{ candidate: { path: python, origin }, result }]);
	if (!pythons[0]) throw new Error(`${python}: ${skipped[0]?.reason ?? 'not usable'}`);
	return pythons[0];
}
