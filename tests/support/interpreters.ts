/**
 * The interpreters the integration tests run, found without throwing: a test file that needs one it cannot find
 * is skipped with the reason (in its name, so the report says it), never broken while Vitest collects it.
 */
import { discover, type PythonInfo } from '../../scripts/lib/pythons.ts';
import { findPython } from '../../scripts/lib/run.ts';

function python(): { path: string | null; why: string } {
	try {
		return { path: findPython(), why: '' };
	} catch (error) {
		return { path: null, why: ` (skipped: ${(error as Error).message})` };
	}
}

const found = python();
/** The Python that runs the examples ($PYTHON, else python3), or null. */
export const PYTHON = found.path;
/** '' when {@link PYTHON} was found, else " (skipped: why)", to append to a describe's name. */
export const NO_PYTHON = found.why;

/** The interpreter the free-threaded comparison was measured on. */
export const FREE_THREADED = 'cpython-3.13t';

/** The free-threaded CPython that `npm run pythons` finds (cache, PATH, pyenv, $PYTHONS), or why there is none. */
export async function findFreeThreaded(): Promise<{ python: PythonInfo | null; why: string }> {
	const python = (await discover()).pythons.find((p) => p.id === FREE_THREADED) ?? null;
	const why = python
		? ''
		: `no ${FREE_THREADED} here (npm run pythons lists the interpreters; npm run pythons -- --provide free-threaded builds it)`;
	return { python, why };
}
