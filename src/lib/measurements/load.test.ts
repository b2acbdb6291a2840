import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clone, ioMeasurement } from './fixtures.ts';
import { findOkVariant, findVariant, listMeasurementSlugs, loadMeasurement, parseMeasurement } from './load.ts';

describe('loadMeasurement', () => {
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measurements-'));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('loads and validates a file', () => {
		fs.writeFileSync(path.join(dir, 'io-demo.json'), JSON.stringify(ioMeasurement()));
		expect(loadMeasurement('io-demo', dir).variants).toHaveLength(4);
		expect(listMeasurementSlugs(dir)).toEqual(['io-demo']);
	});

	it('says which command makes a missing measurement', () => {
		expect(() => loadMeasurement('io-bound', dir)).toThrow('no measurement for example io-bound');
		expect(() => loadMeasurement('io-bound', dir)).toThrow(/run npm run measure -- --example io-bound$/);
	});

	it('names the file and every problem of an invalid one', () => {
		fs.writeFileSync(path.join(dir, 'broken.json'), '{ "format_version": 1, ');
		expect(() => loadMeasurement('broken', dir)).toThrow(/broken\.json is not valid JSON/);
		const m = clone(ioMeasurement()) as unknown as Record<string, unknown>;
		delete m.environment;
		fs.writeFileSync(path.join(dir, 'io-demo.json'), JSON.stringify(m));
		expect(() => loadMeasurement('io-demo', dir)).toThrow(
			/io-demo\.json is not a valid measurement:\n {2}- environment: /,
		);
	});

	it('refuses a file that holds another example', () => {
		fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify(ioMeasurement()));
		expect(() => loadMeasurement('other', dir)).toThrow(/holds the measurement of "io-demo", not "other"/);
	});
});

describe('finding variants', () => {
	const m = ioMeasurement();

	it('finds variants, or names the ones there are', () => {
		expect(findVariant(m, 'threads').label).toBe('Threads label');
		expect(() => findVariant(m, 'thread')).toThrow(
			/has no variant "thread" \(it has sequential, threads, asyncio, free-threads\)/,
		);
		expect(() => findOkVariant(m, 'free-threads')).toThrow(/was skipped when measured \(needs a free-threaded build\)/);
	});

	it('accepts the committed measurements only through the schema', () => {
		expect(() => parseMeasurement({}, 'empty')).toThrow(/empty is not a valid measurement/);
	});
});
