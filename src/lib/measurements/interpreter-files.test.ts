import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clone, ioMeasurement } from './fixtures.ts';
import { environmentLabel } from './format.ts';
import {
	interpreterMeasureCommand,
	listInterpreters,
	listMeasurementSlugs,
	loadInterpreterMeasurement,
	parseMeasurement,
} from './load.ts';
import { type Measurement } from './schema.ts';

function onFreeThreaded(args?: string[]): Measurement {
	const m = clone(ioMeasurement());
	m.environment = { ...m.environment, python_version: '3.13.5', free_threaded_build: true, gil_enabled: !!args };
	m.interpreter = args ? 'cpython-3.13t-gil1' : 'cpython-3.13t';
	if (args) m.python_args = args;
	return m;
}

describe('the interpreter a measurement comes from', () => {
	it('accepts an id that follows from the environment', () => {
		expect(parseMeasurement(onFreeThreaded(), 'x').interpreter).toBe('cpython-3.13t');
		expect(parseMeasurement(onFreeThreaded(['-X', 'gil=1']), 'x').python_args).toEqual(['-X', 'gil=1']);
	});
	it('rejects an id the environment contradicts', () => {
		const m = onFreeThreaded();
		m.interpreter = 'cpython-3.13';
		expect(() => parseMeasurement(m, 'x')).toThrow(
			/interpreter is "cpython-3.13" but the environment .* says "cpython-3.13t"/,
		);
		const wrongGil = onFreeThreaded();
		wrongGil.environment.gil_enabled = true;
		expect(() => parseMeasurement(wrongGil, 'x')).toThrow(/gil_enabled is true on cpython-3.13t/);
		const notAnId = onFreeThreaded();
		notAnId.interpreter = 'python3.13t';
		expect(() => parseMeasurement(notAnId, 'x')).toThrow(/interpreter/);
	});
	it('puts the options in the label', () => {
		expect(environmentLabel(parseMeasurement(onFreeThreaded(['-X', 'gil=1']), 'x'))).toBe(
			'Measured with CPython 3.13.5 (free-threaded build, -X gil=1, GIL enabled) on Linux x86_64, 2 CPUs, 2026-11-24',
		);
	});
});

describe('measurements/<interpreter>/', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interp-'));
	fs.mkdirSync(path.join(dir, 'cpython-3.13t'));
	fs.mkdirSync(path.join(dir, 'not-an-interpreter'));
	const m = onFreeThreaded();
	m.example = 'io-demo';
	fs.writeFileSync(path.join(dir, 'cpython-3.13t', 'io-demo.json'), JSON.stringify(m));
	fs.writeFileSync(path.join(dir, 'io-demo.json'), JSON.stringify(ioMeasurement()));

	it('sit beside the default files, which keep their place', () => {
		expect(listInterpreters(dir)).toEqual(['cpython-3.13t']);
		expect(listMeasurementSlugs(dir)).toEqual(['io-demo']);
	});
	it('load with the interpreter checked', () => {
		expect(loadInterpreterMeasurement('io-demo', 'cpython-3.13t', dir).environment.gil_enabled).toBe(false);
		fs.mkdirSync(path.join(dir, 'cpython-3.13'), { recursive: true });
		fs.copyFileSync(path.join(dir, 'cpython-3.13t', 'io-demo.json'), path.join(dir, 'cpython-3.13', 'io-demo.json'));
		expect(() => loadInterpreterMeasurement('io-demo', 'cpython-3.13', dir)).toThrow(
			/comes from cpython-3.13t, not cpython-3.13/,
		);
	});
	it('say how to make a missing one', () => {
		expect(() => loadInterpreterMeasurement('cpu-demo', 'cpython-3.13t-gil1', dir)).toThrow(
			'run npm run measure -- --python cpython-3.13t --python-args="-X gil=1" --example cpu-demo',
		);
		expect(interpreterMeasureCommand('x', 'cpython-3.13')).toBe('npm run measure -- --python cpython-3.13 --example x');
		expect(() => loadInterpreterMeasurement('x', '../etc')).toThrow(/not an interpreter id/);
	});
});
