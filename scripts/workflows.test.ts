/**
 * The GitHub Actions workflows are valid YAML and run exactly the commands README.md names: the test workflow the
 * README's CI test command (the one .ci/run runs too), the deploy workflow the README's build-with-PDF command, on
 * pushes to main, with the site's address worked out from the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/lib/paths.ts';

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string | number>;
	env?: Record<string, string>;
}
interface Workflow {
	on: Record<string, { branches?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, { needs?: string; steps: Step[]; environment?: { name: string } }>;
}

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const workflow = (name: string) =>
	parse(read(`.github/workflows/${name}`), { strict: true, uniqueKeys: true }) as Workflow;
const README = read('README.md');
/** Every line of every shell block in the README, comments stripped. */
const readmeCommands = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
	block[1]!
		.split('\n')
		.map((line) => line.replace(/\s+#.*$/, '').trim())
		.filter(Boolean),
);
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);

describe('.github/workflows/test.yml', () => {
	const wf = workflow('test.yml');
	const runs = steps(wf)
		.filter((step) => step.run && !step.run.includes('GITHUB_ENV'))
		.map((step) => step.run!.trim());

	it('runs on pull requests', () => {
		expect(Object.keys(wf.on)).toContain('pull_request');
	});

	it('runs the README’s CI test command, the same one .ci/run runs', () => {
		// `npm ci && npm test` in two steps, with Playwright's Chromium installed between them (it needs node_modules).
		expect(runs).toEqual(['npm ci', 'npx playwright install --with-deps chromium', 'npm test']);
		expect(readmeCommands).toContain('npm ci && npm test');
		// .ci/run also provides a free-threaded CPython between the two, so it installs and tests on separate lines.
		expect(read('.ci/run')).toMatch(/^npm ci --no-audit --no-fund$/m);
		expect(read('.ci/run')).toMatch(/^npm test$/m);
	});

	it('provides a free-threaded CPython, as .ci/run does, so the tests without the GIL run in CI', () => {
		const python = steps(wf).find((step) => step.uses?.startsWith('actions/setup-python@'));
		expect(
			String(python?.with?.['python-version'])
				.split('\n')
				.map((v) => v.trim()),
		).toContain('3.13t');
		expect(read('.ci/run')).toMatch(/^\s*npm run --silent pythons -- --provide free-threaded$/m);
	});
});

describe('.github/workflows/deploy.yml', () => {
	const wf = workflow('deploy.yml');
	const build = wf.jobs.build!;
	const astro = build.steps.find((step) => step.uses?.startsWith('withastro/action@'));

	it('builds on every push to main and deploys with actions/deploy-pages', () => {
		expect(wf.on.push?.branches).toEqual(['main']);
		expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
		const deploy = wf.jobs.deploy!;
		expect(deploy.needs).toBe('build');
		expect(deploy.environment?.name).toBe('github-pages');
		expect(deploy.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
	});

	it('builds with Astro’s action, running the README’s build command, the PDF included', () => {
		expect(astro).toBeDefined();
		const command = String(astro!.with?.['build-cmd']);
		expect(command).toBe('npm run build && npm run pdf');
		expect(readmeCommands).toContain(command);
		const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
		for (const script of command.split('&&').map((part) => part.trim().replace(/^npm run /, '')))
			expect(scripts[script], script).toBeDefined();
	});

	it('sets SITE and BASE from the address step', () => {
		expect(astro!.env).toEqual({
			SITE: '${{ steps.address.outputs.site }}',
			BASE: '${{ steps.address.outputs.base }}',
		});
		const address = build.steps.find((step) => step.id === 'address')!;
		expect(address.env).toEqual({
			OWNER: '${{ github.repository_owner }}',
			REPO: '${{ github.event.repository.name }}',
		});
		// What its shell gives for a user site and a project site: tests/integration/deploy-address.run.test.ts.
	});

	it('reads SITE and BASE in the Astro config, as the workflow sets them', () => {
		const config = read('astro.config.mjs');
		expect(config).toContain('process.env.BASE');
		expect(config).toContain('process.env.SITE');
	});
});
