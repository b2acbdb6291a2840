/**
 * The learner's run stays in their browser: one entry per example in localStorage, so it reappears on every lesson
 * of that example, until "Forget my run". Storage may be missing or full (private windows, quotas): then the run
 * is shown on this page only, and the page says so.
 */

/** Bump when the stored shape changes; older entries are then ignored (and forgotten). */
export const STORED_RUN_VERSION = 1;

export interface StoredRun {
	version: number;
	/** The report as the learner gave it (read again, and checked again, on every page). */
	text: string;
	/** Where it came from: a file name, "pasted text" or "a run in this page". */
	source: string;
	/** ISO time it was saved. */
	savedAt: string;
}

import { storageKey } from './storage-key.ts';

export { storageKey };

/** Saves the run; false when the browser would not keep it. */
export function saveRun(
	storage: Storage | undefined,
	example: string,
	text: string,
	source: string,
	now = new Date(),
): boolean {
	const entry: StoredRun = { version: STORED_RUN_VERSION, text, source, savedAt: now.toISOString() };
	try {
		storage!.setItem(storageKey(example), JSON.stringify(entry));
		return true;
	} catch {
		return false;
	}
}

/** The saved run of an example, or null (none, unreadable or from another version). */
export function loadRun(storage: Storage | undefined, example: string): StoredRun | null {
	let raw: string | null;
	try {
		raw = storage!.getItem(storageKey(example));
	} catch {
		return null;
	}
	if (raw === null) return null;
	try {
		const entry = JSON.parse(raw) as Partial<StoredRun>;
		if (
			entry.version === STORED_RUN_VERSION &&
			typeof entry.text === 'string' &&
			typeof entry.source === 'string' &&
			typeof entry.savedAt === 'string'
		) {
			return entry as StoredRun;
		}
	} catch {
		// fall through: an entry this code cannot read is dropped
	}
	forgetRun(storage, example);
	return null;
}

/** Removes the saved run of an example (nothing happens when there is none or no storage). */
export function forgetRun(storage: Storage | undefined, example: string): void {
	try {
		storage!.removeItem(storageKey(example));
	} catch {
		// no storage: nothing was kept
	}
}
