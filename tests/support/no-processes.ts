/**
 * Set-up of the unit tests (vitest.config.ts): they start no process. Starting one fails the test with a message
 * that says where such a test belongs, so the fast layer stays pure as it grows.
 */
import { vi } from 'vitest';

const refuse = (name: string) => () => {
	throw new Error(
		`child_process.${name}: unit tests start no processes; a test that runs one belongs in tests/integration/`,
	);
};

function fake() {
	const names = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
	const module = Object.fromEntries(names.map((name) => [name, refuse(name)]));
	return { ...module, default: module };
}

vi.mock('node:child_process', fake);
vi.mock('child_process', fake);
