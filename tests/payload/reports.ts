/**
 * Checks what an example script printed with `--json` against examples/timing-report.schema.json (ajv, draft 2020-12)
 * and against what was run. Shared by the zip, clone and StackBlitz payload tests.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Example, ExampleScript } from '../../src/lib/examples/metadata.ts';
import { TIMING_REPORT_SCHEMA } from '../../src/lib/paths.ts';
import { reportArgs } from '../../src/lib/ways-in/commands.ts';

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** Problems with a report, as sentences; empty when it is valid and belongs to this example and script. */
export function reportProblems(report: unknown, example: Example, script: ExampleScript): string[] {
	validate ??= new Ajv2020({ allErrors: true, strict: false }).compile(
		JSON.parse(fs.readFileSync(TIMING_REPORT_SCHEMA, 'utf8')),
	);
	const problems: string[] = [];
	if (!validate(report)) {
		for (const error of (validate.errors ?? []).slice(0, 8))
			problems.push(`schema: ${error.instancePath || '(root)'} ${error.message ?? ''}`);
		return problems;
	}
	const r = report as { example: string; script: string; variant: string };
	if (r.example !== example.slug) problems.push(`example is "${r.example}", expected "${example.slug}"`);
	if (r.script !== script.file) problems.push(`script is "${r.script}", expected "${script.file}"`);
	if (r.variant !== script.variant) problems.push(`variant is "${r.variant}", expected "${script.variant}"`);
	return problems;
}

export interface Finished {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/**
 * Runs a command (no shell) with exactly `env` (not merged into this process's environment) and collects its output,
 * echoing it live when `echo` is set; kills its whole process group after `timeoutMs`.
 */
export function runCommand(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number; echo?: boolean },
): Promise<Finished> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (options.echo) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			if (options.echo) process.stderr.write(chunk);
		});
		const timer = setTimeout(() => {
			stderr += `\n[test] ${command} ${args.join(' ')}: killed after ${options.timeoutMs} ms`;
			try {
				process.kill(-child.pid!, 'SIGKILL'); // the whole group: no process left behind
			} catch {
				// already gone
			}
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: performance.now() - started });
		});
	});
}

/**
 * Splits a shell-like command line as shown to learners (`python3 threads.py`) into words.
 * The commands the site shows have no quotes or variables, and this refuses anything that would need a shell.
 */
export function words(commandLine: string): string[] {
	if (/["'`$\\|;&<>]/.test(commandLine)) throw new Error(`not a plain command: ${commandLine}`);
	return commandLine.trim().split(/\s+/);
}

/**
 * Runs one script as a learner would (`python3 <file>`) plus `--json` and its quick arguments, in `dir`,
 * and returns the parsed report with any problems.
 */
export async function runScriptForReport(
	commandLine: string,
	script: ExampleScript,
	example: Example,
	dir: string,
	python: string,
): Promise<{ problems: string[]; report: unknown; ms: number }> {
	const [command, ...shown] = words(commandLine);
	const executable = command === 'python3' ? python : command!;
	// A plain variant (`python3 threads.py`) prints only its time: first it must run as shown, then its report
	// comes from the harness, as every measurement's does (`python3 compare.py threads --json ...`).
	let rest = shown;
	if (script.role === 'variant') {
		const plain = await runCommand(executable, shown, { cwd: dir, timeoutMs: 90_000 });
		if (plain.code !== 0)
			return {
				problems: [`${commandLine} (in ${dir}) exited ${plain.code}: ${plain.stderr.slice(-800)}`],
				report: null,
				ms: plain.ms,
			};
		rest = reportArgs(script, []).slice(0, 2);
	}
	const result = await runCommand(executable, [...rest, '--json', ...script.quickArgs], {
		cwd: dir,
		timeoutMs: 90_000,
	});
	const where = `${[command, ...rest].join(' ')} --json ${script.quickArgs.join(' ')} (in ${dir})`;
	if (result.code !== 0)
		return { problems: [`${where} exited ${result.code}: ${result.stderr.slice(-800)}`], report: null, ms: result.ms };
	let report: unknown;
	try {
		report = JSON.parse(result.stdout);
	} catch {
		return {
			problems: [`${where}: stdout is not one JSON object: ${result.stdout.slice(0, 300)}`],
			report: null,
			ms: result.ms,
		};
	}
	return { problems: reportProblems(report, example, script).map((p) => `${where}: ${p}`), report, ms: result.ms };
}
