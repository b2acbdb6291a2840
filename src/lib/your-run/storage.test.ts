import { describe, expect, it } from 'vitest';
import { forgetRun, loadRun, saveRun, storageKey } from './storage.ts';

class MemoryStorage {
	items = new Map<string, string>();
	full = false;
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.full) throw new DOMException('quota', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

describe('keeping the run in the browser', () => {
	it('saves, loads and forgets one run per example', () => {
		const storage = new MemoryStorage() as unknown as Storage;
		expect(saveRun(storage, 'io-bound', '{"a":1}', 'my-run.json', new Date('2026-12-06T00:00:00Z'))).toBe(true);
		expect(loadRun(storage, 'io-bound')).toEqual({
			version: 1,
			text: '{"a":1}',
			source: 'my-run.json',
			savedAt: '2026-12-06T00:00:00.000Z',
		});
		expect(loadRun(storage, 'cpu-bound')).toBeNull();
		forgetRun(storage, 'io-bound');
		expect(loadRun(storage, 'io-bound')).toBeNull();
	});

	it('says when the browser would not keep it, and never throws', () => {
		const storage = new MemoryStorage();
		storage.full = true;
		expect(saveRun(storage as unknown as Storage, 'io-bound', 'x', 'f')).toBe(false);
		expect(saveRun(undefined, 'io-bound', 'x', 'f')).toBe(false);
		expect(loadRun(undefined, 'io-bound')).toBeNull();
		expect(() => forgetRun(undefined, 'io-bound')).not.toThrow();
	});

	it('drops an entry it cannot read', () => {
		const storage = new MemoryStorage();
		storage.items.set(storageKey('io-bound'), '{"version": 0}');
		expect(loadRun(storage as unknown as Storage, 'io-bound')).toBeNull();
		expect(storage.items.size).toBe(0);
	});
});
