/**
 * A HAST plugin for the lessons' Markdown tables: a table whose cells hold sentences cannot fit a phone screen
 * side by side, so it is marked to stack on narrow screens (one row after another, each cell under its column's
 * name; see `.stacks-when-narrow` in src/styles/course.css). Tables of short cells stay grids, which wrap.
 */
import type { Element, ElementContent, Root } from 'hast';

/** A table with a cell longer than this many characters stacks on narrow screens. */
export const STACK_CELL_CHARS = 40;
/** Class that course.css stacks on narrow screens. */
export const STACKED_TABLE_CLASS = 'stacks-when-narrow';

function textOf(node: ElementContent | Root): string {
	if (node.type === 'text') return node.value;
	if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
	return '';
}

function elements(node: Element | Root, tagName: string): Element[] {
	const found: Element[] = [];
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === tagName) found.push(child);
		else found.push(...elements(child, tagName));
	}
	return found;
}

/** Labels each body cell with its column's header (`data-label`) and marks tables with long cells. */
export function stackWideTables(tree: Root): void {
	for (const table of elements(tree, 'table')) {
		const headers = elements(table, 'th').map((th) => textOf(th).trim());
		const cells = elements(table, 'td');
		if (headers.length === 0 || !cells.some((td) => textOf(td).trim().length > STACK_CELL_CHARS)) continue;
		for (const row of elements(table, 'tr')) {
			elements(row, 'td').forEach((td, column) => {
				if (headers[column]) td.properties = { ...td.properties, dataLabel: headers[column] };
			});
		}
		const classes = table.properties?.className;
		table.properties = {
			...table.properties,
			className: [...(Array.isArray(classes) ? classes : []), STACKED_TABLE_CLASS],
		};
	}
}

/** The same as a Sätteri HAST plugin (Astro's Markdown and MDX processor), for astro.config.mjs. */
export const stackedTablesPlugin = {
	name: 'stacked-tables',
	element: {
		filter: ['table'],
		visit(table: Readonly<Element>): Element {
			const root: Root = {
				type: 'root',
				children: [JSON.parse(JSON.stringify(table)) as Element] /* the visited node is read-only */,
			};
			stackWideTables(root);
			return root.children[0] as Element;
		},
	},
};
