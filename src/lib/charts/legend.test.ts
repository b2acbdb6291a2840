import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { SYMBOL_PATHS, legendHtml } from './legend.ts';

function parse(html: string) {
	return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

describe('legendHtml', () => {
	it('lists each series with its colour class and symbol, the swatches hidden from screen readers', () => {
		const doc = parse(
			legendHtml(
				[
					{ label: 'Thread pool', className: 'fig-series-2', symbol: 'square' },
					{ label: 'Process pool', className: 'fig-series-3', symbol: 'triangle' },
				],
				'Legend of your run',
			),
		);
		const list = doc.querySelector('ul.sl-figure-legend')!;
		expect(list.getAttribute('aria-label')).toBe('Legend of your run');
		expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Thread pool', 'Process pool']);
		const swatches = [...list.querySelectorAll('svg')];
		expect(swatches.map((s) => s.getAttribute('class'))).toEqual(['fig-series-2', 'fig-series-3']);
		expect(swatches.every((s) => s.getAttribute('aria-hidden') === 'true')).toBe(true);
		expect(swatches[0]!.innerHTML).toBe(parse(`<svg>${SYMBOL_PATHS.square}</svg>`).querySelector('svg')!.innerHTML);
	});

	it('is empty for a chart without series, and escapes labels', () => {
		expect(legendHtml([])).toBe('');
		const doc = parse(legendHtml([{ label: 'a <b> & "c"', className: 'fig-series-1', symbol: 'unknown' }]));
		expect(doc.querySelector('li')!.textContent).toBe('a <b> & "c"');
		expect(doc.querySelector('circle')).not.toBeNull();
	});
});
