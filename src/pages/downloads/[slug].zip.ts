/**
 * `downloads/<slug>.zip`: each example as a zip, built at build time (deterministic: same files, same bytes).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listExampleSlugs, loadExample } from '../../lib/examples/metadata.ts';
import { buildExampleZip } from '../../lib/ways-in/zip.ts';

export const getStaticPaths = (() => listExampleSlugs().map((slug) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(buildExampleZip(loadExample(params.slug!)) as Uint8Array<ArrayBuffer>, {
		headers: { 'Content-Type': 'application/zip' },
	});
