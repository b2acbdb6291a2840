/**
 * Where `npm run pythons -- --provide free-threaded` keeps the CPythons it builds: outside the repository,
 * in the user's cache folder, so that every clone and worktree on the machine reuses one build.
 */
import os from 'node:os';
import path from 'node:path';

/** `${XDG_CACHE_HOME:-~/.cache}/speed-up-python/cpython`, overridable with SPEED_UP_PYTHON_CACHE for tests. */
export function cpythonCacheDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.SPEED_UP_PYTHON_CACHE) return path.join(env.SPEED_UP_PYTHON_CACHE, 'cpython');
	const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
	return path.join(base, 'speed-up-python', 'cpython');
}

/** The two builds we provide: the same source with and without the GIL, so the comparison is fair. */
export const PROVIDED_BUILDS = [
	{ name: '3.13t', freeThreaded: true, configureArgs: ['--disable-gil'] },
	{ name: '3.13', freeThreaded: false, configureArgs: [] },
] as const;

export type ProvidedBuild = (typeof PROVIDED_BUILDS)[number];

/** `CACHE/3.13t/bin/python3.13t`, `CACHE/3.13/bin/python3.13`. */
export function providedPython(cacheDir: string, build: ProvidedBuild): string {
	return path.join(cacheDir, build.name, 'bin', `python${build.name}`);
}
