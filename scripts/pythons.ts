/**
 * `npm run pythons`: the CPythons 3.11+ on this machine, with version, build (free-threaded or not) and GIL state.
 *   npm run pythons                              a table
 *   npm run pythons -- --json                    the same for tools
 *   npm run pythons -- --provide free-threaded   build CPython 3.13t and 3.13 into the cache (Debian/Ubuntu, root)
 * Looks at python3, python3.1X, python3.1Xt on PATH, pyenv's versions, the cache's builds and PYTHONS (`:`-separated).
 */
import { parseArgs } from 'node:util';
import { cpythonCacheDir } from './lib/cpython-cache.ts';
import { discover, formatTable } from './lib/pythons.ts';
import { ProvideError, provideFreeThreaded } from './lib/provide.ts';

const USAGE = 'Usage: npm run pythons [-- --json] [-- --provide free-threaded]';

let values: { json?: boolean; provide?: string; help?: boolean };
try {
	({ values } = parseArgs({
		options: { json: { type: 'boolean' }, provide: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
	}));
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

if (values.provide !== undefined) {
	if (values.provide !== 'free-threaded') {
		console.error(`--provide knows one thing to provide: "free-threaded" (got "${values.provide}").\n${USAGE}`);
		process.exit(2);
	}
	const cacheDir = cpythonCacheDir();
	try {
		await provideFreeThreaded({ cacheDir, log: (line) => console.log(`[pythons] ${line}`) });
	} catch (error) {
		if (error instanceof ProvideError) {
			console.error(`[pythons] ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
}

const pythons = await discover();
if (values.json) console.log(JSON.stringify(pythons, null, '\t'));
else if (values.provide === undefined) console.log(formatTable(pythons));
