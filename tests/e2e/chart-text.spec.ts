/**
 * Every chart's text can be read on a phone (390 px) and a desktop (1280 px): no two labels of a chart overlap,
 * none sticks out of the chart's own box (the SVG's viewBox, which is what the page lays out), and none is cut
 * short with an ellipsis. The boxes are the browser's own (getBoundingClientRect of each SVG <text>, in the fonts
 * the page really uses), so the test sees what a reader sees, not the build's estimate of text widths.
 * It does not depend on the base: root build only.
 * A label left out altogether is no text to measure: that rows and axes are labelled at all is checked by the
 * charts' unit tests (src/lib/charts/*.test.ts), e.g. the 40-row timeline names every 2nd row.
 */
import { expect, test, type Page } from '@playwright/test';
import { PRINT_PAGE_PATH } from '../../src/lib/ways-in/downloads.ts';
import { sitePages } from '../support/site-pages.ts';
import { thoroughOnly } from '../support/thorough.ts';

/** Every page, and the printable course, which repeats the lessons' charts in its own layout. */
const PAGES = [...sitePages(), { path: PRINT_PAGE_PATH, name: 'print' }];
const WIDTHS = [390, 1280] as const;
/**
 * Screen pixels two boxes may share (glyph boxes include the font's line gap, so neighbouring lines touch) and
 * a label may stick out of its chart (antialiasing).
 */
const TOLERANCE = 1;

interface ChartText {
	/** Which chart: its page, its kind and example, its position on the page. */
	chart: string;
	problems: string[];
	texts: number;
}

/** Every chart on the open page, with what is wrong with its text. Runs in the browser. */
async function chartTexts(page: Page, pageName: string): Promise<ChartText[]> {
	return page.evaluate(
		({ pageName, tolerance }) => {
			const charts = [...document.querySelectorAll<SVGSVGElement>('svg.sl-chart')];
			return charts.map((svg, index) => {
				const figure = svg.closest<HTMLElement>('[data-chart]');
				const chart = `${pageName} chart ${index + 1} (${figure?.dataset.chart ?? 'chart'} ${figure?.dataset.example ?? ''}${figure?.dataset.variant ? ` ${figure.dataset.variant}` : ''})`;
				const frame = svg.getBoundingClientRect();
				const texts = [...svg.querySelectorAll('text')]
					.filter(
						(t) =>
							(t.textContent ?? '').trim() !== '' &&
							getComputedStyle(t).visibility !== 'hidden' &&
							getComputedStyle(t).display !== 'none',
					)
					.map((t) => ({ text: (t.textContent ?? '').trim(), box: t.getBoundingClientRect() }))
					.filter(({ box }) => box.width > 0 && box.height > 0);
				const problems: string[] = [];
				const shown = (b: DOMRect) =>
					`${Math.round(b.left - frame.left)},${Math.round(b.top - frame.top)} ${Math.round(b.width)}×${Math.round(b.height)}`;
				for (const { text, box } of texts) {
					if (text.endsWith('…') || text.endsWith('...')) problems.push(`"${text}" is cut short`);
					const out = [
						frame.left - box.left > tolerance && 'left',
						box.right - frame.right > tolerance && 'right',
						frame.top - box.top > tolerance && 'top',
						box.bottom - frame.bottom > tolerance && 'bottom',
					].filter(Boolean);
					if (out.length > 0)
						problems.push(
							`"${text}" sticks out of the chart (${out.join(', ')}; at ${shown(box)} in ${Math.round(frame.width)}×${Math.round(frame.height)})`,
						);
				}
				for (let i = 0; i < texts.length; i++) {
					for (let j = i + 1; j < texts.length; j++) {
						const a = texts[i]!.box;
						const b = texts[j]!.box;
						const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
						const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
						if (dx > tolerance && dy > tolerance) {
							problems.push(
								`"${texts[i]!.text}" overlaps "${texts[j]!.text}" (${Math.round(dx)}×${Math.round(dy)} px)`,
							);
						}
					}
				}
				return { chart, problems, texts: texts.length };
			});
		},
		{ pageName, tolerance: TOLERANCE },
	);
}

for (const width of WIDTHS) {
	test(`every chart's text can be read at ${width} px: no label overlaps another, sticks out of its chart or is cut short`, async ({
		page,
	}, testInfo) => {
		thoroughOnly(testInfo);
		test.setTimeout(30_000 + PAGES.length * 10_000);
		await page.setViewportSize({ width, height: 900 });
		const charts: ChartText[] = [];
		for (const sitePage of PAGES) {
			await page.goto(sitePage.path);
			// Text boxes depend on the page's fonts: measure once they are in.
			await page.evaluate(() => document.fonts.ready.then(() => undefined));
			charts.push(...(await chartTexts(page, sitePage.name)));
		}
		expect(charts.length, 'the course has charts to check').toBeGreaterThan(0);
		expect(
			charts.every((c) => c.texts > 0),
			'every chart has text: axis ticks at least',
		).toBe(true);
		const offenders = charts.flatMap((c) => c.problems.map((p) => `${c.chart}: ${p}`));
		testInfo.annotations.push({ type: 'charts', description: `${charts.length} charts on ${PAGES.length} pages` });
		expect(offenders, `${offenders.length} problems in ${charts.length} charts at ${width} px`).toEqual([]);
	});
}
