/**
 * Reading the committed measurement files: `measurements/<slug>.json` and `measurements/<interpreter>/<slug>.json`,
 * validated by the schema, with errors that name the command that makes the file again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadExample } from '../examples/metadata.ts';
import { MEASUREMENTS_DIR } from '../paths.ts';
import { INTERPRETER_ID_PATTERN } from './interpreters.ts';
import { measurementSchema, type Measurement } from './schema.ts';
import { MeasurementError, measureCommand } from './find.ts';

// Finding a variant needs no files, so it lives in find.ts, which the browser can load too; re-exported here.
export { findOkVariant, findVariant, MeasurementError, measureCommand } from './find.ts';

/** Path of the measurement file of an example. */
export function measurementPath(slug: string, dir: string = MEASUREMENTS_DIR): string {
	return path.join(dir, `${slug}.json`);
}

/** Slugs of the measurement files present. */
export function listMeasurementSlugs(dir: string = MEASUREMENTS_DIR): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => name.slice(0, -'.json'.length))
		.sort();
}

/** Validates parsed JSON as a measurement; throws a {@link MeasurementError} listing every problem. */
export function parseMeasurement(raw: unknown, source: string): Measurement {
	const parsed = measurementSchema.safeParse(raw);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
		throw new MeasurementError(`${source} is not a valid measurement:\n${problems.join('\n')}`);
	}
	return parsed.data;
}

const cache = new Map<string, { mtimeMs: number; measurement: Measurement }>();

/**
 * Loads and validates `measurements/<slug>.json`. Throws a {@link MeasurementError} when the file is missing
 * ("no measurement for example X: run npm run measure -- --example X"), is not JSON, or is invalid.
 */
export function loadMeasurement(slug: string, dir: string = MEASUREMENTS_DIR): Measurement {
	const file = measurementPath(slug, dir);
	if (!fs.existsSync(file)) {
		throw new MeasurementError(`no measurement for example ${slug} (expected ${file}): run ${measureCommand(slug)}`);
	}
	const mtimeMs = fs.statSync(file).mtimeMs;
	const cached = cache.get(file);
	if (cached && cached.mtimeMs === mtimeMs) return cached.measurement;
	let raw: unknown;
	try {
		raw = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		throw new MeasurementError(`${file} is not valid JSON (${(error as Error).message}): run ${measureCommand(slug)}`);
	}
	const measurement = parseMeasurement(raw, file);
	if (measurement.example !== slug) {
		throw new MeasurementError(
			`${file} holds the measurement of "${measurement.example}", not "${slug}": run ${measureCommand(slug)}`,
		);
	}
	cache.set(file, { mtimeMs, measurement });
	return measurement;
}

/** Folder of one interpreter's measurements: `measurements/<interpreter>/`. */
export function interpreterDir(interpreter: string, dir: string = MEASUREMENTS_DIR): string {
	if (!INTERPRETER_ID_PATTERN.test(interpreter))
		throw new MeasurementError(`"${interpreter}" is not an interpreter id (like cpython-3.13t)`);
	return path.join(dir, interpreter);
}

/** Interpreter ids with a folder of measurements. */
export function listInterpreters(dir: string = MEASUREMENTS_DIR): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && INTERPRETER_ID_PATTERN.test(entry.name))
		.map((entry) => entry.name)
		.sort();
}

/** The command that (re)makes one example's measurement on one interpreter. */
export function interpreterMeasureCommand(slug: string, interpreter: string): string {
	const base = interpreter.replace(/-gil1$/, '');
	return (
		`npm run measure -- --python ${base} ` +
		`${interpreter.endsWith('-gil1') ? '--python-args="-X gil=1" ' : ''}--example ${slug}`
	);
}

/**
 * Loads `measurements/<interpreter>/<slug>.json`: validated like the default files, and it must say it
 * comes from that interpreter.
 */
export function loadInterpreterMeasurement(
	slug: string,
	interpreter: string,
	dir: string = MEASUREMENTS_DIR,
): Measurement {
	const folder = interpreterDir(interpreter, dir);
	if (!fs.existsSync(measurementPath(slug, folder))) {
		throw new MeasurementError(
			`no measurement of example ${slug} on ${interpreter} (expected ` +
				`${measurementPath(slug, folder)}): run ${interpreterMeasureCommand(slug, interpreter)}`,
		);
	}
	const measurement = loadMeasurement(slug, folder);
	if (measurement.interpreter !== interpreter) {
		throw new MeasurementError(
			`${measurementPath(slug, folder)} says it comes from ${measurement.interpreter ?? 'no named interpreter'}, ` +
				`not ${interpreter}: run ${interpreterMeasureCommand(slug, interpreter)}`,
		);
	}
	return measurement;
}

/**
 * The measurement of an existing example: fails with a clear message when the example does not exist
 * (examples/metadata.ts) or has no valid measurement. What the lesson components call.
 */
export function measurementOf(slug: string): Measurement {
	loadExample(slug);
	return loadMeasurement(slug);
}

/** Like {@link measurementOf}, for another interpreter's figures: `measurements/<interpreter>/<slug>.json`. */
export function interpreterMeasurementOf(slug: string, interpreter: string): Measurement {
	loadExample(slug);
	return loadInterpreterMeasurement(slug, interpreter);
}
