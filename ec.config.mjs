// @ts-check
/**
 * Expressive Code settings for every code block of the site (Starlight reads this file; the `<Code>` component
 * needs plugins configured here rather than in astro.config.mjs).
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginLineNumbers } from '@expressive-code/plugin-line-numbers';

/**
 * Where a long line of code may wrap besides its spaces: after an opening bracket, a comma, `=` or `/`, and before the
 * name after a dot (`asyncio.` | `open_connection`). Without these a phone could only break a long call such as
 * `ThreadPoolExecutor(max_workers=workers,` inside a name; with them it breaks between names, as a person would.
 */
const BREAK_AFTER = /(?<=[([{,=/])(?=[^\s)\]}=,/]|$)|(?<=(?:^|[^\d\s])\.)(?=[A-Za-z_]|$)/g;

/** A text that ends where a break may follow (the next character is in the next token). */
const END_BREAK = /(?:[([{,=/]|(?:^|[^\d\s])\.)$/;

/** Adds `<wbr>` break opportunities to every text of a rendered line (the copy button copies the source, not these). */
function pluginBreakBetweenNames() {
	/** @param {any} node */
	const visit = (node) => {
		if (!node.children) return;
		node.children = node.children.flatMap((/** @type {any} */ child) => {
			if (child.type !== 'text') return (visit(child), [child]);
			const parts = child.value.split(BREAK_AFTER);
			if (parts.length === 1 && !END_BREAK.test(child.value)) return [child];
			const wbr = { type: 'element', tagName: 'wbr', properties: {}, children: [] };
			const nodes = parts.flatMap((/** @type {string} */ value, /** @type {number} */ i) => [
				...(i > 0 ? [wbr] : []),
				{ type: 'text', value },
			]);
			// A bracket or a dot is often a token of its own: then the break goes after its text.
			return END_BREAK.test(child.value) ? [...nodes, wbr] : nodes;
		});
	};
	return {
		name: 'break-between-names',
		hooks: {
			/** @param {any} context */
			postprocessRenderedLine: (context) => visit(context.renderData.lineAst),
		},
	};
}

export default defineEcConfig({
	plugins: [pluginLineNumbers(), pluginBreakBetweenNames()],
	styleOverrides: {
		// The themes' own line-number grey is too faint to read (and fails WCAG contrast); Starlight's text grey is not.
		lineNumbers: { foreground: 'var(--sl-color-gray-2)', highlightForeground: 'var(--sl-color-white)' },
	},
	defaultProps: {
		// Long lines wrap at spaces and between names (see above), keeping their indentation, so no code block scrolls
		// sideways at any width and no name is cut in two.
		wrap: true,
		preserveIndent: true,
		// A wrapped line's continuation sits 2 columns in, so it can't be mistaken for a line of its own.
		hangingIndent: 2,
		// Excerpts of example files turn line numbers on (with their real start line); commands and output don't.
		showLineNumbers: false,
	},
});
