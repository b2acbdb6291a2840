/**
 * `npm ci` installs exactly what package-lock.json holds and fails when package.json asks for something else. A
 * dependency that asks for a dist-tag (`"latest"`) re-resolves whenever its target publishes, so the lock goes stale
 * with no change on our side: that is how `npm ci` broke once (lighthouse -> @paulirish/trace_engine ->
 * third-party-web@latest). These checks keep such packages out of the lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/lib/paths.ts';

type Manifest = Record<
	'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies',
	Record<string, string> | undefined
>;
const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
	lockfileVersion: number;
	packages: Record<string, Partial<Manifest>>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Partial<Manifest>;

/** A spec that names a dist-tag (`latest`, `next`) rather than a version, range, alias, path or URL. */
export function isDistTag(spec: string): boolean {
	return /^[A-Za-z][\w.-]*$/.test(spec) && !/^[xX]$/.test(spec) && !/^v\d/.test(spec);
}

describe('package-lock.json', () => {
	it('tells a dist-tag from a version range', () => {
		expect(['latest', 'next', 'beta'].every(isDistTag)).toBe(true);
		expect(['^1.2.3', '1.x', 'x', '*', '>=2 <3', 'v1.0.0', 'npm:foo@1', 'file:../x', ''].some(isDistTag)).toBe(false);
	});

	it('holds no package whose dependencies ask for a dist-tag, so it cannot go stale when one publishes', () => {
		const tagged: string[] = [];
		for (const [where, entry] of Object.entries(lock.packages)) {
			for (const field of ['dependencies', 'optionalDependencies'] as const) {
				for (const [name, spec] of Object.entries(entry[field] ?? {})) {
					if (isDistTag(spec)) tagged.push(`${where || '(root)'} -> ${name}@${spec}`);
				}
			}
		}
		expect(tagged, 'run such tools with a pinned `npx tool@version` instead of a devDependency').toEqual([]);
	});

	it('matches package.json (what `npm ci` checks first)', () => {
		const root = lock.packages['']!;
		expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
		expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
	});
});
