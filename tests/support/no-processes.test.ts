/** The unit layer starts no process: tests/support/no-processes.ts refuses, and says where such a test belongs. */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('refuses to start a process, pointing to tests/integration/', () => {
	for (const start of [() => spawn('python3'), () => spawnSync('bash'), () => execFile('node')]) {
		expect(start).toThrow(/unit tests start no processes; a test that runs one belongs in tests\/integration\//);
	}
});
