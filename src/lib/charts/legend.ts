/**
 * A figure's legend as HTML: one swatch (the series' colour and point symbol) and label per series. One source for
 * the build (MeasuredFigure) and the browser (a learner's run drawn beside ours), so both legends read the same.
 */
import type { LegendEntry } from './plot.ts';

/** Each Observable Plot symbol the charts use, drawn in a 16×16 swatch. */
export const SYMBOL_PATHS: Record<string, string> = {
	circle: '<circle cx="8" cy="8" r="4" />',
	square: '<rect x="4" y="4" width="8" height="8" />',
	triangle: '<path d="M8 3.5 12.5 12h-9z" />',
	diamond: '<path d="M8 3 13 8 8 13 3 8z" />',
	star: '<path d="M8 3l1.5 3.2 3.5.4-2.6 2.4.7 3.5L8 10.8 4.9 12.5l.7-3.5L3 6.6l3.5-.4z" />',
};

function escape(text: string): string {
	return text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}

/** The legend list (class `sl-figure-legend`, styled in src/styles/figures.css); '' when the chart needs none. */
export function legendHtml(entries: readonly LegendEntry[], label = 'Legend'): string {
	if (entries.length === 0) return '';
	const items = entries.map(
		(entry) =>
			`<li><svg class="${escape(entry.className)}" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" ` +
			`style="fill: var(--fig-bg)" stroke="currentColor" stroke-width="1.75">` +
			`${SYMBOL_PATHS[entry.symbol] ?? SYMBOL_PATHS.circle}</svg><span>${escape(entry.label)}</span></li>`,
	);
	return `<ul class="sl-figure-legend" aria-label="${escape(label)}">${items.join('')}</ul>`;
}
