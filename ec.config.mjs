// @ts-check
/**
 * Expressive Code settings for every code block of the site (Starlight reads this file; the `<Code>` component
 * needs plugins configured here rather than in astro.config.mjs).
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginLineNumbers } from '@expressive-code/plugin-line-numbers';

export default defineEcConfig({
	plugins: [pluginLineNumbers()],
	styleOverrides: {
		// The themes' own line-number grey is too faint to read (and fails WCAG contrast); Starlight's text grey is not.
		lineNumbers: { foreground: 'var(--sl-color-gray-2)', highlightForeground: 'var(--sl-color-white)' },
	},
	defaultProps: {
		// Long lines wrap, keeping their indentation, so no code block scrolls sideways at any width.
		wrap: true,
		preserveIndent: true,
		// A wrapped line's continuation sits 2 columns in, so it can't be mistaken for a line of its own.
		hangingIndent: 2,
		// Excerpts of example files turn line numbers on (with their real start line); commands and output don't.
		showLineNumbers: false,
	},
});
