/**
 * Prints each lesson's prose words and machinery words (issue 22's budgets), from the MDX source:
 *   node scripts/prose-count.ts          # table
 *   node scripts/prose-count.ts --json
 *   node scripts/prose-count.ts --dist dist   # count the built pages instead (widgets' text included)
 * Exits 1 when a budget is exceeded (from the source, each lesson keeps room for its widgets and exercises).
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { LIMITS, countProse, countProseHtml } from './lib/prose-count.ts';

export const LESSONS_DIR = path.resolve(import.meta.dirname, '../src/content/docs/lessons');

export interface LessonCount {
	lesson: string;
	words: number;
	machinery: string[];
	exercises?: number;
}

export function countLessons(dir = LESSONS_DIR): LessonCount[] {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.sort()
		.map((f) => ({ lesson: f.replace(/\.mdx$/, ''), ...countProse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

/**
 * The part of a built page the count reads, without what it leaves out anyway: the <main> element, less its scripts,
 * styles, code blocks, SVGs, tables and figures (none of them nest). jsdom then parses a third of the page, in a
 * third of the time.
 */
export function mainColumn(html: string): string {
	const start = html.indexOf('<main');
	const end = html.lastIndexOf('</main>');
	if (start < 0 || end < 0) return html;
	return html.slice(start, end + '</main>'.length).replace(/<(script|style|svg|pre|table|figure)\b[\s\S]*?<\/\1>/g, '');
}

/** Each lesson of a build (`<dist>/lessons/<name>/index.html`), as its main column (`mainColumn`). */
export function builtLessonPages(dist: string): Array<{ lesson: string; html: string }> {
	const dir = path.join(dist, 'lessons');
	return fs
		.readdirSync(dir)
		.filter((name) => fs.existsSync(path.join(dir, name, 'index.html')))
		.sort()
		.map((name) => ({ lesson: name, html: mainColumn(fs.readFileSync(path.join(dir, name, 'index.html'), 'utf8')) }));
}

/** The same counts from a build, parsed with jsdom (a browser test counts in its browser: countProseScript). */
export function countBuiltLessons(dist: string): LessonCount[] {
	return builtLessonPages(dist).map(({ lesson, html }) => ({
		lesson,
		...countProseHtml(new JSDOM(html).window.document),
	}));
}

/** What is over budget, as sentences; empty when all is within. */
export function overBudget(counts: LessonCount[], source = true): string[] {
	const problems: string[] = [];
	// From the source, keep room for what the widgets add on the built page.
	const reserve = (c: LessonCount) => (source ? LIMITS.widgetReserve + LIMITS.exerciseReserve * (c.exercises ?? 0) : 0);
	for (const c of counts) {
		const limit = LIMITS.lesson - reserve(c);
		if (c.words > limit) problems.push(`${c.lesson}: ${c.words} prose words > ${limit}`);
	}
	const hasPipelines = counts.some((c) => c.lesson === 'pipelines');
	const total = counts.reduce((s, c) => s + c.words + reserve(c), 0) + (hasPipelines ? 0 : LIMITS.pipelines);
	if (total > LIMITS.course)
		problems.push(
			`course: ${total} prose ` +
				`words${hasPipelines ? '' : ` (with ${LIMITS.pipelines} kept for pipelines)`} > ${LIMITS.course}`,
		);
	const machinery = counts.reduce((s, c) => s + c.machinery.length, 0);
	if (machinery > LIMITS.machinery) problems.push(`machinery words: ${machinery} > ${LIMITS.machinery}`);
	return problems;
}

if (import.meta.main) {
	const distAt = process.argv.indexOf('--dist');
	const counts = distAt > 0 ? countBuiltLessons(path.resolve(process.argv[distAt + 1] ?? 'dist')) : countLessons();
	if (process.argv.includes('--json')) console.log(JSON.stringify(counts, null, 2));
	else {
		for (const c of counts)
			console.log(`${c.lesson.padEnd(22)} ${String(c.words).padStart(5)}  ${c.machinery.join(' ')}`);
		const total = counts.reduce((s, c) => s + c.words, 0);
		console.log(
			`${'total'.padEnd(22)} ${String(total).padStart(5)}  machinery: ` +
				`${counts.reduce((s, c) => s + c.machinery.length, 0)}`,
		);
	}
	const problems = overBudget(counts, distAt < 0);
	for (const p of problems) console.error(p);
	process.exitCode = problems.length ? 1 : 0;
}
