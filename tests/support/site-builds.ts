/**
 * The two static builds the browser tests run against: one served at the root, one under a sub-path.
 * Ports can be moved with SITE_PORT (root) if the defaults are taken; the sub-path build uses the next port.
 */
const rootPort = Number(process.env.SITE_PORT ?? 4391);

export interface SiteBuild {
	name: string;
	/** Astro `base`: where the site lives on the host. */
	base: string;
	/** Astro `outDir` for this build. */
	outDir: string;
	port: number;
	/** URL of the site's home page (base included, trailing slash). */
	url: string;
}

function build(name: string, base: string, outDir: string, port: number): SiteBuild {
	return { name, base, outDir, port, url: `http://127.0.0.1:${port}${base}` };
}

export const SITE_BUILDS: SiteBuild[] = [
	build('site-root', '/', './dist', rootPort),
	build('site-subpath', '/concurrency/', './dist-subpath', rootPort + 1),
];
