/**
 * Ctrl-C on `npm test` (or any script that runs commands with scripts/lib/run.ts): every command running is stopped
 * with its process group, the script stops too (it does not go on to its next suite), says so in one line and exits
 * 130; many commands side by side add no listener warnings.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths.ts';
import { findPython } from '../../scripts/lib/run.ts';

const SIDE_BY_SIDE = 12;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interrupt-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Whether a process still runs (a zombie, ended and waiting for its parent to reap it, does not). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch {
		return false;
	}
	const stat = `/proc/${pid}/stat`;
	if (!fs.existsSync(stat)) return true;
	const text = fs.readFileSync(stat, 'utf8');
	return text.slice(text.lastIndexOf(')') + 2)[0] !== 'Z';
}

it.skipIf(process.platform === 'win32')(
	'Ctrl-C stops every command running side by side and the script itself, with one line and exit code 130',
	async () => {
		const driver = path.join(dir, 'driver.ts');
		const runModule = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'lib', 'run.ts')).href;
		// Each command is a Python that starts a child of its own (as the Python suite's do) and notes both process ids
		// in a file of its own (not on stdout, where the relayed output of commands side by side interleaves).
		const started = path.join(dir, 'started');
		fs.mkdirSync(started);
		const sleeper = [
			'-c',
			'import os, subprocess, sys, time; c = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]); ' +
				'open(os.path.join(sys.argv[1], str(os.getpid())), "w").write(f"{os.getpid()} {c.pid}"); time.sleep(60)',
			started,
		];
		fs.writeFileSync(
			driver,
			[
				`import { run } from ${JSON.stringify(runModule)};`,
				`const python = ${JSON.stringify(findPython())};`,
				`const args = ${JSON.stringify(sleeper)};`,
				`await Promise.all(Array.from({ length: ${SIDE_BY_SIDE} }, () => run(python, args)));`,
				`console.log('went on to the next step');`,
				`await run(python, args);`,
			].join('\n'),
		);
		const child = spawn(process.execPath, [driver], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
		const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
		const pids = () =>
			fs
				.readdirSync(started)
				.flatMap((file) => fs.readFileSync(path.join(started, file), 'utf8').split(' '))
				.filter(Boolean)
				.map(Number);
		const deadline = Date.now() + 60_000; // a hang guard: all start within a few seconds
		while (pids().length < 2 * SIDE_BY_SIDE && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(pids(), stderr).toHaveLength(2 * SIDE_BY_SIDE);

		child.kill('SIGINT');
		const code = await exited;
		expect(code, stderr).toBe(130);
		expect(stderr).toContain(`Interrupted: stopping ${SIDE_BY_SIDE} running commands.`);
		expect(stderr).not.toContain('MaxListenersExceededWarning');
		expect(stdout).not.toContain('went on');
		// Each one ends within moments of the script: a process killed a moment ago may still be on its way out.
		for (let waited = 0; pids().some(alive) && waited < 5_000; waited += 100)
			await new Promise((r) => setTimeout(r, 100));
		expect(pids().filter(alive), 'processes left running').toEqual([]);
	},
	90_000,
);
