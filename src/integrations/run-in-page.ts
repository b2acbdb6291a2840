/**
 * Serves the in-page runner's static files under `<base>run-in-page/`: the worker, the shared harness and the
 * `pyodide` npm package's files (see src/lib/ways-in/run-in-page.ts). They are copied into the build output when the build
 * is done, and served from their source in `astro dev`, so they are never committed and never come from a CDN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { RUN_IN_PAGE_DIR, downloadBytes, formatMegabytes, runnerAssets } from '../lib/ways-in/run-in-page.ts';

const CONTENT_TYPES: Record<string, string> = {
	'.mjs': 'text/javascript; charset=utf-8',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.json': 'application/json; charset=utf-8',
};

export default function runInPage(): AstroIntegration {
	let base = '/';
	return {
		name: 'run-in-page',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': ({ server }) => {
				const prefix = `${base}${RUN_IN_PAGE_DIR}/`;
				const assets = new Map(runnerAssets().map((asset) => [asset.to, asset.from]));
				server.middlewares.use((request, response, next) => {
					const url = new URL(request.url ?? '/', 'http://localhost');
					const from = url.pathname.startsWith(prefix) ? assets.get(url.pathname.slice(prefix.length)) : undefined;
					if (!from) return next();
					response.setHeader('Content-Type', CONTENT_TYPES[path.extname(from)] ?? 'application/octet-stream');
					fs.createReadStream(from).pipe(response);
				});
			},
			'astro:build:done': ({ dir, logger }) => {
				const target = path.join(fileURLToPath(dir), RUN_IN_PAGE_DIR);
				const assets = runnerAssets();
				for (const asset of assets) {
					const to = path.join(target, asset.to);
					fs.mkdirSync(path.dirname(to), { recursive: true });
					fs.copyFileSync(asset.from, to);
				}
				logger.info(
					`copied ${assets.length} files (${formatMegabytes(downloadBytes(assets))}) to ${path.relative(process.cwd(), target)}/`,
				);
			},
		},
	};
}
