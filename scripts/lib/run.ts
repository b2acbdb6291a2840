/**
 * Small helpers for the repo's scripts: run a command with inherited output and a time limit,
 * and find a Python 3.11+ to run the examples with.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface RunResult {
	code: number;
	/** Output captured when `capture` is set (it is still echoed live unless `quiet`). */
	output: string;
}

/** Runs a command, echoing its output; kills its process group if it outlives `timeoutMs`. */
export function run(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; capture?: boolean; quiet?: boolean; cwd?: string } = {},
): Promise<RunResult> {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: { ...process.env, ...options.env },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: process.platform !== 'win32',
		});
		let output = '';
		const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
			if (!options.quiet) stream.write(chunk);
			if (options.capture) output += chunk.toString();
		};
		child.stdout.on('data', relay(process.stdout));
		child.stderr.on('data', relay(process.stderr));
		const killGroup = () => {
			try {
				if (child.pid) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		};
		const timer = options.timeoutMs
			? setTimeout(() => {
					process.stderr.write(
						`\n${command} ${args.join(' ')}: still running after ${options.timeoutMs} ms, stopping it.\n`,
					);
					killGroup();
				}, options.timeoutMs)
			: undefined;
		// Ctrl-C on the orchestrator stops the whole child group too: no orphans.
		const onSignal = () => killGroup();
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
		child.on('error', (error) => {
			output += String(error);
			process.stderr.write(`Could not start ${command}: ${error.message}\n`);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
			resolve({ code: code ?? (signal ? 128 : 1), output });
		});
	});
}

/** Minimum Python the examples support. */
export const MIN_PYTHON: [number, number] = [3, 11];

/**
 * The Python used to run the examples: `$PYTHON`, else `python3`, else `python` (Windows),
 * checked to be 3.11 or newer. Throws a message that says what to install.
 */
export function findPython(): string {
	const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['python3', 'python'];
	for (const candidate of candidates) {
		const probe = spawnSync(candidate, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
			encoding: 'utf8',
		});
		if (probe.status !== 0) continue;
		const [major, minor] = probe.stdout.trim().split('.').map(Number);
		if (major === MIN_PYTHON[0] && (minor ?? 0) >= MIN_PYTHON[1]) return candidate;
		throw new Error(
			`${candidate} is Python ${probe.stdout.trim()}; the examples need Python ${MIN_PYTHON.join('.')} or newer.`,
		);
	}
	throw new Error(
		`No Python found (tried ${candidates.join(', ')}). Install Python ${MIN_PYTHON.join('.')}+ or set PYTHON to its path.`,
	);
}
