/**
 * `npm run pythons -- --provide free-threaded`: builds CPython 3.13 twice from Debian's source package
 * (with `--disable-gil` into CACHE/3.13t, without into CACHE/3.13), so the course can compare the same
 * interpreter with and without the GIL. Debian or Ubuntu as root only: it adds a *source-only* apt line
 * for Debian trixie (never binary packages, which would replace libc), downloads the source package,
 * builds from its upstream tarball and verifies each build. Elsewhere it says how to get one.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROVIDED_BUILDS, providedPython, type ProvidedBuild } from './cpython-cache.ts';

/** The apt source file we add (source packages of Debian trixie only) and remove again afterwards. */
export const TRIXIE_SOURCES_FILE = '/etc/apt/sources.list.d/speed-up-python-trixie-src.sources';
export const TRIXIE_SOURCES = `# Added by speed-up-python's "npm run pythons -- --provide free-threaded": source packages only.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;
/** The Debian source package with CPython 3.13. */
export const SOURCE_PACKAGE = 'python3.13';
/** Build dependencies from the machine's own release; the build works without the optional ones (fewer modules). */
export const BUILD_DEPENDENCIES = ['build-essential', 'libssl-dev', 'zlib1g-dev', 'libffi-dev'];
export const OPTIONAL_BUILD_DEPENDENCIES = [
	'libbz2-dev',
	'libsqlite3-dev',
	'liblzma-dev',
	'uuid-dev',
	'libncurses-dev',
	'libreadline-dev',
	'libgdbm-dev',
	'tk-dev',
];

/** What to do instead where we cannot build (not Debian/Ubuntu, or not root). */
export const ELSEWHERE_HELP = `To get a free-threaded CPython (3.13t or newer) on this machine:
  - python.org installers (macOS, Windows): tick "free-threaded binaries" in the installer's options;
    it installs python3.13t / python3.14t beside the usual python3.
  - uv: uv python install 3.14t    (then: PYTHONS="$(uv python find 3.14t)" npm run pythons)
  - pyenv: pyenv install 3.14t
  - Debian or Ubuntu as root: npm run pythons -- --provide free-threaded   (builds it from source, ~15-30 min)
Name any interpreter for the tools with PYTHONS=/path/one:/path/two.`;

export class ProvideError extends Error {}

export interface ProvideOptions {
	cacheDir: string;
	log: (line: string) => void;
	/** Parallel make jobs. */
	jobs?: number;
}

/** Why we cannot build here, or undefined when we can (Debian/Ubuntu with apt, as root). */
export function cannotBuildReason(osRelease: string, uid: number | undefined, hasApt: boolean): string | undefined {
	const ids = parseOsReleaseIds(osRelease);
	if (!ids.some((id) => id === 'debian' || id === 'ubuntu'))
		return `this is not Debian or Ubuntu (${ids.join(', ') || 'unknown system'})`;
	if (!hasApt) return 'apt-get is not available';
	if (uid !== 0) return 'it needs root to add an apt source line and build dependencies (run it with sudo)';
	return undefined;
}

/** ID and ID_LIKE values of /etc/os-release. */
export function parseOsReleaseIds(osRelease: string): string[] {
	const ids: string[] = [];
	for (const line of osRelease.split('\n')) {
		const match = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
		if (match) ids.push(...match[2]!.replace(/["']/g, '').split(/\s+/).filter(Boolean));
	}
	return ids;
}

/** The upstream tarball in a folder where `apt-get source --download-only` put its files. */
export function findOrigTarball(files: string[]): string | undefined {
	return files
		.filter((f) => /^python3\.13_[\w.~+-]+\.orig\.tar\.(xz|gz|bz2)$/.test(f))
		.sort()
		.at(-1);
}

interface StepOptions {
	cwd?: string;
	logFile: string;
	env?: NodeJS.ProcessEnv;
}

/** Runs one build step with its output in a log file; on failure, the error names the log and shows its tail. */
function step(what: string, command: string, args: string[], options: StepOptions): Promise<void> {
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
	const out = fs.openSync(options.logFile, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: { ...process.env, ...options.env },
			stdio: ['ignore', out, out],
			detached: true,
		});
		const stop = () => {
			try {
				if (child.pid) process.kill(-child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(new ProvideError(`${what}: could not start ${command}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(options.logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
			reject(
				new ProvideError(
					`${what} failed (${signal ? `stopped by ${signal}` : `exit code ${code}`}).\n` +
						`Full log: ${options.logFile}\nLast lines:\n${tail}`,
				),
			);
		});
	});
}

/** What the verification script prints about an interpreter. */
export interface BuildFacts {
	version: string;
	gilEnabled: boolean;
	pyGilDisabled: boolean;
}

const VERIFY_SCRIPT = `
import json, sys, sysconfig
import ssl, sqlite3, ctypes, _multiprocessing, zlib
print(json.dumps({
    "version": "%d.%d.%d" % sys.version_info[:3],
    "gilEnabled": getattr(sys, "_is_gil_enabled", lambda: True)(),
    "pyGilDisabled": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
}))
`;

/** Checks a build: it runs, imports ssl/sqlite3/ctypes/_multiprocessing, and has the GIL state it should have. */
export function verifyBuild(python: string, build: ProvidedBuild): BuildFacts {
	const facts = probe(python, []);
	if (facts.pyGilDisabled !== build.freeThreaded) {
		throw new ProvideError(`${python}: Py_GIL_DISABLED is ${facts.pyGilDisabled}, expected ${build.freeThreaded}.`);
	}
	if (facts.gilEnabled === build.freeThreaded) {
		throw new ProvideError(`${python}: sys._is_gil_enabled() is ${facts.gilEnabled}, expected ${!build.freeThreaded}.`);
	}
	if (build.freeThreaded && !probe(python, ['-X', 'gil=1']).gilEnabled) {
		throw new ProvideError(`${python} -X gil=1: the GIL is still disabled.`);
	}
	return facts;
}

function probe(python: string, args: string[]): BuildFacts {
	const result = spawnSync(python, [...args, '-c', VERIFY_SCRIPT], { encoding: 'utf8', timeout: 60_000 });
	if (result.status !== 0) {
		throw new ProvideError(
			`${python} ${args.join(' ')} failed its smoke test:\n${(result.stderr || String(result.error ?? '')).trim()}`,
		);
	}
	return JSON.parse(result.stdout) as BuildFacts;
}

function hasCommand(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function missingPackages(packages: readonly string[]): string[] {
	return packages.filter((name) => {
		const status = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
		return !status.stdout.includes('install ok installed');
	});
}

/** Installs what is missing of the build dependencies from the machine's own release. */
async function installBuildDependencies(options: ProvideOptions): Promise<void> {
	const missing = missingPackages(BUILD_DEPENDENCIES);
	const optional = missingPackages(OPTIONAL_BUILD_DEPENDENCIES);
	if (missing.length === 0 && optional.length === 0) return;
	const logFile = path.join(options.cacheDir, 'logs', 'build-dependencies.log');
	options.log(`Installing build dependencies: ${[...missing, ...optional].join(' ')}`);
	const env = { DEBIAN_FRONTEND: 'noninteractive' };
	try {
		await step(
			'apt-get install (build dependencies)',
			'apt-get',
			['install', '-y', '-q', '--no-install-recommends', ...missing, ...optional],
			{ logFile, env },
		);
	} catch (error) {
		if (missing.length > 0) throw error;
		options.log(`Some optional build dependencies could not be installed (see ${logFile}); building without them.`);
	}
}

/** Downloads Debian trixie's source package of CPython 3.13 into CACHE/src, unless it is already there. */
async function downloadSource(options: ProvideOptions): Promise<string> {
	const srcDir = path.join(options.cacheDir, 'src');
	fs.mkdirSync(srcDir, { recursive: true });
	let tarball = findOrigTarball(fs.readdirSync(srcDir));
	if (tarball) {
		options.log(`Source: ${path.join(srcDir, tarball)} (cached)`);
		return path.join(srcDir, tarball);
	}
	const logs = path.join(options.cacheDir, 'logs');
	if (!fs.existsSync('/usr/share/keyrings/debian-archive-keyring.gpg')) {
		await step('apt-get install debian-archive-keyring', 'apt-get', ['install', '-y', '-q', 'debian-archive-keyring'], {
			logFile: path.join(logs, 'keyring.log'),
			env: { DEBIAN_FRONTEND: 'noninteractive' },
		});
	}
	options.log(`Adding ${TRIXIE_SOURCES_FILE} (deb-src only) and downloading Debian's ${SOURCE_PACKAGE} source package`);
	fs.writeFileSync(TRIXIE_SOURCES_FILE, TRIXIE_SOURCES);
	try {
		// Refresh only our source list and keep the others' lists: nothing else on the machine changes.
		await step(
			'apt-get update (trixie sources)',
			'apt-get',
			[
				'update',
				'-q',
				`-o`,
				`Dir::Etc::sourcelist=${TRIXIE_SOURCES_FILE}`,
				'-o',
				'Dir::Etc::sourceparts=-',
				'-o',
				'APT::Get::List-Cleanup=0',
			],
			{ logFile: path.join(logs, 'apt-update.log') },
		);
		await step(
			`apt-get source --download-only ${SOURCE_PACKAGE}`,
			'apt-get',
			['source', '--download-only', SOURCE_PACKAGE],
			{
				cwd: srcDir,
				logFile: path.join(logs, 'apt-source.log'),
			},
		);
	} finally {
		fs.rmSync(TRIXIE_SOURCES_FILE, { force: true });
	}
	tarball = findOrigTarball(fs.readdirSync(srcDir));
	if (!tarball)
		throw new ProvideError(
			`apt-get source left no python3.13_*.orig.tar.* in ${srcDir}; see ${path.join(logs, 'apt-source.log')}`,
		);
	options.log(`Source: ${path.join(srcDir, tarball)}`);
	return path.join(srcDir, tarball);
}

/** Unpacks the upstream tarball once; returns the source tree (Python-3.13.x). */
async function unpack(tarball: string, options: ProvideOptions): Promise<string> {
	const srcDir = path.dirname(tarball);
	const existing = () =>
		fs
			.readdirSync(srcDir)
			.filter((f) => /^Python-3\.13\.\d+$/.test(f) && fs.existsSync(path.join(srcDir, f, 'configure')));
	if (existing().length === 0) {
		await step('unpacking the source', 'tar', ['-xf', tarball, '-C', srcDir], {
			logFile: path.join(options.cacheDir, 'logs', 'unpack.log'),
		});
	}
	const tree = existing().sort().at(-1);
	if (!tree) throw new ProvideError(`${tarball} did not unpack into a Python-3.13.x folder with a configure script.`);
	return path.join(srcDir, tree);
}

function minutes(ms: number): string {
	return `${(ms / 60_000).toFixed(1)} min`;
}

/** Builds one interpreter out of tree (configure, make, make install) into CACHE/<name>, then verifies it. */
async function buildOne(sourceTree: string, build: ProvidedBuild, options: ProvideOptions): Promise<BuildFacts> {
	const prefix = path.join(options.cacheDir, build.name);
	const buildDir = path.join(options.cacheDir, 'build', build.name);
	const logs = path.join(options.cacheDir, 'logs');
	fs.rmSync(buildDir, { recursive: true, force: true });
	fs.rmSync(prefix, { recursive: true, force: true });
	fs.mkdirSync(buildDir, { recursive: true });
	const jobs = String(options.jobs ?? Math.max(1, os.availableParallelism()));
	const started = Date.now();
	options.log(
		`Building ${build.name} (${build.freeThreaded ? 'free-threaded, --disable-gil' : 'with the GIL'}) into ${prefix}; logs in ${logs}/${build.name}-*.log`,
	);
	await step(
		`configure ${build.name}`,
		path.join(sourceTree, 'configure'),
		[`--prefix=${prefix}`, ...build.configureArgs],
		{
			cwd: buildDir,
			logFile: path.join(logs, `${build.name}-configure.log`),
		},
	);
	await step(`make ${build.name}`, 'make', [`-j${jobs}`], {
		cwd: buildDir,
		logFile: path.join(logs, `${build.name}-make.log`),
	});
	await step(`make install ${build.name}`, 'make', ['install'], {
		cwd: buildDir,
		logFile: path.join(logs, `${build.name}-install.log`),
	});
	const facts = verifyBuild(providedPython(options.cacheDir, build), build);
	fs.writeFileSync(
		path.join(prefix, 'provided.json'),
		JSON.stringify(
			{
				...facts,
				build: build.name,
				source: path.basename(sourceTree),
				builtAt: new Date().toISOString(),
				buildMinutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
			},
			null,
			'\t',
		) + '\n',
	);
	fs.rmSync(buildDir, { recursive: true, force: true });
	options.log(
		`Built ${build.name} in ${minutes(Date.now() - started)}: Python ${facts.version}, GIL ${facts.gilEnabled ? 'enabled' : 'disabled'}.`,
	);
	return facts;
}

/** Provides both builds, reusing any that is already in the cache and verifies. */
export async function provideFreeThreaded(options: ProvideOptions): Promise<void> {
	const osRelease = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
	const reason =
		process.platform === 'linux'
			? cannotBuildReason(osRelease, process.getuid?.(), hasCommand('apt-get'))
			: `this is ${process.platform}, not Linux`;
	const todo: ProvidedBuild[] = [];
	for (const build of PROVIDED_BUILDS) {
		const python = providedPython(options.cacheDir, build);
		if (fs.existsSync(python)) {
			try {
				const facts = verifyBuild(python, build);
				options.log(`${build.name}: ${python} (cached, Python ${facts.version}, verified)`);
				continue;
			} catch (error) {
				options.log(`${build.name}: the cached build fails its check, rebuilding it. ${(error as Error).message}`);
			}
		}
		todo.push(build);
	}
	if (todo.length === 0) return;
	if (reason) throw new ProvideError(`Cannot build CPython here: ${reason}.\n\n${ELSEWHERE_HELP}`);
	const started = Date.now();
	await installBuildDependencies(options);
	const tree = await unpack(await downloadSource(options), options);
	for (const build of todo) await buildOne(tree, build, options);
	options.log(`Provided ${todo.map((b) => b.name).join(' and ')} in ${minutes(Date.now() - started)}.`);
}
