import { describe, expect, it } from 'vitest';
import { loadExample } from '../examples/metadata.ts';
import { browserSummary, countWord, leadingWay, orList } from './run-example.ts';

describe('leadingWay', () => {
	it('leads with your machine when the lesson point cannot run in the browser (threads, processes)', () => {
		expect(leadingWay(loadExample('cpu-bound'), ['threads'])).toBe('machine');
		expect(leadingWay(loadExample('cpu-bound'), ['processes'])).toBe('machine');
		expect(leadingWay(loadExample('io-bound'))).toBe('machine');
	});
	it('leads with the browser when the scripts that show the point run there', () => {
		expect(leadingWay(loadExample('io-bound'), ['asyncio', 'simulated-asyncio'])).toBe('browser');
		expect(leadingWay(loadExample('latency'))).toBe('browser');
	});
	it('fails clearly for a variant the example does not have', () => {
		expect(() => leadingWay(loadExample('io-bound'), ['nope'])).toThrow(/nope/);
	});
});

describe('browserSummary', () => {
	it('lists what runs in the browser and what the others need', () => {
		const summary = browserSummary(loadExample('io-bound'));
		expect(summary.runs).toEqual([{ file: 'simulated_asyncio.py', labelled: true }]);
		expect(summary.skipped).toBe(summary.total - 1);
		expect(summary.needs).toEqual(['threads', 'processes', 'sockets']);
	});
});

describe('words', () => {
	it('joins alternatives and spells small counts', () => {
		expect(orList(['threads'])).toBe('threads');
		expect(orList(['threads', 'sockets'])).toBe('threads or sockets');
		expect(orList(['threads', 'processes', 'sockets'])).toBe('threads, processes or sockets');
		expect(countWord(1)).toBe('one');
		expect(countWord(12)).toBe('12');
	});
});
