import { defineConfig } from 'vitest/config';

/**
 * Two layers (npm test runs each as its own suite: scripts/test.ts):
 *  - unit: pure tests beside the code they test (src/, scripts/) and of the test oracles (tests/support/, tests/unit/):
 *    no processes (tests/support/no-processes.ts refuses them), no network, no build. Seconds.
 *  - integration: tests/integration/, which run things as a learner or the tools would: Python, zips, StackBlitz
 *    projects, fresh re-measurements, Vitest itself. Minutes.
 */
export default defineConfig({
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: [
						'src/**/*.test.ts',
						'scripts/**/*.test.ts',
						'tests/support/**/*.test.ts',
						'tests/unit/**/*.test.ts',
					],
					setupFiles: ['tests/support/no-processes.ts'],
					testTimeout: 20_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 120_000,
				},
			},
		],
	},
});
