// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import runInPage from './src/integrations/run-in-page.ts';
import buildTimeOnly from './src/integrations/build-time-only.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { stackedTablesPlugin } from './src/lib/text/stacked-tables.ts';

/**
 * The site can be served from any sub-path of a static host (e.g. `BASE=/concurrency/ npm run build`).
 * `OUT_DIR` lets the test suite keep a root build and a sub-path build side by side.
 */
const base = process.env.BASE ?? '/';
const outDir = process.env.OUT_DIR ?? './dist';
/** Used for the sitemap and canonical URLs; a local default keeps the build self-contained. */
const site = process.env.SITE ?? 'http://localhost:4321';
/** Lets parallel builds (e.g. two checkouts or helpers) keep separate caches. */
const cacheDir = process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
	site,
	base,
	outDir,
	cacheDir,
	trailingSlash: 'ignore',
	// Tables of sentences in the lessons stack on narrow screens instead of scrolling sideways.
	markdown: { processor: satteri({ hastPlugins: [stackedTablesPlugin] }) },
	// The chart code also runs in the browser, on demand: jsdom stays at build time (see the plugin).
	vite: { plugins: [buildTimeOnly()] },
	integrations: [
		starlight({
			title: 'Speed Up Python With Concurrency',
			description:
				'A hands-on course on threads, asyncio and processes in Python, with examples you can run and measure.',
			// Starlight's default search button names itself "Search" while showing "Ctrl K": see the component.
			components: {
				Search: './src/components/overrides/Search.astro',
				// Shows each lesson's learning goals (frontmatter `goals`) under its title.
				PageTitle: './src/components/overrides/PageTitle.astro',
				// Starlight's footer plus a link to the whole course as one PDF on every lesson.
				Footer: './src/components/overrides/Footer.astro',
				// The home page's hero replays measured runs beside its title (frontmatter `heroReplay`).
				Hero: './src/components/overrides/Hero.astro',
			},
			customCss: ['./src/styles/course.css', './src/styles/print.css'],
			sidebar: [{ label: 'Course', items: [{ autogenerate: { directory: 'lessons' } }] }],
			lastUpdated: false,
			pagination: true,
		}),
		mdx(),
		// Self-hosted Pyodide and the worker for the lessons' "Run here" buttons, under <base>run-in-page/.
		runInPage(),
	],
});
