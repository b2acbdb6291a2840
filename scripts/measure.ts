/**
 * `npm run measure`: runs every example script with `--json` and its `measureArgs`, several times, checks each
 * report against examples/timing-report.schema.json, and writes `measurements/<slug>.json` (format and checks:
 * src/lib/measurements.ts). Every number and figure on a lesson page comes from these files.
 *
 * Usage:
 *   npm run measure                                   every example, 5 runs per script
 *   npm run measure -- --example io-bound             one example (repeat the flag, or use commas, for several)
 *   npm run measure -- --repeats 3                    fewer runs (the file records how many)
 *   npm run measure -- --roles variant,sweep,compare  also the compare scripts (default: variant,sweep)
 *   npm run measure -- --dry-run                      measure and print, but write nothing
 *   npm run measure -- --allow-busy                   do not wait for other programs to leave the CPUs alone
 *   npm run measure -- --python cpython-3.13t         another interpreter (an id from `npm run pythons`, or a path):
 *                                                     writes measurements/<interpreter>/<slug>.json beside the default
 *   npm run measure -- --python cpython-3.13t --python-args="-X gil=1"   options for Python itself
 *   npm run measure:interpreters                      the interpreter comparison the lessons show (measurements/README.md)
 *
 * Close other busy programs first: the numbers are only as quiet as the machine. It waits for the CPUs to be free
 * before it starts and, on Linux, watches every run: a run during which other programs were using the CPUs is
 * thrown away and run again once the machine is quiet (--allow-busy turns the checks off). Nothing runs in parallel.
 * An example whose scripts fail keeps its previous file; the command then exits with 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadExample, listExampleSlugs, type ExampleScript } from '../src/lib/examples/metadata.ts';
import { othersRunningNow } from './lib/contention.ts';
import { formatMeasurement, measureExample, parallelCapacity } from './lib/measure.ts';
import { interpreterId } from '../src/lib/measurements/interpreters.ts';
import { environmentLabel, formatSeconds, formatSpeedup } from '../src/lib/measurements/format.ts';
import { interpreterDir, measurementPath } from '../src/lib/measurements/load.ts';
import { MEASUREMENTS_DIR, REPO_ROOT } from '../src/lib/paths.ts';
import { discover, probePython } from './lib/pythons.ts';
import { findPython } from './lib/run.ts';

const ROLES: ReadonlyArray<ExampleScript['role']> = ['variant', 'sweep', 'compare'];
/** Compare scripts rerun the variants in one process; the lessons show the variants' own numbers, so they are opt-in. */
const DEFAULT_ROLES: ReadonlyArray<ExampleScript['role']> = ['variant', 'sweep'];
const DEFAULT_REPEATS = 5;

function usage(message: string): never {
	console.error(
		`${message}\nUsage: npm run measure -- [--example SLUG]... [--repeats N] [--roles variant,sweep,compare] [--dry-run] [--allow-busy] [--timeout-s S] [--python ID|PATH [--python-args="-X gil=1"]]`,
	);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			example: { type: 'string', multiple: true },
			repeats: { type: 'string' },
			roles: { type: 'string' },
			'dry-run': { type: 'boolean' },
			'timeout-s': { type: 'string' },
			'allow-busy': { type: 'boolean' },
			python: { type: 'string' },
			'python-args': { type: 'string' },
		},
	}));
} catch (error) {
	usage((error as Error).message);
}

const repeats = values.repeats === undefined ? DEFAULT_REPEATS : Number(values.repeats);
if (!Number.isInteger(repeats) || repeats < 1 || repeats > 50)
	usage(`--repeats must be a whole number from 1 to 50, got ${values.repeats}`);
const timeoutS = values['timeout-s'] === undefined ? 300 : Number(values['timeout-s']);
if (!(timeoutS > 0)) usage(`--timeout-s must be a positive number, got ${values['timeout-s']}`);
const roles = values.roles ? values.roles.split(',').map((r) => r.trim()) : [...DEFAULT_ROLES];
for (const role of roles)
	if (!ROLES.includes(role as ExampleScript['role'])) usage(`unknown role "${role}"; choose from ${ROLES.join(', ')}`);

const available = listExampleSlugs();
const slugs = values.example
	? values.example
			.flatMap((e) => e.split(','))
			.map((e) => e.trim())
			.filter(Boolean)
	: available;
for (const slug of slugs) {
	if (!available.includes(slug)) usage(`no example "${slug}" (available: ${available.join(', ') || 'none'})`);
}

let python: string;
/** Set with --python: figures go to measurements/<interpreter>/ and the file records which interpreter it was. */
let interpreter: string | undefined;
const pythonArgs = values['python-args'] ? values['python-args'].trim().split(/\s+/) : [];
if (pythonArgs.length && !values.python) usage('--python-args needs --python');
try {
	if (values.python) {
		// An id from `npm run pythons` (portable: the recorded command works on another machine) or a path.
		const matches = /^cpython-/.test(values.python)
			? (await discover()).pythons.filter((p) => p.id === values.python)
			: [];
		const byId = matches[0];
		if (matches.length > 1) {
			console.log(
				`Several interpreters are ${values.python}: using ${byId!.path} (${byId!.version}, found via ${byId!.origin}); pass a path to choose another.`,
			);
		}
		if (/^cpython-/.test(values.python) && !byId) {
			throw new Error(
				`no interpreter "${values.python}" here (npm run pythons lists them; npm run pythons -- --provide free-threaded builds 3.13t)`,
			);
		}
		python = byId?.path ?? values.python;
		const probed = await probePython(python);
		interpreter = interpreterId(probed.version, probed.free_threaded_build, pythonArgs);
		console.log(
			`Interpreter ${interpreter}: ${python}${pythonArgs.length ? ` ${pythonArgs.join(' ')}` : ''} (Python ${probed.version})`,
		);
	} else {
		python = findPython();
	}
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
const outDir = interpreter ? interpreterDir(interpreter) : MEASUREMENTS_DIR;

// A busy machine gives numbers that say more about the machine than about the examples. On Linux every run is
// watched (scripts/lib/contention.ts): a run during which other programs kept CPUs busy is thrown away and run again
// once the machine is quiet. Elsewhere, the CPUs are checked before measuring: N CPU-bound processes at once must
// do about N times the work of one. --allow-busy turns all this off.
/** Other programs' running threads, on average, above which a run is thrown away. */
const MAX_OTHERS_RUNNING = 0.25;
const capacityCpus = Math.min(os.availableParallelism(), 4);
async function busyMessage(): Promise<string | null> {
	const others = await othersRunningNow(2000);
	if (others !== null) {
		return others <= MAX_OTHERS_RUNNING
			? null
			: `the machine is busy: other programs kept ${others.toFixed(1)} CPUs busy on average`;
	}
	const capacity = Math.max(await parallelCapacity(python, capacityCpus), await parallelCapacity(python, capacityCpus));
	if (capacity >= capacityCpus - 0.5) return null;
	return `the machine is busy: ${capacityCpus} CPU-bound processes ran ${capacity.toFixed(1)}× the work of one`;
}
/** Waits until the machine is quiet (up to 15 minutes). */
async function waitUntilQuiet(): Promise<void> {
	let busy = await busyMessage();
	if (!busy) return;
	const deadline = Date.now() + 15 * 60_000;
	console.warn(`  ${busy}; waiting for it to calm down...`);
	while (busy) {
		if (Date.now() > deadline) {
			console.error(
				`  Still busy after 15 minutes (${busy}). Close other programs and try again, or pass --allow-busy.`,
			);
			process.exit(1);
		}
		await new Promise((resolve) => setTimeout(resolve, 10_000));
		busy = await busyMessage();
	}
	console.warn('  quiet again.');
}
if (!values['allow-busy']) await waitUntilQuiet();

let interrupted = false;
process.on('SIGINT', () => {
	interrupted = true;
	// Let the running script's own handler kill its process group first, then leave: files are only written
	// once an example is complete, so nothing is left half-written.
	setImmediate(() => {
		console.error('\nInterrupted: files of examples not finished were left as they were.');
		process.exit(130);
	});
});

fs.mkdirSync(outDir, { recursive: true });
const failures: string[] = [];
const started = performance.now();

for (const slug of slugs) {
	if (interrupted) break;
	const example = loadExample(slug);
	const command = [
		'npm run measure --',
		interpreter ? `--python ${interpreter.replace(/-gil1$/, '')}` : '',
		pythonArgs.length ? `--python-args="${pythonArgs.join(' ')}"` : '',
		`--example ${slug}`,
		repeats !== DEFAULT_REPEATS ? `--repeats ${repeats}` : '',
		values.roles && roles.join(',') !== DEFAULT_ROLES.join(',') ? `--roles ${roles.join(',')}` : '',
	]
		.filter(Boolean)
		.join(' ');
	console.log(`\n== ${slug}: ${example.title} (${repeats} run${repeats === 1 ? '' : 's'} per script)`);
	const exampleStarted = performance.now();
	try {
		const measurement = await measureExample(example, {
			python,
			pythonArgs,
			interpreter,
			repeats,
			args: 'measureArgs',
			roles: roles as ExampleScript['role'][],
			command,
			timeoutMs: timeoutS * 1000,
			onRun: ({ script, repeat, args }) =>
				process.stdout.write(
					`  run ${repeat + 1}/${repeats}  ${script.file} --json ${args.join(' ')}`.trimEnd() + ' ... ',
				),
			onWarning: (message) => console.warn(`  note: ${message}`),
			acceptRun: async ({ contention }) => {
				if (values['allow-busy'] || contention === null || contention.othersRunning <= MAX_OTHERS_RUNNING) return true;
				console.warn(
					`  other programs kept ${contention.othersRunning.toFixed(1)} CPUs busy during that run: running it again when the machine is quiet.`,
				);
				await waitUntilQuiet();
				return false;
			},
			onReport: ({ report }) =>
				console.log(report.status === 'skipped' ? `skipped: ${report.skip_reason}` : formatSeconds(report.elapsed_s!)),
		});
		if (interrupted) break;
		console.log(`  ${environmentLabel(measurement)}`);
		for (const v of measurement.variants) {
			const numbers =
				v.status === 'skipped'
					? `skipped: ${v.skip_reason}`
					: `median ${formatSeconds(v.elapsed_s.median)} (${formatSeconds(v.elapsed_s.min)}–${formatSeconds(v.elapsed_s.max)})` +
						(v.speedup !== null ? `, ${formatSpeedup(v.speedup)} vs ${measurement.baseline}` : '') +
						(Object.keys(v.metrics).length
							? `, ${Object.entries(v.metrics)
									.map(([k, x]) => `${k}=${x}`)
									.join(', ')}`
							: '');
			console.log(`  ${v.variant.padEnd(18)} ${numbers}`);
		}
		const file = measurementPath(slug, outDir);
		if (values['dry-run']) {
			console.log(`  (dry run: ${path.relative(REPO_ROOT, file)} not written)`);
		} else {
			fs.writeFileSync(file, formatMeasurement(measurement));
			console.log(
				`  wrote ${path.relative(REPO_ROOT, file)} in ${((performance.now() - exampleStarted) / 1000).toFixed(1)} s`,
			);
		}
	} catch (error) {
		if (interrupted) break;
		console.log('failed');
		console.error(`  ${(error as Error).message.replaceAll('\n', '\n  ')}`);
		failures.push(slug);
	}
}

if (interrupted) {
	console.error('\nInterrupted: files of examples not finished were left as they were.');
	process.exit(130);
}
console.log(
	`\nMeasured ${slugs.length - failures.length} of ${slugs.length} examples in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
if (failures.length > 0) {
	console.error(`Failed: ${failures.join(', ')} (their previous measurement files were kept).`);
	process.exit(1);
}
