import { describe, expect, it } from 'vitest';
import { labelWithName, workerLabels } from './worker-labels.ts';

describe('workerLabels', () => {
	it('names pool threads and processes so rows differ in their first characters', () => {
		expect(workerLabels(['ThreadPoolExecutor-0_0', 'ThreadPoolExecutor-0_1'])).toEqual(['thread 1', 'thread 2']);
		expect(workerLabels(['pid 10703', 'pid 10702'])).toEqual(['process 1', 'process 2']);
		expect(workerLabels(['Thread-3 (download_site)'])).toEqual(['thread 3']);
	});

	it('keeps names that are already short, as the lesson code writes them', () => {
		expect(workerLabels(['MainThread'])).toEqual(['MainThread']);
		expect(workerLabels(['worker_0', 'worker_1', 'task-12', 'customer-3'])).toEqual([
			'worker_0',
			'worker_1',
			'task-12',
			'customer-3',
		]);
	});

	it('numbers other long names, and never gives two workers one label', () => {
		expect(workerLabels(['a-very-long-worker-name-1', 'a-very-long-worker-name-2'])).toEqual(['worker 1', 'worker 2']);
		const clash = workerLabels(['thread 1', 'ThreadPoolExecutor-0_0']);
		expect(new Set(clash).size).toBe(2);
	});

	it('shows the recorded name beside a label that differs from it', () => {
		expect(labelWithName('thread 1', 'ThreadPoolExecutor-0_0')).toBe('thread 1 (ThreadPoolExecutor-0_0)');
		expect(labelWithName('worker_0', 'worker_0')).toBe('worker_0');
	});
});
