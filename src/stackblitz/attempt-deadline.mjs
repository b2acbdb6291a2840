/**
 * Stops an attempted script that runs too long: the runner (run-python.mjs) attempts the scripts example.json marks
 * "skipped" only with `--all`, and one that neither fails nor finishes must not hang `npm start`.
 *
 * It uses Pyodide's own interrupt (a KeyboardInterrupt, polled by the interpreter at no cost) rather than a trace
 * function, which would slow the script's Python code down several times over.
 */
import { Worker } from 'node:worker_threads';

/** What Pyodide's interrupt buffer holds to raise KeyboardInterrupt: the signal number of SIGINT. */
const SIGINT = 2;

/**
 * Interrupts the Python code running on this thread once it has used `cpuSeconds` of CPU time (this process's, which
 * other programs cannot inflate) or used none for `idleSeconds` (waiting for something that will not come), unless
 * `finish()` comes first. The watch runs in a worker thread because this one is busy inside Pyodide; it raises the
 * interrupt through `interruptBuffer`, the shared buffer given to `pyodide.setInterruptBuffer()`, which Pyodide polls.
 * `finish()` returns what the script ran into ("15 s of CPU time"), or null if it finished in time.
 */
export function startDeadline(interruptBuffer, cpuSeconds, idleSeconds) {
	// [0] 0: running, 1: finished first, 2: the deadline fired; [1] 1: idle
	const state = new Int32Array(new SharedArrayBuffer(8));
	// Every 200 ms: CPU used so far, and whether any was used since the last look (2 ms = 1%: more than this watch's
	// own cost, less than a runnable thread gets even on a machine 30 times oversubscribed).
	const worker = new Worker(
		`const { workerData: { state, interrupt, cpuMs, idleMs, signal } } = require('node:worker_threads');
		const cpuMsNow = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
		const cpu0 = cpuMsNow();
		let last = cpu0, busyAt = Date.now();
		while (Atomics.wait(state, 0, 0, 200) === 'timed-out') {
			const cpu = cpuMsNow();
			if (cpu - last >= 2) busyAt = Date.now();
			last = cpu;
			const idle = Date.now() - busyAt > idleMs;
			if (cpu - cpu0 < cpuMs && !idle) continue;
			if (Atomics.compareExchange(state, 0, 0, 2) === 0) {
				Atomics.store(state, 1, idle ? 1 : 0);
				Atomics.store(interrupt, 0, signal);
			}
			break;
		}`,
		{
			eval: true,
			workerData: {
				state,
				interrupt: interruptBuffer,
				cpuMs: cpuSeconds * 1000,
				idleMs: idleSeconds * 1000,
				signal: SIGINT,
			},
		},
	);
	worker.unref();
	return {
		finish() {
			const fired = Atomics.compareExchange(state, 0, 0, 1) === 2;
			Atomics.notify(state, 0);
			Atomics.store(interruptBuffer, 0, 0); // an interrupt the script finished before seeing must not hit the next one
			if (!fired) return null;
			return Atomics.load(state, 1) === 1
				? `${idleSeconds} s of waiting without using the CPU`
				: `${cpuSeconds} s of CPU time`;
		},
	};
}
