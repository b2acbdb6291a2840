import { describe, expect, it } from 'vitest';
import { loadExample } from '../examples/metadata.ts';
import { listedFiles, listingKey, listingPath } from './listings.ts';

describe('listings', () => {
	it('gives every listed file of an example its own path, distinct from the others', () => {
		const example = loadExample('io-bound');
		const files = listedFiles(example);
		expect(files).toContain('threads.py');
		expect(files.some((file) => file.startsWith('exercises/'))).toBe(true);
		expect(new Set(files.map(listingKey)).size).toBe(files.length);
	});
	it("lists an example's own files, not the shared modules a download adds or a link stands in for", () => {
		const example = loadExample('io-bound');
		expect(example.files).toContain('harness.py');
		expect(example.exerciseFiles).toContain('exercises/threads/checker.py');
		const files = listedFiles(example);
		expect(files).toContain('latency_server.py'); // the folder's own copy, which `python3 threads.py` imports
		expect(files).not.toContain('harness.py');
		expect(files).not.toContain('exercises/threads/checker.py');
		expect(files).not.toContain('exercises/threads/latency_server.py');
		expect(files).toContain('exercises/threads/solution.py');
	});
	it('turns a file path into one path segment under listings/<example>/', () => {
		expect(listingKey('exercises/threads/solution.py')).toBe('exercises-threads-solution-py');
		expect(listingPath('io-bound', 'threads.py')).toBe('listings/io-bound/threads-py/');
	});
});
