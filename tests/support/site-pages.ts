/**
 * The pages of the built site, read from its sitemap (never a hand-written list), as paths relative to the base
 * so that one test list serves both the root build and the sub-path build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRINT_PAGE_PATH } from '../../src/lib/ways-in/downloads.ts';
import { LISTINGS_DIR } from '../../src/lib/ways-in/listings.ts';
import { REPO_ROOT } from '../../src/lib/paths.ts';
import { SITE_BUILDS } from './site-builds.ts';

export interface SitePage {
	/** Path relative to the site's base, e.g. `lessons/latency/` ('' for the home page). */
	path: string;
	/** Readable name for test titles and screenshot files. */
	name: string;
	isLesson: boolean;
}

export function sitePages(): SitePage[] {
	const root = SITE_BUILDS[0]!;
	const dir = path.resolve(REPO_ROOT, root.outDir);
	const sitemaps = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^sitemap-\d+\.xml$/.test(f)) : [];
	if (sitemaps.length === 0) {
		throw new Error(`No sitemap in ${dir}: build the site first (npm test builds it; or npx astro build).`);
	}
	const locations = sitemaps.flatMap((file) =>
		[...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
	);
	return (
		locations
			.map((loc) => new URL(loc).pathname.replace(root.base, ''))
			// The printable course repeats every lesson on one page (minutes for axe and layout checks): its own tests
			// are in tests/e2e/downloads.spec.ts.
			.filter((p) => p !== PRINT_PAGE_PATH)
			// Whole-file listings are fragments a lesson fetches when a panel opens (src/lib/ways-in/listings.ts), not pages a
			// reader visits: they are tested through the lessons' panels.
			.filter((p) => !p.startsWith(`${LISTINGS_DIR}/`))
			.sort()
			.map((p) => ({
				path: p,
				name: p.replace(/\/$/, '').replaceAll('/', '-') || 'home',
				isLesson: p.startsWith('lessons/'),
			}))
	);
}
