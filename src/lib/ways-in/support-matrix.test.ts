import { describe, expect, it } from 'vitest';
import type { ExampleScript } from '../examples/metadata.ts';
import { loadExamples } from '../examples/metadata.ts';
import {
	checkObservation,
	limitationsIn,
	stackblitzCounts,
	supportMatrix,
	type PyodideObservation,
} from './support-matrix.ts';

const script = (pyodide: ExampleScript['pyodide'], file = 'x.py'): ExampleScript => ({
	file,
	variant: 'x',
	label: 'X',
	description: 'X.',
	role: 'variant',
	quickArgs: [],
	measureArgs: [],
	pyodide,
});
const observed = (extra: Partial<PyodideObservation>): PyodideObservation => ({
	file: 'x.py',
	attempted: true,
	outcome: 'ok',
	error: null,
	report: { status: 'ok', skip_reason: null, elapsed_s: 0.1 },
	...extra,
});

describe('supportMatrix', () => {
	const examples = loadExamples();
	const rows = supportMatrix(examples);

	it('has one row per script of every example, in teaching order', () => {
		expect(rows.map((r) => `${r.example}/${r.file}`)).toEqual(
			examples.flatMap((e) => e.scripts.map((s) => `${e.slug}/${s.file}`)),
		);
	});

	it('says every script runs from a clone and from the zip (CPython), and takes StackBlitz from the metadata', () => {
		for (const row of rows) {
			expect(row.ways.clone).toEqual({ status: 'runs', note: null });
			expect(row.ways.zip).toEqual({ status: 'runs', note: null });
			const meta = examples.find((e) => e.slug === row.example)!.scripts.find((s) => s.file === row.file)!.pyodide;
			expect(row.ways.stackblitz.status).toBe(meta.status);
			expect(row.ways.stackblitz.note).toBe(
				meta.status === 'labelled' ? meta.label : meta.status === 'skipped' ? meta.reason : null,
			);
		}
	});

	it('counts StackBlitz statuses per example', () => {
		for (const example of examples) {
			const counts = stackblitzCounts(example);
			expect(counts.runs + counts.labelled + counts.skipped).toBe(example.scripts.length);
		}
	});

	it('names, in every skip reason, something Pyodide lacks', () => {
		for (const row of rows.filter((r) => r.ways.stackblitz.status === 'skipped')) {
			expect(
				limitationsIn(row.ways.stackblitz.note!).size,
				`${row.example}/${row.file}: ${row.ways.stackblitz.note}`,
			).toBeGreaterThan(0);
		}
	});
});

describe('limitationsIn', () => {
	it('sorts reasons and errors into threads, processes and sockets', () => {
		expect([...limitationsIn("RuntimeError: can't start new thread")]).toEqual(['threads']);
		expect([...limitationsIn("ModuleNotFoundError: No module named '_multiprocessing'")]).toEqual(['processes']);
		expect([...limitationsIn('Pyodide has no sockets, threads or multiprocessing.')].sort()).toEqual([
			'processes',
			'sockets',
			'threads',
		]);
		expect([...limitationsIn('ZeroDivisionError: division by zero')]).toEqual([]);
	});
});

describe('checkObservation', () => {
	it('passes a script that runs, and fails one that did not', () => {
		expect(checkObservation(script({ status: 'runs' }), observed({}))).toEqual([]);
		expect(
			checkObservation(
				script({ status: 'labelled', label: 'Simulated.' }),
				observed({ outcome: 'failed', error: 'boom', report: null }),
			),
		).toEqual([expect.stringContaining('did not run')]);
	});

	it('passes a skipped script that was not run, or failed for the reason it gives', () => {
		const skipped = script({ status: 'skipped', reason: 'Pyodide cannot start threads.' });
		expect(checkObservation(skipped, observed({ attempted: false, outcome: 'not-run', report: null }))).toEqual([]);
		expect(
			checkObservation(
				skipped,
				observed({ outcome: 'failed', error: "RuntimeError: can't start new thread", report: null }),
			),
		).toEqual([]);
		expect(
			checkObservation(
				skipped,
				observed({
					outcome: 'reported-skip',
					report: { status: 'skipped', skip_reason: 'Pyodide cannot start threads.', elapsed_s: null },
				}),
			),
		).toEqual([]);
	});

	it('accepts a compare script that could only run its sequential part', () => {
		const compare = script({
			status: 'skipped',
			reason: 'It compares threads and processes, which Pyodide cannot start.',
		});
		const report = {
			status: 'ok' as const,
			skip_reason: null,
			elapsed_s: 1,
			runs: [{ status: 'skipped' as const, skip_reason: 'Pyodide cannot start threads.', elapsed_s: null }],
		};
		expect(checkObservation(compare, observed({ report }))).toEqual([]);
		const sweep = {
			status: 'ok' as const,
			skip_reason: null,
			elapsed_s: 1,
			rows: [{ variant: 'process-pool', label: 'Process pool', elapsed_s: null }],
		};
		expect(checkObservation(compare, observed({ report: sweep }))).toEqual([]);
	});

	it('flags a skipped script that ran fully, or failed for a reason its metadata does not give', () => {
		const skipped = script({ status: 'skipped', reason: 'Pyodide cannot start threads.' });
		expect(checkObservation(skipped, observed({}))).toEqual([expect.stringContaining('ran completely')]);
		expect(
			checkObservation(
				skipped,
				observed({ outcome: 'failed', error: "No module named '_multiprocessing'", report: null }),
			),
		).toEqual([expect.stringContaining('the reason says [threads]')]);
	});
});

describe('columns of the support table', () => {
	it('says once that every script runs from a clone and the zip, and shows StackBlitz first', async () => {
		const { loadExamples } = await import('../examples/metadata.ts');
		const { shownWays, supportMatrix, uniformWays } = await import('./support-matrix.ts');
		const rows = supportMatrix(loadExamples());
		expect(uniformWays(rows)).toEqual(['clone', 'zip']);
		expect(shownWays(rows)).toEqual(['stackblitz']);
		const odd = rows.map((row, i) =>
			i === 0 ? { ...row, ways: { ...row.ways, zip: { status: 'skipped' as const, note: 'why' } } } : row,
		);
		expect(shownWays(odd)).toEqual(['stackblitz', 'zip']);
	});
});
