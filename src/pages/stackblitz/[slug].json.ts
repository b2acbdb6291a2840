/**
 * `stackblitz/<slug>.json`: the "Open in StackBlitz" payload of each example, built at build time.
 * The button fetches it only when clicked, so a reader who never clicks downloads none of it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listExampleSlugs, loadExample } from '../../lib/examples/metadata.ts';
import { buildStackBlitzPayload } from '../../lib/ways-in/stackblitz.ts';

export const getStaticPaths = (() => listExampleSlugs().map((slug) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(JSON.stringify(buildStackBlitzPayload(loadExample(params.slug!))), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
