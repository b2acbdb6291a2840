/**
 * How the lesson components write measured numbers and where they were measured: "2.05 s", "9.8×",
 * "CPython 3.11.7 on Linux x86_64, 2 CPUs".
 */
import { roundSig } from './numbers.ts';
import type { Environment, Measurement } from './schema.ts';

/** "2.05 s", "205 ms", "20.5 ms", "512 µs": three significant digits in a unit that reads well. */
export function formatSeconds(value: number): string {
	const three = (x: number) => {
		const rounded = roundSig(x, 3);
		return rounded >= 100 ? rounded.toFixed(0) : rounded >= 10 ? rounded.toFixed(1) : rounded.toFixed(2);
	};
	if (value === 0) return '0 s';
	if (value >= 1) return `${three(value)} s`;
	if (value >= 1e-3) return `${three(value * 1e3)} ms`;
	return `${three(value * 1e6)} µs`;
}

/** "9.8×", "1.0×", "0.52×": how many times faster than the baseline. */
export function formatSpeedup(value: number): string {
	return value >= 10 ? `${value.toFixed(0)}×` : value >= 1 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
}

/** Thousands separators for counts such as lost updates. */
export function formatCount(value: number): string {
	return Number.isInteger(value) ? value.toLocaleString('en-US') : String(roundSig(value, 3));
}

/** "CPython 3.11.7 on Linux x86_64, 2 CPUs", plus "free-threaded, GIL disabled" when it applies. */
export function environmentSummary(env: Environment, pythonArgs: readonly string[] = []): string {
	const cpus = env.cpu_count === null ? 'unknown CPU count' : `${env.cpu_count} CPU${env.cpu_count === 1 ? '' : 's'}`;
	const options = pythonArgs.length ? `, ${pythonArgs.join(' ')}` : '';
	const build = env.free_threaded_build
		? ` (free-threaded build${options}, GIL ${env.gil_enabled ? 'enabled' : 'disabled'})`
		: options
			? ` (${pythonArgs.join(' ')})`
			: '';
	const machine = env.machine ? ` ${env.machine}` : '';
	return `${env.implementation} ${env.python_version}${build} on ${env.os}${machine}, ${cpus}`;
}

/** "Measured with CPython 3.11.7 on Linux x86_64, 2 CPUs, 2026-11-24". */
export function environmentLabel(measurement: Measurement): string {
	return `Measured with ${environmentSummary(measurement.environment, measurement.python_args)}, ${measurement.date}`;
}

/** "median of 5 runs" (or "1 run"). */
export function repeatsLabel(measurement: Measurement): string {
	return measurement.repeats === 1 ? '1 run' : `median of ${measurement.repeats} runs`;
}

/** "1.98–2.10 s": both ends in the unit and precision of the larger one. */
export function formatRange(min: number, max: number): string {
	const [text = '0', unit = 's'] = formatSeconds(max).split(' ');
	const scale = unit === 's' ? 1 : unit === 'ms' ? 1e3 : 1e6;
	const decimals = text.split('.')[1]?.length ?? 0;
	return `${(min * scale).toFixed(decimals)}–${text} ${unit}`;
}

/** "lost_updates" as "Lost updates". */
export function metricTitle(name: string): string {
	const words = name.replaceAll('_', ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A plain number: integers with thousands separators, others to three significant digits. */
export function formatNumber(value: number): string {
	if (Number.isInteger(value)) return formatCount(value);
	const rounded = roundSig(value, 3);
	return Math.abs(rounded) >= 1000 ? formatCount(Math.round(rounded)) : String(rounded);
}

/** A fraction as a percentage: "52%", "4.5%", "0.38%". */
export function formatPercent(fraction: number): string {
	const percent = fraction * 100;
	return `${percent >= 10 ? percent.toFixed(0) : percent >= 1 ? percent.toFixed(1) : roundSig(percent, 2)}%`;
}
