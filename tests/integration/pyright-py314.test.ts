/**
 * The Python 3.14+ listings (examples/cpu-bound/interpreter_pool.py) are type-checked for 3.14 with their own pyright config: in the
 * main config, an execution environment's pythonVersion does not reach the version checks inside typeshed's stubs,
 * so `InterpreterPoolExecutor` (3.14) would look missing there. CPython 3.14 cannot run here; this is their check.
 */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths.ts';

it('type-checks the Python 3.14 listings against Python 3.14 with no errors', () => {
	let out: string;
	try {
		out = execFileSync('npx', ['pyright', '-p', 'pyrightconfig.py314.json', '--outputjson'], {
			encoding: 'utf8',
			cwd: REPO_ROOT,
		});
	} catch (error) {
		out = (error as { stdout: string }).stdout; // pyright exits 1 when it finds errors
	}
	const report = JSON.parse(out) as {
		summary: { filesAnalyzed: number; errorCount: number };
		generalDiagnostics: { file: string; message: string }[];
	};
	expect(report.generalDiagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([]);
	expect(report.summary.filesAnalyzed).toBeGreaterThanOrEqual(1);
	expect(report.summary.errorCount).toBe(0);
});
