/**
 * Prettier, the formatter Starlight, Astro and TutorialKit use, in this repo's style: tabs, single quotes, lines up to
 * 120 characters. JSON keeps the two-space indent npm writes. What it formats and what it leaves: .prettierignore.
 * `npm run format` writes, `npm run format:check` checks (a step of `npm test`).
 *
 * @type {import('prettier').Config}
 */
export default {
	useTabs: true,
	singleQuote: true,
	printWidth: 120,
	plugins: ['prettier-plugin-astro'],
	overrides: [
		{ files: '*.astro', options: { parser: 'astro' } },
		{ files: '*.json', options: { useTabs: false, tabWidth: 2 } },
	],
};
