/**
 * The previews the browser tests start take ports that are free (never a fixed one another server may hold), or the
 * ones they are told; each case loads tests/support/site-builds.ts afresh, as each Playwright run does.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';

async function sitePorts(value: string | undefined): Promise<number[]> {
	if (value === undefined) delete process.env.SITE_PORTS;
	else process.env.SITE_PORTS = value;
	vi.resetModules();
	const { SITE_BUILDS } = await import('../support/site-builds.ts');
	return SITE_BUILDS.map((build) => build.port);
}

const saved = process.env.SITE_PORTS;
afterEach(() => {
	if (saved === undefined) delete process.env.SITE_PORTS;
	else process.env.SITE_PORTS = saved;
});

/** Servers on the ports the suite used to take (4391, 4392): a learner's, or another checkout's preview. */
const held: net.Server[] = [];
beforeAll(async () => {
	for (const port of [4391, 4392]) {
		const server = net.createServer();
		await new Promise<void>((resolve) =>
			server.once('error', () => resolve()).listen(port, '127.0.0.1', () => resolve()),
		);
		held.push(server);
	}
});
afterAll(() => held.forEach((server) => server.close()));

it('picks two different free ports and hands them on in SITE_PORTS, for the workers', async () => {
	const ports = await sitePorts(undefined);
	expect(ports).toHaveLength(2);
	expect(ports[0]).not.toBe(ports[1]);
	expect(ports).not.toContain(4391);
	expect(process.env.SITE_PORTS).toBe(ports.join(','));
	for (const port of ports) {
		const server = net.createServer();
		await new Promise<void>((resolve, reject) =>
			server.once('error', reject).listen(port, '127.0.0.1', () => resolve()),
		);
		await new Promise((resolve) => server.close(resolve));
	}
});

it('takes the ports it is told, and says what it expects from a bad SITE_PORTS', async () => {
	expect(await sitePorts('5001,5002')).toEqual([5001, 5002]);
	await expect(sitePorts('5001')).rejects.toThrow('SITE_PORTS must be two ports, such as "4391,4392"');
	expect((await sitePorts('')).length).toBe(2); // empty: as if unset
});
