/**
 * The command that prints an example's whole JSON report, for the page's instructions and the tests that make real
 * reports. example.json names it (`reportCommand`: a string such as "python3 compare.py --json", or the arguments
 * after python3 as an array); until an example names one, it is the example's compare script with `--json`, else
 * its sweep, else its first variant. Build time only (reads example.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadExample } from '../examples/metadata.ts';
import { EXAMPLE_METADATA_FILE, TIMING_REPORT_SCHEMA } from '../paths.ts';

export interface ReportCommand {
	/** What follows `python3`: the script and its arguments, e.g. ["compare.py", "--json"]. */
	args: string[];
	/** As a learner types it in the example's folder: "python3 compare.py --json". */
	text: string;
}

function fromMetadata(value: unknown): string[] | null {
	const words =
		typeof value === 'string'
			? value.trim().split(/\s+/)
			: Array.isArray(value) && value.every((w) => typeof w === 'string')
				? [...value]
				: null;
	if (!words || words.length === 0) return null;
	// "python3 compare.py --json" and "python compare.py --json" name the interpreter; the arguments follow it.
	return /^python(3(\.\d+t?)?)?$/.test(words[0]!) ? words.slice(1) : words;
}

export function reportCommand(slug: string): ReportCommand {
	const example = loadExample(slug);
	const raw = JSON.parse(fs.readFileSync(path.join(example.dir, EXAMPLE_METADATA_FILE), 'utf8')) as {
		reportCommand?: unknown;
	};
	const named = fromMetadata(raw.reportCommand);
	const script =
		example.scripts.find((s) => s.role === 'compare') ??
		example.scripts.find((s) => s.role === 'sweep') ??
		example.scripts.find((s) => s.role === 'variant')!;
	const args = named ?? [script.file, '--json'];
	return { args, text: ['python3', ...args].join(' ') };
}

/** The report format version the examples print (the JSON Schema's `schema_version` const): what the page reads. */
export function reportSchemaVersion(): number {
	const schema = JSON.parse(fs.readFileSync(TIMING_REPORT_SCHEMA, 'utf8')) as {
		properties: { schema_version: { const: number } };
	};
	return schema.properties.schema_version.const;
}
