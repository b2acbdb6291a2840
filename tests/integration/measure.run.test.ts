/** The measuring tool running real scripts: with --json, failing, printing too much, rerun, too slow. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Example } from '../../src/lib/examples/metadata.ts';
import { IO_EXAMPLE, script } from '../../src/lib/measurements/fixtures.ts';
import { report } from '../../scripts/lib/fixtures/timing-reports.ts';
import { MeasureError, measureExample, runScript } from '../../scripts/lib/measure.ts';
import { PYTHON, NO_PYTHON } from '../support/interpreters.ts';

describe.skipIf(!PYTHON)(`runScript${NO_PYTHON}`, () => {
	let dir: string | undefined;
	afterEach(() => {
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});
	function fakeExample(code: string): { example: Example; s: ReturnType<typeof script> } {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-'));
		const s = script('threads');
		// What runs is the folder's compare.py (the harness), given the variant: here a stand-in that prints a report.
		fs.writeFileSync(path.join(dir, 'compare.py'), code);
		const example = {
			...IO_EXAMPLE,
			summary: '',
			reportCommand: ['compare.py', 'all', '--json'],
			options: {},
			dir,
			files: ['compare.py', s.file],
			sources: new Map(),
			exerciseFiles: [],
		};
		return { example, s };
	}
	const python = PYTHON!;

	it('runs a script with --json and returns its validated report', async () => {
		const body = JSON.stringify(report('io-demo', script('threads'), { parameters: { items: 3 } }));
		const { example, s } = fakeExample(
			`import sys\nassert sys.argv[1:] == ['threads', '--json', '--items', '3'], sys.argv\n` +
				`print(${JSON.stringify(body)})\n`,
		);
		const result = await runScript(example, s, ['--items', '3'], { python, timeoutMs: 20_000 });
		expect(result.parameters).toEqual({ items: 3 });
	});

	it('reports a failing script with the end of its stderr', async () => {
		const { example, s } = fakeExample(
			`import sys\nprint('error: port 8000 is in use', file=sys.stderr)\nsys.exit(1)\n`,
		);
		await expect(runScript(example, s, [], { python, timeoutMs: 20_000 })).rejects.toThrow(
			/exited with 1.*\n.*port 8000 is in use/,
		);
	});

	it('rejects anything on stdout besides one JSON object', async () => {
		const { example, s } = fakeExample(`print('Downloading...')\nprint('{}')\n`);
		await expect(runScript(example, s, [], { python, timeoutMs: 20_000 })).rejects.toThrow(MeasureError);
		await expect(runScript(example, s, [], { python, timeoutMs: 20_000 })).rejects.toThrow(
			/stdout must be exactly one JSON object/,
		);
	});

	it('throws away a round that roundOk rejects and runs it again', async () => {
		const body = JSON.stringify(report('io-demo', script('threads'), { parameters: { items: 3 } }));
		const { example, s } = fakeExample(`print(${JSON.stringify(body)})\n`);
		let runs = 0;
		let rejected = false;
		const m = await measureExample(
			{ ...example, scripts: [s] },
			{
				python,
				repeats: 2,
				args: 'measureArgs',
				command: 'test',
				onRun: () => runs++,
				roundOk: async () => (rejected ? true : ((rejected = true), false)),
			},
		);
		expect(runs).toBe(3);
		expect(m.repeats).toBe(2);
		expect(m.variants[0]!.status === 'ok' && m.variants[0]!.elapsed_s.runs).toHaveLength(2);
	});

	it('runs a script again when acceptRun rejects its run, and watches contention on Linux', async () => {
		const body = JSON.stringify(report('io-demo', script('threads'), { parameters: { items: 3 } }));
		const { example, s } = fakeExample(`import time\ntime.sleep(0.2)\nprint(${JSON.stringify(body)})\n`);
		const seen: Array<{ othersRunning: number } | null> = [];
		const m = await measureExample(
			{ ...example, scripts: [s] },
			{
				python,
				repeats: 1,
				args: 'measureArgs',
				command: 'test',
				acceptRun: async ({ contention }) => seen.push(contention) > 1,
			},
		);
		expect(seen).toHaveLength(2);
		if (process.platform === 'linux') expect(seen[0]?.othersRunning).toBeGreaterThanOrEqual(0);
		expect(m.variants[0]!.status === 'ok' && m.variants[0]!.elapsed_s.runs).toHaveLength(1);
	});

	it('stops a script that runs too long', async () => {
		const { example, s } = fakeExample(`import time\ntime.sleep(30)\n`);
		await expect(runScript(example, s, [], { python, timeoutMs: 500 })).rejects.toThrow(/still running after 500 ms/);
	});
});
