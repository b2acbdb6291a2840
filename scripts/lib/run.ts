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

/** How long a stopped command's process group gets to end after SIGTERM before SIGKILL. */
const GRACE_MS = 5_000;

/** The commands running now, each with the function that stops its process group. */
const running = new Map<number, () => void>();
let listening = false;
let interrupted: NodeJS.Signals | null = null;

/**
 * Ctrl-C (or SIGTERM) on a script stops every command it is running and then the script itself, with one line and
 * the shell's exit code (130 or 143): the script does not go on to its next step, and nothing is left running. One
 * listener for all commands (a listener per command would pile up when many run side by side).
 */
function listenForInterrupts(): void {
	if (listening) return;
	listening = true;
	const onSignal = (signal: NodeJS.Signals) => {
		if (interrupted) return;
		interrupted = signal;
		const count = running.size;
		const what = `${count} running command${count === 1 ? '' : 's'}`;
		process.stderr.write(`\n${signal === 'SIGINT' ? 'Interrupted' : 'Terminated'}: stopping ${what}.\n`);
		for (const stop of running.values()) stop();
		exitWhenStopped();
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
}

function exitWhenStopped(): void {
	if (interrupted && running.size === 0) process.exit(interrupted === 'SIGINT' ? 130 : 143);
}

/** Sends `signal` to a child's process group (its own process on Windows); quiet if it has already gone. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	try {
		if (pid) process.kill(process.platform === 'win32' ? pid : -pid, signal);
	} catch {
		// already gone
	}
}

/** Runs a command, echoing its output; kills its process group if it outlives `timeoutMs`. */
export function run(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; capture?: boolean; quiet?: boolean; cwd?: string } = {},
): Promise<RunResult> {
	listenForInterrupts();
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
		const timer = options.timeoutMs
			? setTimeout(() => {
					process.stderr.write(
						`\n${command} ${args.join(' ')}: still running after ${options.timeoutMs} ms, stopping it.\n`,
					);
					signalGroup(child.pid, 'SIGKILL');
				}, options.timeoutMs)
			: undefined;
		// SIGTERM first, so that a command with children of its own (Playwright's servers and browsers) ends them.
		let killer: NodeJS.Timeout | undefined;
		const stop = () => {
			signalGroup(child.pid, 'SIGTERM');
			killer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), GRACE_MS);
		};
		if (child.pid !== undefined) running.set(child.pid, stop);
		if (interrupted) stop(); // started after the interrupt: stop it at once
		child.on('error', (error) => {
			output += String(error);
			process.stderr.write(`Could not start ${command}: ${error.message}\n`);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			if (killer) clearTimeout(killer);
			// Stopped: the command is gone, and what is left of its group (a child of its own still ending) goes too.
			if (interrupted) signalGroup(child.pid, 'SIGKILL');
			if (child.pid !== undefined) running.delete(child.pid);
			exitWhenStopped();
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
		`No Python found (tried ${candidates.join(', ')}). Install ` +
			`Python ${MIN_PYTHON.join('.')}+ or set PYTHON to its path.`,
	);
}
