import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpythonCacheDir } from './cpython-cache.ts';
import {
	candidates,
	classify,
	formatTable,
	listTestModules,
	parseProbe,
	planSuiteRuns,
	QUICK_TEST_MODULES,
	splitPythonsVariable,
	suiteArgs,
	suiteShards,
	TIMED_TESTS,
	listTestClasses,
	WAITING_TEST_GROUPS,
	type DiscoveryEnv,
	type ProbeResult,
	type PythonInfo,
} from './pythons.ts';

const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({
	implementation: 'cpython',
	version: '3.13.5',
	executable: '/opt/py/bin/python3.13',
	free_threaded_build: false,
	gil_enabled: true,
	...over,
});

describe('parseProbe', () => {
	it('reads the last JSON line', () => {
		const line = JSON.stringify(probe({ free_threaded_build: true, gil_enabled: false }));
		expect(parseProbe(`some warning\n${line}\n`)).toMatchObject({
			version: '3.13.5',
			free_threaded_build: true,
			gil_enabled: false,
		});
	});
	it('rejects anything else', () => {
		expect(() => parseProbe(JSON.stringify({ version: '3.13' }))).toThrow(/unexpected probe output/);
		expect(() => parseProbe('Python 3.13.5')).toThrow();
	});
});

describe('splitPythonsVariable', () => {
	it('splits on the delimiter and drops blanks', () => {
		expect(splitPythonsVariable('/a/python3.13t: /b/python3 ::', ':')).toEqual(['/a/python3.13t', '/b/python3']);
		expect(splitPythonsVariable(undefined)).toEqual([]);
	});
});

describe('candidates', () => {
	const home = '/home/me';
	const deps = (files: Record<string, string[]>, onPath: string[], env: NodeJS.ProcessEnv = {}): DiscoveryEnv => ({
		env: { HOME: home, ...env },
		which: (name) => (onPath.includes(name) ? `/usr/bin/${name}` : undefined),
		list: (dir) => files[dir] ?? [],
		exists: () => true,
	});

	it('looks at PYTHONS first, then the cache, PATH and pyenv, each path once', () => {
		const cache = cpythonCacheDir({ HOME: home });
		const found = candidates(
			deps(
				{ [path.join(home, '.pyenv', 'versions')]: ['3.12.1', '3.10.13'], [cache]: ['3.13t', '3.13', 'src', 'logs'] },
				['python3', 'python3.13t'],
				{
					PYTHONS: '/usr/bin/python3:/opt/x/python3.14t',
				},
			),
		);
		expect(found).toEqual([
			{ path: '/usr/bin/python3', origin: 'PYTHONS' },
			{ path: '/opt/x/python3.14t', origin: 'PYTHONS' },
			{ path: path.join(cache, '3.13/bin/python3.13'), origin: 'cache' },
			{ path: path.join(cache, '3.13t/bin/python3.13t'), origin: 'cache' },
			{ path: '/usr/bin/python3.13t', origin: 'PATH' },
			{ path: path.join(home, '.pyenv/versions/3.10.13/bin/python3'), origin: 'pyenv' },
			{ path: path.join(home, '.pyenv/versions/3.12.1/bin/python3'), origin: 'pyenv' },
		]);
	});

	it('uses PYENV_ROOT and XDG_CACHE_HOME when set', () => {
		const found = candidates(
			deps({ '/pyenv/versions': ['3.13.0'], '/xdg/speed-up-python/cpython': ['3.13t'] }, [], {
				PYENV_ROOT: '/pyenv',
				XDG_CACHE_HOME: '/xdg',
			}),
		);
		expect(found.map((c) => c.path)).toEqual([
			'/xdg/speed-up-python/cpython/3.13t/bin/python3.13t',
			'/pyenv/versions/3.13.0/bin/python3',
		]);
	});
});

describe('classify', () => {
	const candidate = (p: string) => ({ path: p, origin: 'PATH' as const });
	it('keeps CPython 3.11+, once per executable, and says why it skipped the rest', () => {
		const { pythons, skipped } = classify([
			{
				candidate: candidate('/usr/bin/python3'),
				result: probe({ version: '3.11.7', executable: '/usr/bin/python3.11' }),
			},
			{
				candidate: candidate('/usr/bin/python3.11'),
				result: probe({ version: '3.11.7', executable: '/usr/bin/python3.11' }),
			},
			{
				candidate: candidate('/c/3.13t'),
				result: probe({ executable: '/c/3.13t', free_threaded_build: true, gil_enabled: false }),
			},
			{ candidate: candidate('/old'), result: probe({ version: '3.10.13', executable: '/old' }) },
			{ candidate: candidate('/pypy'), result: probe({ implementation: 'pypy', executable: '/pypy' }) },
			{ candidate: candidate('/broken'), error: 'exit code 127' },
		]);
		expect(pythons.map((p) => [p.id, p.path, p.gilEnabled])).toEqual([
			['cpython-3.11', '/usr/bin/python3', true],
			['cpython-3.13t', '/c/3.13t', false],
		]);
		expect(skipped.map((s) => s.reason)).toEqual([
			'Python 3.10.13; the course needs 3.11+',
			'pypy 3.13.5, not CPython',
			'does not run: exit code 127',
		]);
	});
});

describe('planSuiteRuns', () => {
	const info = (id: string, executable: string, freeThreadedBuild = false): PythonInfo => ({
		id,
		path: executable,
		origin: 'PATH',
		executable,
		version: '3.13.5',
		minor: '3.13',
		freeThreadedBuild,
		gilEnabled: !freeThreadedBuild,
	});
	const def = info('cpython-3.11', '/usr/bin/python3.11');
	it('runs everything on the default and on free-threaded builds, the quick modules elsewhere', () => {
		const plan = planSuiteRuns([def, info('cpython-3.12', '/p/3.12'), info('cpython-3.13t', '/c/3.13t', true)], def);
		expect(plan.map((r) => [r.python.id, r.scope])).toEqual([
			['cpython-3.11', 'full'],
			['cpython-3.12', 'quick'],
			['cpython-3.13t', 'full'],
		]);
	});
	it('runs one interpreter per id', () => {
		const plan = planSuiteRuns([info('cpython-3.13', '/c/3.13.5'), def, info('cpython-3.13', '/pyenv/3.13.0')], def);
		expect(plan.map((r) => r.python.executable)).toEqual(['/usr/bin/python3.11', '/c/3.13.5']);
	});
	it('with only python3, plans just the default', () => {
		expect(planSuiteRuns([], def).map((r) => r.python.id)).toEqual(['cpython-3.11']);
	});
});

describe('suiteShards', () => {
	const info: PythonInfo = {
		id: 'cpython-3.11',
		path: 'python3',
		origin: 'PATH',
		executable: '/usr/bin/python3.11',
		version: '3.11.7',
		minor: '3.11',
		freeThreadedBuild: false,
		gilEnabled: true,
	};
	const modules = listTestModules();
	const shards = (scope: 'full' | 'quick', mods = modules) => suiteShards({ python: info, scope, why: '' }, mods);
	/** Every test class a set of shards runs (a module stands for all its classes). */
	const classesRun = (list: ReturnType<typeof shards>) =>
		list
			.flatMap((s) => s.tests)
			.flatMap((t) => (modules.includes(t) ? listTestClasses(t) : [t]))
			.sort();
	it('runs every test class of tests/python once in a full run, and the quick modules in a quick run', () => {
		expect(modules).toContain('tests.python.test_exercises');
		expect(classesRun(shards('full'))).toEqual(modules.flatMap((m) => listTestClasses(m)).sort());
		expect(classesRun(shards('quick'))).toEqual(QUICK_TEST_MODULES.flatMap((m) => listTestClasses(m)).sort());
	});
	it('names only modules and classes that exist', () => {
		const classes = modules.flatMap((m) => listTestClasses(m));
		for (const name of [...QUICK_TEST_MODULES, ...TIMED_TESTS, ...WAITING_TEST_GROUPS.flat()]) {
			expect([...modules, ...classes], name).toContain(name);
		}
	});
	it('puts the timed tests in one shard of their own; a module nobody placed goes in the last waiting group', () => {
		const list = suiteShards({ python: info, scope: 'full', why: '' }, [...modules, 'tests.python.test_new'], (m) =>
			m === 'tests.python.test_new' ? [] : listTestClasses(m),
		);
		expect(list[0]).toMatchObject({ kind: 'timed', tests: TIMED_TESTS });
		expect(list.at(-1)!.tests).toContain('tests.python.test_new');
		expect(list.slice(1).every((s) => s.kind === 'waiting')).toBe(true);
		expect(suiteArgs(list[0]!)).toEqual(['-m', 'unittest', '-v', ...TIMED_TESTS]);
		// A module with one timed class runs its other classes side by side.
		const rest = list
			.flatMap((s) => (s.kind === 'waiting' ? s.tests : []))
			.filter((t) => t.startsWith('tests.python.test_exercises.'));
		expect(rest.length).toBeGreaterThan(0);
		expect(rest).not.toContain('tests.python.test_exercises.SolutionTest');
		// A class a group names runs in that group, apart from the rest of its module.
		const answers = list.findIndex((s) => s.tests.includes('tests.python.test_exercises.AnswersTest'));
		const others = list.findIndex((s) => s.tests.includes('tests.python.test_exercises.WrongSolutionsTest'));
		expect(answers).toBeGreaterThan(0);
		expect(others).toBeGreaterThan(0);
		expect(answers).not.toBe(others);
		expect(list[answers]!.tests).toEqual(['tests.python.test_exercises.AnswersTest']);
	});
});

describe('formatTable', () => {
	it('says how to get a free-threaded build when there is none, and lists the skipped', () => {
		const text = formatTable(
			classify([
				{ candidate: { path: '/usr/bin/python3', origin: 'PATH' }, result: probe({ version: '3.11.7' }) },
				{ candidate: { path: '/old', origin: 'pyenv' }, result: probe({ version: '3.10.1', executable: '/old' }) },
			]),
		);
		expect(text).toMatch(/cpython-3\.11\s+3\.11\.7\s+no\s+enabled/);
		expect(text).toContain('--provide free-threaded');
		expect(text).toContain('/old (pyenv): Python 3.10.1');
	});
});
