/** The sweep chart's log axes: ticks at powers of ten, their domains and their labels. */

/** Tick labels of a log axis of seconds: each in its own unit ("1 ms", "10 ms", "0.1 s", "1 s"). */
export function logSecondsTick(value: number): string {
	const clean = (x: number) => String(+x.toPrecision(3));
	if (value >= 1) return `${clean(value)} s`;
	if (value >= 1e-3) return `${clean(value * 1e3)} ms`;
	return `${clean(value * 1e6)} µs`;
}

/** Powers of ten from below the smallest value to above the largest: the only ticks of a log axis. */
export function decades(values: readonly number[]): number[] {
	const low = Math.floor(Math.log10(Math.min(...values)));
	const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values))));
	return Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i)).map((x) => +x.toPrecision(1));
}

/** The decades around the values: the domain of a log axis whose ticks are exactly its ends and the powers between. */
export function niceLog(values: readonly number[]): [number, number] {
	const ticks = decades(values);
	return [ticks[0]!, ticks[ticks.length - 1]!];
}

/** 100000 as "100k", as on the log x axis. */
export function formatTick(value: number): string {
	const units: Array<[number, string]> = [
		[1e9, 'G'],
		[1e6, 'M'],
		[1e3, 'k'],
	];
	for (const [size, suffix] of units) if (value >= size) return `${+(value / size).toPrecision(3)}${suffix}`;
	return String(value);
}

/** Whether `x` lies in the right half of a log axis over `domain`. */
export function crossoverInRightHalf(x: number, domain: readonly [number, number] | number[]): boolean {
	const [low, high] = [domain[0]!, domain[domain.length - 1]!];
	return Math.log(x / low) / Math.log(high / low) > 0.5;
}
