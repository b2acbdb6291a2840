/**
 * Runs a StackBlitz payload the way a WebContainer does: its files in an empty folder, `npm install`, `npm start`.
 * StackBlitz itself is out of reach from the tests, so this runs the same project under a local Node.js.
 *
 * The child gets a clean environment: no npm_* variables from a parent `npm run` (npm_config_local_prefix would
 * point npm at this repository), and no node_modules/.bin on PATH, so it runs the system's Node and npm as a
 * fresh WebContainer shell would (Node 20 here: like many browsers, without WebAssembly stack switching).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StackBlitzPayload } from '../../src/lib/ways-in/stackblitz.ts';
import { runCommand, type Finished } from './reports.ts';

/**
 * Writes every project file under `dir`, as StackBlitz would receive them: the SDK posts the files as form fields,
 * and a browser's form encoding turns each line break into CRLF. Whether StackBlitz turns them back is not
 * documented, so the files are written with CRLF: the project must run either way.
 */
export function writeProject(payload: StackBlitzPayload, dir: string, lineEndings: 'crlf' | 'lf' = 'crlf'): void {
	for (const [name, contents] of Object.entries(payload.project.files)) {
		const target = path.join(dir, name);
		if (!target.startsWith(dir + path.sep)) throw new Error(`payload file escapes the project: ${name}`);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.writeFileSync(target, lineEndings === 'crlf' ? contents.replace(/\r?\n/g, '\r\n') : contents);
	}
}

export function makeProjectDir(slug: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `stackblitz-${slug}-`));
}

export function cleanEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
		env[key] = value;
	}
	const entries = (process.env.PATH ?? '')
		.split(path.delimiter)
		.filter((entry) => !entry.split(path.sep).includes('node_modules'));
	const has = (name: string) => entries.some((entry) => fs.existsSync(path.join(entry, name)));
	// No system Node or npm: fall back to the one running the tests.
	if (!has('node') || !has('npm')) entries.push(path.dirname(process.execPath));
	env.PATH = entries.join(path.delimiter);
	env.NO_COLOR = '1';
	return env;
}

/** `npm install` in the project; uses npm's cache when it can (the registry otherwise). */
export async function npmInstall(dir: string): Promise<Finished> {
	const result = await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
		cwd: dir,
		env: cleanEnv(),
		timeoutMs: 120_000,
	});
	if (result.code !== 0)
		throw new Error(`npm install failed in ${dir} (exit ${result.code}):\n${result.stderr.slice(-2000)}`);
	if (!fs.existsSync(path.join(dir, 'node_modules', 'pyodide', 'package.json'))) {
		throw new Error(
			`npm install in ${dir} did not install pyodide into the project:\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result;
}

/** `npm start [-- args]` in the project. */
export function npmStart(dir: string, args: string[] = []): Promise<Finished> {
	return runCommand('npm', ['start', ...(args.length ? ['--', ...args] : [])], {
		cwd: dir,
		env: cleanEnv(),
		timeoutMs: 120_000,
	});
}

/** The Node.js that `npm start` runs in that clean environment. */
export async function cleanNodeVersion(): Promise<string> {
	const result = await runCommand('node', ['--version'], { cwd: os.tmpdir(), env: cleanEnv(), timeoutMs: 10_000 });
	return result.stdout.trim();
}

/** One line of the runner's summary table, as printed. */
export interface SummaryLine {
	script: string;
	variant: string;
	status: string;
	wall: string;
	cpu: string;
}

/**
 * Reads the summary table that run-python.mjs prints after "Summary (": one line per script, columns separated by
 * two or more spaces (script, variant, status, wall, CPU).
 */
export function parseSummary(stdout: string): SummaryLine[] {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('Summary ('));
	if (start < 0) throw new Error(`no summary in the output:\n${stdout}`);
	const header = lines[start + 1]?.trim().split(/\s{2,}/) ?? [];
	if (header[0] !== 'script') throw new Error(`unexpected summary header: ${lines[start + 1]}`);
	const rows: SummaryLine[] = [];
	for (const line of lines.slice(start + 2)) {
		if (!/^ {2}\S+\.py\s/.test(line)) break;
		const [script, variant, status, wall, cpu] = line.trim().split(/\s{2,}/);
		rows.push({ script: script!, variant: variant!, status: status!, wall: wall!, cpu: cpu! });
	}
	return rows;
}

/** timings.json, as the runner wrote it. */
export interface Timings {
	runner: string;
	python: string;
	pyodide: string;
	node: string;
	mode: 'default' | 'all';
	cpuClockCountsWaiting: boolean;
	results: Array<{
		file: string;
		variant: string;
		attempted: boolean;
		outcome: 'ok' | 'partial' | 'reported-skip' | 'failed' | 'not-run';
		exitCode: number | null;
		error: string | null;
		report: {
			status: 'ok' | 'skipped';
			skip_reason: string | null;
			elapsed_s: number | null;
			cpu_s: number | null;
		} | null;
		expected: boolean;
	}>;
}

export function readTimings(dir: string): Timings {
	return JSON.parse(fs.readFileSync(path.join(dir, 'timings.json'), 'utf8')) as Timings;
}
