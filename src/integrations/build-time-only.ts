/**
 * Keeps build-time-only packages out of the browser bundles. The chart modules (src/lib/charts/) run at build time,
 * where Observable Plot renders into a jsdom document, and in the browser on demand ("Compare with your run", live
 * timelines), where it renders into the page's own document: there jsdom is never called, so the client bundle gets
 * a stub that says so instead of megabytes of jsdom.
 */
import type { Plugin } from 'vite';

const BUILD_TIME_ONLY = ['jsdom'];
const STUB = '\0build-time-only:';

export default function buildTimeOnly(): Plugin {
	return {
		name: 'build-time-only',
		enforce: 'pre',
		resolveId(id, _importer, options) {
			const environment = (this as { environment?: { config: { consumer?: string } } }).environment;
			const client = environment ? environment.config.consumer === 'client' : !options?.ssr;
			return client && BUILD_TIME_ONLY.includes(id) ? `${STUB}${id}` : null;
		},
		load(id) {
			if (!id.startsWith(STUB)) return null;
			const name = id.slice(STUB.length);
			const message = `${name} is build-time only: in the browser, charts render into the page's document`;
			return `export class JSDOM { constructor() { throw new Error(${JSON.stringify(message)}); } }`;
		},
	};
}
