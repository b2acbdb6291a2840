import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { STACKED_TABLE_CLASS, stackWideTables } from './stacked-tables.ts';

const el = (tagName: string, children: (Element | string)[] = []): Element => ({
	type: 'element',
	tagName,
	properties: {},
	children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
});
const table = (rows: string[][]): Root => ({
	type: 'root',
	children: [
		el('table', [
			el('thead', [
				el(
					'tr',
					rows[0]!.map((h) => el('th', [h])),
				),
			]),
			el(
				'tbody',
				rows.slice(1).map((row) =>
					el(
						'tr',
						row.map((cell) => el('td', [el('code', [cell])])),
					),
				),
			),
		]),
	],
});

describe('stackWideTables', () => {
	it('marks a table with a long cell and labels each cell with its column header', () => {
		const tree = table([
			['Tool', 'Why'],
			['threads', 'Works with any blocking code, and a waiting thread releases the GIL.'],
		]);
		stackWideTables(tree);
		const t = tree.children[0] as Element;
		expect(t.properties.className).toEqual([STACKED_TABLE_CLASS]);
		const tds = ((t.children[1] as Element).children[0] as Element).children as Element[];
		expect(tds.map((td) => td.properties.dataLabel)).toEqual(['Tool', 'Why']);
	});

	it('leaves a table of short cells alone', () => {
		const tree = table([
			['Step', 'Thread A'],
			['1', 'reads 41'],
		]);
		stackWideTables(tree);
		expect((tree.children[0] as Element).properties.className).toBeUndefined();
	});
});
