/**
 * The two static builds the browser tests run against: one served at the root, one under a sub-path.
 *
 * Each is previewed on a port that is free when the tests start (a server a learner or another checkout left
 * running on any port cannot break the suite), or on the ones given: SITE_PORTS="4391,4392". The first process
 * that loads this module picks them and puts them in SITE_PORTS, so Playwright's workers, which it starts with its
 * environment, agree on them with the web servers it starts.
 */
import { spawnSync } from 'node:child_process';

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

/** Ports the system hands out as free now (bound to port 0 at the same time, so they differ, then closed). */
function freePorts(count: number): number[] {
	const script = `const net = require('node:net');
const servers = Array.from({ length: ${count} }, () => net.createServer().listen(0, '127.0.0.1'));
Promise.all(servers.map((s) => new Promise((ok) => s.on('listening', ok)))).then(() => {
  console.log(servers.map((s) => s.address().port).join(','));
  servers.forEach((s) => s.close());
});`;
	const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
	const ports = result.stdout.trim().split(',').map(Number);
	if (result.status !== 0 || ports.length !== count || !ports.every((p) => p > 0))
		throw new Error(`could not find free ports: ${result.stderr}`);
	return ports;
}

function sitePorts(): [number, number] {
	const given = process.env.SITE_PORTS ? process.env.SITE_PORTS.split(',').map(Number) : null;
	if (given?.length === 2 && given.every((p) => Number.isInteger(p) && p > 0)) return given as [number, number];
	if (given) throw new Error(`SITE_PORTS must be two ports, such as "4391,4392"; it is "${process.env.SITE_PORTS}".`);
	const picked = freePorts(2) as [number, number];
	process.env.SITE_PORTS = picked.join(',');
	return picked;
}

function build(name: string, base: string, outDir: string, port: number): SiteBuild {
	return { name, base, outDir, port, url: `http://127.0.0.1:${port}${base}` };
}

const [rootPort, subpathPort] = sitePorts();

export const SITE_BUILDS: SiteBuild[] = [
	build('site-root', '/', './dist', rootPort),
	build('site-subpath', '/concurrency/', './dist-subpath', subpathPort),
];
