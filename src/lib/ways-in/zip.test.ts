import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExample, loadExamples } from '../examples/metadata.ts';
import { EXAMPLES_DIR } from '../paths.ts';
import {
	ALL_EXAMPLES_FOLDER,
	ALL_EXAMPLES_ZIP,
	allExamplesEntryNames,
	buildAllExamplesZip,
	buildExampleZip,
	zipEntryNames,
	zipFileName,
} from './zip.ts';

const examples = loadExamples();
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/**
 * Reads every local file header of a zip: name, DOS date and time, and "version made by" is in the central
 * directory.
 */
function localHeaders(bytes: Uint8Array): Array<{ name: string; time: number; date: number }> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const headers = [];
	let at = 0;
	while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
		const compressed = view.getUint32(at + 18, true);
		const nameLength = view.getUint16(at + 26, true);
		const extraLength = view.getUint16(at + 28, true);
		const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
		headers.push({ name, time: view.getUint16(at + 10, true), date: view.getUint16(at + 12, true) });
		at += 30 + nameLength + extraLength + compressed;
	}
	return headers;
}

describe.each(examples.map((example) => [example.slug, example] as const))('the zip of %s', (slug, example) => {
	const bytes = buildExampleZip(example);

	it('is the same bytes every time', () => {
		expect(Buffer.from(buildExampleZip(example)).equals(Buffer.from(bytes))).toBe(true);
	});

	it('holds one folder named after the example, with every file of the example and its exercises, byte for byte', () => {
		const entries = unzipSync(bytes);
		const all = [...example.files, ...example.exerciseFiles];
		expect(Object.keys(entries)).toEqual(all.map((file) => `${slug}/${file}`).sort());
		for (const file of all) {
			const source = example.sources.get(file) ?? path.join(example.dir, file);
			expect(Buffer.from(entries[`${slug}/${file}`]!).equals(fs.readFileSync(source)), file).toBe(true);
		}
		// What a learner needs: the scripts, the harness compare.py runs, the README with the commands.
		for (const script of example.scripts) expect(example.files).toContain(script.file);
		expect(example.files).toEqual(expect.arrayContaining(['compare.py', 'harness.py']));
		// No stand-in for a shared module: a download holds the module itself.
		const link = fs.readFileSync(path.join(example.dir, '..', '_shared', 'link.py'));
		for (const file of Object.keys(entries)) expect(Buffer.from(entries[file]!).equals(link), file).toBe(false);
		expect(example.files).toContain('README.md');
	});

	it('lists its entries sorted, all with the same fixed timestamp (2000-01-01 00:00)', () => {
		const headers = localHeaders(bytes);
		expect(headers.map((h) => h.name)).toEqual(zipEntryNames(example));
		const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
		for (const header of headers)
			expect({ name: header.name, date: header.date, time: header.time }).toEqual({
				name: header.name,
				date: dosDate,
				time: 0,
			});
	});

	it('does not depend on the files’ own modification times', () => {
		const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-mtime-'));
		temps.push(copy);
		fs.cpSync(EXAMPLES_DIR, copy, { recursive: true, filter: (src) => !src.includes('__pycache__') });
		for (const file of fs.readdirSync(copy, { recursive: true, encoding: 'utf8' })) {
			fs.utimesSync(path.join(copy, file), new Date(2030, 5, 6), new Date(2030, 5, 6));
		}
		const again = buildExampleZip(loadExample(slug, copy));
		expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
	});

	it('is named after the example', () => {
		expect(zipFileName(slug)).toBe(`${slug}.zip`);
	});
});

describe('the zip of every example', () => {
	const bytes = buildAllExamplesZip(examples);

	it('is the same bytes every time', () => {
		expect(Buffer.from(buildAllExamplesZip(loadExamples(copyOfExamples()))).equals(Buffer.from(bytes))).toBe(true);
	});

	it('holds one folder with every example folder in it, each exactly as in its own zip', () => {
		const entries = unzipSync(bytes);
		expect(Object.keys(entries)).toEqual(allExamplesEntryNames(examples));
		expect(localHeaders(bytes).map((h) => h.name)).toEqual(allExamplesEntryNames(examples));
		for (const example of examples) {
			// each folder as a clone has it: its own files byte for byte, the shared code found in _shared/
			for (const file of [...example.files, ...example.exerciseFiles]) {
				const own = path.join(example.dir, file);
				const entry = entries[`${ALL_EXAMPLES_FOLDER}/${example.slug}/${file}`];
				if (fs.existsSync(own)) expect(Buffer.from(entry!).equals(fs.readFileSync(own)), file).toBe(true);
				else expect(entries[`${ALL_EXAMPLES_FOLDER}/_shared/${path.basename(file)}`], file).toBeDefined();
			}
		}
		const folders = new Set(Object.keys(entries).map((name) => name.split('/')[1]));
		expect([...folders].sort()).toEqual(
			['README.md', '_shared', 'timing-report.schema.json', ...examples.map((e) => e.slug)].sort(),
		);
	});

	it('is named after the course, unzips into a folder of its own, and no example can take its name', () => {
		expect(ALL_EXAMPLES_ZIP).toBe('speed-up-python-with-concurrency-examples.zip');
		expect(new Set(Object.keys(unzipSync(bytes)).map((name) => name.split('/')[0]))).toEqual(
			new Set([ALL_EXAMPLES_FOLDER]),
		);
		expect(examples.map((e) => e.slug)).not.toContain(ALL_EXAMPLES_FOLDER);
		for (const example of examples) expect(zipFileName(example.slug)).not.toBe(ALL_EXAMPLES_ZIP);
	});
});

describe('the all-examples zip: small, and it runs', () => {
	// Issue 19 asks for 80 KB; not reached, and not reachable by removing copies. The shared code is in it once
	// (227 KB before, 155 KB with the pipelines example), a short top folder and trimmed stand-ins give 150 KB. Of
	// that (compressed, with its entry headers): checker.py 24.8 KB and harness.py 13.7 KB; the examples' README
	// 7.9 KB and the six folders' READMEs 13 KB; the exercises' own files 41 KB; example.json files 10 KB; the
	// versions 17 KB; the entries' names and headers 16 KB (89 entries). The copies that let each folder run as in a
	// clone (compare.py, latency_server.py beside the versions, the exercises' links) are about 20 KB of it. This
	// bound only stops growth: lower it as the shared code shrinks.
	it('holds the shared code once: at most 152 KB', () => {
		const bytes = buildAllExamplesZip(examples);
		expect(bytes.length).toBeLessThanOrEqual(152 * 1024);
		const names = Object.keys(unzipSync(bytes));
		expect(names.filter((name) => name.endsWith('/harness.py'))).toEqual([`${ALL_EXAMPLES_FOLDER}/_shared/harness.py`]);
		expect(names).toContain(`${ALL_EXAMPLES_FOLDER}/README.md`);
	});
});

describe('zip bytes across time zones', () => {
	it('are the same under any TZ (the DOS timestamp is written from local date fields)', () => {
		const example = examples[0]!;
		const saved = process.env.TZ;
		try {
			// Node applies a change of process.env.TZ at once.
			const outputs = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'].map((tz) => {
				process.env.TZ = tz;
				return Buffer.from(buildExampleZip(loadExample(example.slug, copyOfExamples()))).toString('base64');
			});
			expect(new Set(outputs).size).toBe(1);
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
	});
});

/** A fresh copy of examples/ (the loader caches by folder, so a new folder means a fresh load). */
function copyOfExamples(): string {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-tz-'));
	temps.push(copy);
	fs.cpSync(EXAMPLES_DIR, copy, { recursive: true, filter: (src) => !src.includes('__pycache__') });
	return copy;
}
