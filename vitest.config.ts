import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test: src/lib/*.test.ts and scripts/**/*.test.ts.
export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		testTimeout: 120_000,
	},
});
