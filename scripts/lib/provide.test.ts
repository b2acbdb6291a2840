import { describe, expect, it } from 'vitest';
import { cpythonCacheDir, PROVIDED_BUILDS, providedPython } from './cpython-cache.ts';
import { cannotBuildReason, findOrigTarball, parseOsReleaseIds, TRIXIE_SOURCES } from './provide.ts';

describe('where we can build', () => {
	const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
	const ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
	const fedora = 'NAME="Fedora Linux"\nID=fedora\n';
	it('reads ID and ID_LIKE', () => {
		expect(parseOsReleaseIds(ubuntu)).toEqual(['ubuntu', 'debian']);
		expect(parseOsReleaseIds('ID_LIKE="rhel centos"\nID=rocky')).toEqual(['rhel', 'centos', 'rocky']);
	});
	it('builds on Debian and Ubuntu as root with apt', () => {
		expect(cannotBuildReason(debian, 0, true)).toBeUndefined();
		expect(cannotBuildReason(ubuntu, 0, true)).toBeUndefined();
	});
	it('says why not elsewhere', () => {
		expect(cannotBuildReason(fedora, 0, true)).toMatch(/not Debian or Ubuntu \(fedora\)/);
		expect(cannotBuildReason(debian, 1000, true)).toMatch(/needs root/);
		expect(cannotBuildReason(debian, 0, false)).toMatch(/apt-get/);
		expect(cannotBuildReason('', 0, true)).toMatch(/unknown system/);
	});
});

describe('the source package', () => {
	it('finds the upstream tarball among what apt-get source downloads', () => {
		expect(
			findOrigTarball([
				'python3.13_3.13.5-2+deb13u5.dsc',
				'python3.13_3.13.5-2+deb13u5.debian.tar.xz',
				'python3.13_3.13.5.orig.tar.xz',
				'python3.13_3.13.5.orig.tar.xz.asc',
			]),
		).toBe('python3.13_3.13.5.orig.tar.xz');
		expect(findOrigTarball(['python3.13_3.13.5-2.dsc'])).toBeUndefined();
	});
	it('adds source packages only, never binaries (they would replace libc)', () => {
		expect(TRIXIE_SOURCES).toMatch(/^Types: deb-src$/m);
		expect(TRIXIE_SOURCES).not.toMatch(/^Types:.*\bdeb\b(?!-src)/m);
	});
});

describe('the cache', () => {
	it('lives outside the repository, under XDG_CACHE_HOME or ~/.cache', () => {
		expect(cpythonCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/speed-up-python/cpython');
		expect(cpythonCacheDir({ HOME: '/home/me' })).toBe('/home/me/.cache/speed-up-python/cpython');
	});
	it('holds a free-threaded and a GIL build of the same version', () => {
		expect(PROVIDED_BUILDS.map((b) => [b.name, b.freeThreaded])).toEqual([
			['3.13t', true],
			['3.13', false],
		]);
		expect(providedPython('/c', PROVIDED_BUILDS[0])).toBe('/c/3.13t/bin/python3.13t');
	});
});
