/** The deploy workflow's address step, run in bash as GitHub runs it: https://OWNER.github.io/REPO/ from the repository. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../src/lib/paths.ts';

interface Step {
	id?: string;
	run?: string;
}

const deploy = parse(fs.readFileSync(path.join(REPO_ROOT, '.github/workflows/deploy.yml'), 'utf8')) as {
	jobs: { build: { steps: Step[] } };
};
const address = deploy.jobs.build.steps.find((step) => step.id === 'address')!;

function run(owner: string, repo: string): Record<string, string> {
	const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-output-')), 'out');
	const result = spawnSync('bash', ['-e', '-c', address.run!], {
		env: { ...process.env, OWNER: owner, REPO: repo, GITHUB_OUTPUT: output },
		encoding: 'utf8',
	});
	expect(result.status, result.stderr).toBe(0);
	const values = Object.fromEntries(
		fs
			.readFileSync(output, 'utf8')
			.trim()
			.split('\n')
			.map((line) => line.split('=', 2) as [string, string]),
	);
	fs.rmSync(path.dirname(output), { recursive: true });
	return values;
}

it('gives https://OWNER.github.io/REPO/ for a project site and the root for a user site', () => {
	expect(run('Octo-Org', 'speed-up-python')).toEqual({ site: 'https://octo-org.github.io', base: '/speed-up-python/' });
	expect(run('Octo-Org', 'octo-org.github.io')).toEqual({ site: 'https://octo-org.github.io', base: '/' });
});
