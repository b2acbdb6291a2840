import { describe, expect, it } from 'vitest';
import { clone, ioMeasurement } from './fixtures.ts';
import { measuredValue } from './measured-value.ts';

describe('measuredValue', () => {
	const m = ioMeasurement();

	it('gives single values for sentences', () => {
		expect(measuredValue(m, 'threads', 'elapsed').text).toBe('105 ms');
		expect(measuredValue(m, 'threads', 'speedup').text).toBe('7.7×');
		expect(measuredValue(m, 'threads', 'metric:bytes').text).toBe('800');
		expect(measuredValue(m, 'threads', 'parameter:items').text).toBe('8');
		expect(measuredValue(m, 'threads', 'min').text).toBe('100 ms');
		const withFraction = clone(m);
		const threads = withFraction.variants[1]!;
		if (threads.status === 'ok') threads.metrics.cpu_fraction = 0.0194;
		expect(measuredValue(withFraction, 'threads', 'metric:cpu_fraction').text).toBe('1.9%');
		expect(measuredValue(withFraction, 'threads', 'metric:cpu_fraction', 'number').text).toBe('0.0194');
		expect(() => measuredValue(m, 'free-threads', 'elapsed')).toThrow(/was skipped when measured/);
		expect(() => measuredValue(m, 'threads', 'metric:nope')).toThrow(/no metric "nope" \(it has bytes\)/);
		expect(() => measuredValue(m, 'threads', 'parameter:nope')).toThrow(/no parameter "nope"/);
	});
});
