/**
 * Did other programs compete for the CPUs while a script ran? On Linux, sample /proc while it runs: how many
 * threads the kernel says are running (`procs_running` in /proc/stat), minus the running threads of the script's own
 * process tree, minus this sampler. A timing measured while others were running says more about the machine than
 * about the example, so `npm run measure` throws such runs away and runs them again.
 *
 * On other systems (no /proc) the sampler reports nothing and every run is accepted.
 */
import fs from 'node:fs';

export interface ContentionReport {
	/** How many samples were taken. */
	samples: number;
	/** Average number of threads of other programs running at the same time as the script. */
	othersRunning: number;
}

function readProcsRunning(): number | null {
	try {
		const match = /^procs_running (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
		return match ? Number(match[1]) : null;
	} catch {
		return null;
	}
}

/** State letter of a /proc/.../stat line (the field after the command name in parentheses). */
function stateOf(stat: string): string {
	return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

/** Running threads of a process and its descendants. */
function runningInTree(rootPid: number, seen = new Set<number>()): number {
	if (seen.has(rootPid)) return 0;
	seen.add(rootPid);
	let running = 0;
	let tids: string[];
	try {
		tids = fs.readdirSync(`/proc/${rootPid}/task`);
	} catch {
		return 0; // gone
	}
	for (const tid of tids) {
		try {
			if (stateOf(fs.readFileSync(`/proc/${rootPid}/task/${tid}/stat`, 'utf8')) === 'R') running++;
			const children = fs.readFileSync(`/proc/${rootPid}/task/${tid}/children`, 'utf8').trim();
			for (const child of children ? children.split(/\s+/) : []) running += runningInTree(Number(child), seen);
		} catch {
			// the thread ended between two reads
		}
	}
	return running;
}

/** Whether this system lets us watch for contention. */
export function canWatchContention(): boolean {
	return process.platform === 'linux' && readProcsRunning() !== null;
}

/**
 * Samples every `intervalMs` until stopped. `stop()` returns the average number of other programs' running threads,
 * or null where /proc is not available or no sample was taken.
 */
export function watchContention(rootPid: number, intervalMs = 50): { stop: () => ContentionReport | null } {
	if (!canWatchContention()) return { stop: () => null };
	let samples = 0;
	let others = 0;
	const sample = () => {
		const total = readProcsRunning();
		if (total === null) return;
		const ours = runningInTree(rootPid);
		// This sampler is itself running while it reads /proc/stat: one thread.
		others += Math.max(0, total - ours - 1);
		samples++;
	};
	const timer = setInterval(sample, intervalMs);
	return {
		stop: () => {
			clearInterval(timer);
			return samples === 0 ? null : { samples, othersRunning: others / samples };
		},
	};
}

/**
 * Average number of other programs' running threads over the next `ms` milliseconds (nothing of ours runs), or
 * null where /proc is not available.
 */
export async function othersRunningNow(ms = 2000): Promise<number | null> {
	if (!canWatchContention()) return null;
	const watcher = watchContention(-1);
	await new Promise((resolve) => setTimeout(resolve, ms));
	return watcher.stop()?.othersRunning ?? null;
}
