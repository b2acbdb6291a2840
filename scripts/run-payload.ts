/**
 * `npm run payload -- <slug> [--all] [--keep]`: opens an example's StackBlitz payload locally, as a WebContainer
 * would — the project's files in an empty temporary folder (with the CRLF line endings a browser's form post gives
 * them), `npm install`, then `npm start` — and shows its output as it comes. StackBlitz itself is not needed.
 *
 *   --all    pass --all to the runner: also attempt the scripts that cannot run under Pyodide, to see why
 *   --keep   keep the folder afterwards (its path is printed), e.g. to read timings.json
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ExampleError, listExampleSlugs, loadExample } from '../src/lib/examples/metadata.ts';
import { buildStackBlitzPayload } from '../src/lib/ways-in/stackblitz.ts';
import { runCommand } from '../tests/payload/reports.ts';
import { cleanEnv, makeProjectDir, writeProject } from '../tests/payload/webcontainer.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { all: { type: 'boolean' }, keep: { type: 'boolean' } },
});
const slug = positionals[0];
if (!slug) {
	console.error(`Usage: npm run payload -- <slug> [--all] [--keep]\nExamples: ${listExampleSlugs().join(', ')}`);
	process.exit(2);
}

let example;
try {
	example = loadExample(slug);
} catch (error) {
	console.error((error as ExampleError).message);
	process.exit(2);
}

const dir = makeProjectDir(slug);
writeProject(buildStackBlitzPayload(example), dir);
console.log(`Project written to ${dir}`);
// Exactly this environment (no npm_* variables from `npm run`, which would point npm at this repository).
const env = cleanEnv();
delete env.NO_COLOR;
let code = 1;
try {
	console.log('\n$ npm install');
	const install = await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
		cwd: dir,
		env,
		timeoutMs: 5 * 60_000,
		echo: true,
	});
	if (install.code !== 0) throw new Error(`npm install failed (exit ${install.code})`);
	const args = values.all ? ['start', '--', '--all'] : ['start'];
	console.log(`\n$ npm ${args.join(' ')}`);
	code = (await runCommand('npm', args, { cwd: dir, env, timeoutMs: 5 * 60_000, echo: true })).code ?? 1;
} catch (error) {
	console.error((error as Error).message);
} finally {
	if (values.keep) console.log(`\nKept ${dir} (timings.json holds every report).`);
	else fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
