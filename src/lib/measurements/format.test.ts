import { describe, expect, it } from 'vitest';
import { clone, ioMeasurement } from './fixtures.ts';
import { environmentLabel, formatRange, formatSeconds, formatSpeedup } from './format.ts';

describe('formatting for readers', () => {
	const m = ioMeasurement();

	it('formats times, ranges and speedups for readers', () => {
		expect(formatSeconds(2.051)).toBe('2.05 s');
		expect(formatSeconds(12.34)).toBe('12.3 s');
		expect(formatSeconds(0.2163)).toBe('216 ms');
		expect(formatSeconds(0.02163)).toBe('21.6 ms');
		expect(formatSeconds(0.0000512)).toBe('51.2 µs');
		expect(formatRange(0.198, 0.2304)).toBe('198–230 ms');
		expect(formatRange(1.98, 2.104)).toBe('1.98–2.10 s');
		expect(formatSpeedup(9.47)).toBe('9.5×');
		expect(formatSpeedup(12.4)).toBe('12×');
		expect(formatSpeedup(0.523)).toBe('0.52×');
	});

	it('labels the environment', () => {
		expect(environmentLabel(m)).toBe('Measured with CPython 3.11.7 on Linux x86_64, 2 CPUs, 2026-11-24');
		const freeThreaded = clone(m);
		freeThreaded.environment = {
			...freeThreaded.environment,
			free_threaded_build: true,
			gil_enabled: false,
			cpu_count: 1,
		};
		expect(environmentLabel(freeThreaded)).toBe(
			'Measured with CPython 3.11.7 (free-threaded build, GIL disabled) on Linux x86_64, 1 CPU, 2026-11-24',
		);
	});
});
