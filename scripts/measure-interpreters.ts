/**
 * `npm run measure:interpreters`: measures the interpreter comparison the lessons show (INTERPRETER_COMPARISON in
 * src/lib/measurements/interpreters.ts): CPython 3.13 with the GIL, 3.13t without it, and 3.13t with `-X gil=1`, each into
 * measurements/<interpreter>/. Needs both builds: `npm run pythons -- --provide free-threaded`.
 * Other arguments (--allow-busy, --repeats N, --dry-run) go to every `npm run measure`.
 */
import { spawnSync } from 'node:child_process';
import { comparisonMeasureArgs, INTERPRETER_COMPARISON } from '../src/lib/measurements/interpreters.ts';
import { discover } from './lib/pythons.ts';

const passThrough = process.argv.slice(2);
const found = new Set((await discover()).pythons.map((p) => p.id));
const missing = INTERPRETER_COMPARISON.map((e) => e.interpreter.replace(/-gil1$/, '')).filter((id) => !found.has(id));
if (missing.length > 0) {
	console.error(
		`Missing interpreters: ${[...new Set(missing)].join(', ')}. Run: npm run pythons -- --provide free-threaded`,
	);
	process.exit(1);
}
let failed = 0;
for (const entry of INTERPRETER_COMPARISON) {
	const args = [...comparisonMeasureArgs(entry), ...passThrough];
	console.log(
		`\n######## ${entry.interpreter}: npm run measure -- ${args.map((a) => a.replace(/=(.* .*)$/, '="$1"')).join(' ')}`,
	);
	const result = spawnSync('npm', ['run', '--silent', 'measure', '--', ...args], { stdio: 'inherit' });
	if (result.signal === 'SIGINT') process.exit(130);
	if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
