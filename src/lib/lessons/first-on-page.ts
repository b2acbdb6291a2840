/**
 * Remembers what a component has already rendered on the page being built, so that a page shows a long listing
 * once and links back to it afterwards. Astro renders each page for its own `Request`, which keys the memory.
 */
const seen = new WeakMap<object, Set<string>>();

/** True the first time `key` is asked about for this page (`page` is `Astro.request`), false afterwards. */
export function firstOnPage(page: object, key: string): boolean {
	let keys = seen.get(page);
	if (!keys) seen.set(page, (keys = new Set()));
	if (keys.has(key)) return false;
	keys.add(key);
	return true;
}

const counters = new WeakMap<object, Map<string, number>>();

/** 1, 2, 3… for each call with `key` on the page being built (`page` is `Astro.request`): ids unique on the page. */
export function countOnPage(page: object, key: string): number {
	let keys = counters.get(page);
	if (!keys) counters.set(page, (keys = new Map()));
	const n = (keys.get(key) ?? 0) + 1;
	keys.set(key, n);
	return n;
}
