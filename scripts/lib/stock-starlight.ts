/**
 * A stock Starlight site, for the JavaScript budget of `npm run bench:site` (issue 24: at most 5 KB of JavaScript
 * more than stock Starlight before any interaction). Built from the project's own installed Astro, Starlight and
 * Expressive Code, with no overrides, no custom CSS and no components of ours: a page shaped like a lesson (headings
 * for the table of contents, a code block for Expressive Code's copy button), the same page with Starlight's own Tabs
 * (whose script a lesson that uses them ships), and search on. It lives under node_modules/.cache, so its imports
 * resolve to the project's node_modules and git never sees it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/paths.ts';

export const STOCK_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'stock-starlight');
/**
 * The pages to measure, relative to the stock site's root: a lesson of ours is weighed against the stock page that
 * uses the same Starlight components with a script of their own (today only Tabs, `<starlight-tabs>`).
 */
export const STOCK_PAGES = { plain: 'pages/lesson/', tabs: 'pages/tabs/' } as const;

const LESSON = ['## First part', '', 'Some prose.', '', '```python', 'print("hello")', '```', '', '## Second part', ''];

const FILES: Record<string, string> = {
	'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
	integrations: [
		starlight({
			title: 'Stock Starlight',
			sidebar: [{ label: 'Pages', items: [{ autogenerate: { directory: 'pages' } }] }],
		}),
	],
});
`,
	'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	'src/content/docs/index.md': '---\ntitle: Home\n---\n\nA stock page.\n',
	'src/content/docs/pages/lesson.md': ['---', 'title: A lesson', '---', '', ...LESSON, 'More prose.', ''].join('\n'),
	'src/content/docs/pages/tabs.mdx': [
		'---',
		'title: A lesson with tabs',
		'---',
		'',
		"import { Tabs, TabItem } from '@astrojs/starlight/components';",
		'',
		...LESSON,
		'<Tabs>',
		'<TabItem label="One">One.</TabItem>',
		'<TabItem label="Two">Two.</TabItem>',
		'</Tabs>',
		'',
	].join('\n'),
};

/** Writes the stock site (again, so it never drifts from this file) and returns its folder. */
export function writeStockSite(dir = STOCK_DIR): string {
	fs.rmSync(dir, { recursive: true, force: true });
	for (const [file, text] of Object.entries(FILES)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	}
	return dir;
}
