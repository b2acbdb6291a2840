/**
 * `your-run/<slug>.json`: the committed measurement of each example, fetched by a lesson page only when a learner
 * compares their own run with it (src/lib/your-run/app.ts), so the page itself carries none of it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listMeasurementSlugs, measurementOf } from '../../lib/measurements/load.ts';

export const getStaticPaths = (() =>
	listMeasurementSlugs().map((slug) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(JSON.stringify(measurementOf(params.slug!)), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
