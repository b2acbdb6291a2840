import { describe, expect, it } from 'vitest';
import { figureCaption } from './plot.ts';
import { ioMeasurement } from '../measurements/fixtures.ts';
import { ENVIRONMENT } from './chart-test-helpers.ts';

describe('figureCaption', () => {
	it('adds where and when it was measured', () => {
		expect(figureCaption(ioMeasurement(), 'Threads overlap the waits')).toBe(
			`Threads overlap the waits. ${ENVIRONMENT}.`,
		);
	});
});
