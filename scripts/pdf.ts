/**
 * `npm run pdf`: prints the whole course into one PDF, from the built site, with Chromium (Playwright).
 *
 * Serves the build with `astro preview`, opens its print page (src/pages/print.astro: title page, contents, every
 * lesson in sidebar order, answers open) in the light theme with print styles, and prints it on A4 with page numbers
 * in the footer. A first print finds the page each lesson (and the appendix) starts on, which goes into the contents;
 * the second print is the PDF. It lands in the build (`<outDir>/speed-up-python-with-concurrency.pdf`, served with the site), and its
 * size is written into every built page that links it (see src/lib/ways-in/downloads.ts).
 *
 * Usage: npm run build && npm run pdf      (the same BASE and OUT_DIR as the build: BASE=/x/ npm run pdf)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';
import {
	COURSE_PDF,
	PRINT_PAGE_PATH,
	countPdfSizePlaceholders,
	formatBytes,
	publishPdfLinks,
} from '../src/lib/ways-in/downloads.ts';
import { REPO_ROOT } from '../src/lib/paths.ts';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/browser.ts';
import { appendixStartPage, lessonStartPages, pdfPageTexts } from './lib/pdf-text.ts';

const base = process.env.BASE ?? '/';
const outDir = path.resolve(REPO_ROOT, process.env.OUT_DIR ?? 'dist');
const printPage = path.join(outDir, PRINT_PAGE_PATH, 'index.html');
if (!fs.existsSync(printPage)) {
	console.error(
		`No built print page at ${path.relative(REPO_ROOT, printPage)}: build the site first (npm run build, with the same BASE and OUT_DIR).`,
	);
	process.exit(2);
}
const browser = findChromium();
if (!browser) {
	console.error(
		'No Chromium found: `npx playwright install chromium`, or `apt-get install chromium`, or set CHROMIUM_PATH.',
	);
	process.exit(2);
}

/** A4 with margins wide enough for the page number; the footer is Chromium's own (it fills in the numbers). */
const PDF_OPTIONS = {
	format: 'A4',
	// The site's 16 px body text prints at about 10 pt: a book's size rather than a poster's.
	scale: 0.8,
	printBackground: true,
	displayHeaderFooter: true,
	headerTemplate: '<span></span>',
	footerTemplate:
		'<div style="width:100%;font:9px sans-serif;color:#555;text-align:center">' +
		'Speed Up Python With Concurrency · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
	margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' },
	outline: true,
	tagged: true,
} as const;

const port = await freePort();
const server = startPreview(port);
const started = Date.now();
try {
	const url = `http://127.0.0.1:${port}${base.replace(/\/?$/, '/')}${PRINT_PAGE_PATH}`;
	await waitForServer(url, server);
	const bytes = await printCourse(url);
	const target = path.join(outDir, COURSE_PDF);
	fs.writeFileSync(target, bytes);
	const pages = fillSizeIntoPages(bytes.length);
	console.log(
		`${path.relative(REPO_ROOT, target)}: ${formatBytes(bytes.length)} (${bytes.length} bytes), printed in ` +
			`${((Date.now() - started) / 1000).toFixed(1)} s; size written into ${pages} pages.`,
	);
} finally {
	stop(server);
}

async function printCourse(url: string): Promise<Buffer> {
	const instance = await chromium.launch({ executablePath: browser!.executablePath, args: CHROMIUM_ARGS });
	try {
		const page = await instance.newPage({ colorScheme: 'light' });
		await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
		await page.emulateMedia({ media: 'print', colorScheme: 'light' });
		const response = await page.goto(url, { waitUntil: 'load' });
		if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
		await page.evaluate(() => document.fonts.ready);
		const titles = await page.locator('.print-contents li:not(.print-contents-appendix) a').allTextContents();
		if (titles.length === 0) throw new Error(`${url} has no table of contents`);
		// First print: where does each lesson start? Those pages go into the contents, which stays one page long.
		const draft = await page.pdf(PDF_OPTIONS);
		const contentsPage = (await pdfPageTexts(draft)).findIndex((text) => text.includes('Contents')) + 1;
		const startsOf = async (pdf: Buffer) => {
			const texts = await pdfPageTexts(pdf);
			const lessons = lessonStartPages(texts, titles, contentsPage);
			return [...lessons, appendixStartPage(texts, Math.max(contentsPage, ...lessons.map((n) => n ?? 0)))];
		};
		const starts = await startsOf(draft);
		const missing = [...titles, 'the appendix'].filter((_, i) => starts[i] === null);
		if (missing.length > 0) throw new Error(`lessons not found in the printed pages: ${missing.join('; ')}`);
		await page.evaluate((numbers) => {
			document.querySelectorAll('.print-contents li').forEach((item, i) => {
				const number = document.createElement('span');
				number.className = 'print-page-number';
				number.textContent = String(numbers[i]);
				item.append(' ', number);
			});
		}, starts as number[]);
		const final = await page.pdf(PDF_OPTIONS);
		const check = await startsOf(final);
		if (check.join() !== starts.join())
			throw new Error(`page numbers moved between prints: ${starts.join()} then ${check.join()}`);
		return final;
	} finally {
		await instance.close();
	}
}

/** Publishes the PDF's link, with its size, in every built page that links it; returns how many pages held one. */
function fillSizeIntoPages(bytes: number): number {
	let pages = 0;
	for (const file of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.html')) continue;
		const full = path.join(outDir, file);
		const html = fs.readFileSync(full, 'utf8');
		if (countPdfSizePlaceholders(html) === 0) continue;
		fs.writeFileSync(full, publishPdfLinks(html, bytes));
		pages++;
	}
	return pages;
}

function startPreview(port: number) {
	const child = spawn('npx', ['astro', 'preview', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: REPO_ROOT,
		env: { ...process.env, BASE: base, OUT_DIR: outDir },
		stdio: ['ignore', 'ignore', 'pipe'],
		detached: process.platform !== 'win32',
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const onSignal = () => {
		stop(child);
		process.exit(130);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	return Object.assign(child, { stderrText: () => stderr });
}

function stop(child: ReturnType<typeof spawn>) {
	try {
		if (child.pid && child.exitCode === null)
			process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
	} catch {
		// already gone
	}
}

async function waitForServer(url: string, child: ReturnType<typeof startPreview>, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`astro preview exited (${child.exitCode}): ${child.stderrText()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`astro preview did not serve ${url} within ${timeoutMs / 1000} s`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}
