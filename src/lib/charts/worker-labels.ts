/**
 * Row labels of a timeline, derived from the worker names a report records (the measurement keeps them as they
 * were). Rows must differ where a reader looks: "ThreadPoolExecutor-0_0" and "ThreadPoolExecutor-0_1" only differ
 * in their last character, and the 12-unit labels of a 400-unit chart have room for about ten characters, so
 * long names become "thread 1", "thread 2"; process ids ("pid 10702") become "process 1", "process 2" in the order
 * the processes started. Names already short ("worker_0", "task-3", "MainThread") stay as the lesson's code
 * writes them.
 */

/** Longest name kept as it is. */
const KEPT = 12;

/**
 * One label per worker, in the given order (the order rows are drawn in: first task first). Labels are distinct
 * whenever the names are.
 */
export function workerLabels(workers: readonly string[]): string[] {
	const counters = new Map<string, number>();
	const next = (kind: string) => {
		const n = (counters.get(kind) ?? 0) + 1;
		counters.set(kind, n);
		return `${kind} ${n}`;
	};
	const labels = workers.map((name) => {
		// concurrent.futures names its threads "<prefix>-<pool>_<index>", counting from 0.
		const pooled = /^ThreadPoolExecutor-\d+_(\d+)$/.exec(name);
		if (pooled) return `thread ${Number(pooled[1]) + 1}`;
		// threading's default names count from 1: "Thread-3 (target)".
		const plain = /^Thread-(\d+)\b/.exec(name);
		if (plain && name.length > KEPT) return `thread ${plain[1]}`;
		if (/^pid \d+$/.test(name)) return next('process');
		return name.length <= KEPT ? name : next('worker');
	});
	// Should two names map to one label (a "thread 1" beside a ThreadPoolExecutor-0_0), number them all instead.
	return new Set(labels).size === labels.length
		? labels
		: workers.map((name) => (name.length <= KEPT ? name : `worker ${workers.indexOf(name) + 1}`));
}

/** "thread 1 (ThreadPoolExecutor-0_0)" where the label is not the name, for tables. */
export function labelWithName(label: string, name: string): string {
	return label === name ? name : `${label} (${name})`;
}
