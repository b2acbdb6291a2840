/**
 * `run-in-page/examples/<slug>.json`: the Python files of each example, for the lesson pages' "Run here" runner.
 * Fetched on the first click only (to fill the editor and the worker's file system).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listExampleSlugs, loadExample } from '../../../lib/examples/metadata.ts';
import { inPageFiles } from '../../../lib/ways-in/run-in-page.ts';

export const getStaticPaths = (() => listExampleSlugs().map((slug) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(JSON.stringify(inPageFiles(loadExample(params.slug!))), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
