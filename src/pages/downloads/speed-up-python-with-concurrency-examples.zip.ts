/**
 * `downloads/speed-up-python-with-concurrency-examples.zip`: every example folder in one deterministic zip, the same
 * files as each example's own zip. A static route: it wins over `[slug].zip.ts`, and zip.test.ts checks that no
 * example can take its name.
 */
import type { APIRoute } from 'astro';
import { loadExamples } from '../../lib/examples/metadata.ts';
import { buildAllExamplesZip } from '../../lib/ways-in/zip.ts';

export const GET: APIRoute = () =>
	new Response(buildAllExamplesZip(loadExamples()) as Uint8Array<ArrayBuffer>, {
		headers: { 'Content-Type': 'application/zip' },
	});
