/**
 * Interpreter ids: the names under which figures from several CPythons sit side by side in
 * `measurements/<interpreter>/<slug>.json` (the default interpreter's figures stay in `measurements/<slug>.json`).
 *
 *   cpython-3.13       the GIL build of CPython 3.13
 *   cpython-3.13t      the free-threaded build (`--disable-gil`), GIL off
 *   cpython-3.13t-gil1 the free-threaded build run with `-X gil=1`: the GIL back on, same binary
 */

/** What an interpreter id may look like. */
export const INTERPRETER_ID_PATTERN = /^cpython-3\.\d+(t|t-gil1)?$/;

/** The GIL switch in Python options (`-X gil=0|1`, `-Xgil=1`), or undefined when they do not set it. */
export function gilOption(pythonArgs: readonly string[]): 0 | 1 | undefined {
	let value: 0 | 1 | undefined;
	for (let i = 0; i < pythonArgs.length; i++) {
		const arg = pythonArgs[i]!;
		const option = arg === '-X' ? pythonArgs[++i] : arg.startsWith('-X') ? arg.slice(2) : undefined;
		const match = option === undefined ? null : /^gil=([01])$/.exec(option);
		if (match) value = match[1] === '1' ? 1 : 0;
	}
	return value;
}

/** "3.13" from "3.13.5". */
export function minorOf(version: string): string {
	const match = /^(\d+)\.(\d+)/.exec(version);
	if (!match) throw new Error(`not a Python version: "${version}"`);
	return `${match[1]}.${match[2]}`;
}

/** The id of an interpreter run with `pythonArgs` (only `-X gil=1` on a free-threaded build changes it). */
export function interpreterId(version: string, freeThreadedBuild: boolean, pythonArgs: readonly string[] = []): string {
	const base = `cpython-${minorOf(version)}${freeThreadedBuild ? 't' : ''}`;
	return freeThreadedBuild && gilOption(pythonArgs) === 1 ? `${base}-gil1` : base;
}

/** Whether the GIL is on under an id: off only on a free-threaded build without `-gil1`. */
export function gilEnabledFor(id: string): boolean {
	return !/t$/.test(id);
}

/** "CPython 3.13 (GIL build)", "CPython 3.13t (free-threaded, GIL off)", "CPython 3.13t with -X gil=1". */
export function interpreterLabel(id: string): string {
	const match = /^cpython-(3\.\d+)(t?)(-gil1)?$/.exec(id);
	if (!match) return id;
	const [, minor, t, gil1] = match;
	if (!t) return `CPython ${minor} (GIL)`;
	return gil1 ? `CPython ${minor}t, -X gil=1` : `CPython ${minor}t (no GIL)`;
}

/**
 * The interpreter comparison the lessons show: which examples are measured on which interpreter, beside the
 * default interpreter's figures. `npm run measure:interpreters` runs exactly this; the freshness test expects it.
 */
export const INTERPRETER_COMPARISON: ReadonlyArray<{ interpreter: string; examples: readonly string[] }> = [
	{ interpreter: 'cpython-3.13', examples: ['cpu-bound', 'race-conditions', 'io-bound'] },
	{ interpreter: 'cpython-3.13t', examples: ['cpu-bound', 'race-conditions', 'io-bound'] },
	{ interpreter: 'cpython-3.13t-gil1', examples: ['cpu-bound', 'race-conditions'] },
];

/** The `npm run measure` arguments that measure one entry of {@link INTERPRETER_COMPARISON}. */
export function comparisonMeasureArgs(entry: { interpreter: string; examples: readonly string[] }): string[] {
	const gil1 = entry.interpreter.endsWith('-gil1');
	return [
		'--python',
		entry.interpreter.replace(/-gil1$/, ''),
		...(gil1 ? ['--python-args=-X gil=1'] : []),
		'--example',
		entry.examples.join(','),
	];
}

/** Short form for chart rows: "3.13, GIL", "3.13t, no GIL", "3.13t, -X gil=1". */
export function interpreterShortLabel(id: string): string {
	const match = /^cpython-(3\.\d+)(t?)(-gil1)?$/.exec(id);
	if (!match) return id;
	const [, minor, t, gil1] = match;
	return !t ? `${minor}, GIL` : gil1 ? `${minor}t, -X gil=1` : `${minor}t, no GIL`;
}
