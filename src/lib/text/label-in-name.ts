/**
 * Gives the search button an accessible name that contains the text it shows (WCAG 2.5.3, Label in Name).
 * Only the first button marked `data-open-modal` is changed; the dialog keeps its own label.
 *
 * The button shows "Search" and the keys as adjacent elements, `<span>Search</span><kbd><kbd>Ctrl</kbd><kbd>K</kbd>`,
 * spaced by CSS (flex gaps), so its text is "SearchCtrlK": words that are in no name (axe-core 4.14 compares whole
 * words). A space between those elements makes the text say what the screen shows, "Search Ctrl K", and changes
 * nothing on screen (white space between flex items is not rendered). The shortcut is not put in parentheses: the
 * rule drops parenthesised words from the name.
 */
export function labelSearchButton(html: string, label: string, shortcut: string): string {
	const button = /<button\b[^>]*\bdata-open-modal\b[^>]*>/;
	const match = button.exec(html);
	if (!match)
		throw new Error(
			'labelSearchButton: no <button data-open-modal> found; has Starlight changed its Search component?',
		);
	const tag = match[0];
	const labelled = tag.replace(/aria-label="[^"]*"/, `aria-label="${escapeAttribute(`${label}, ${shortcut}`)}"`);
	if (labelled === tag) throw new Error('labelSearchButton: the search button has no aria-label to extend.');
	const start = match.index + tag.length;
	const end = html.indexOf('</button>', start);
	if (end < 0) throw new Error('labelSearchButton: the search button is not closed.');
	const content = html.slice(start, end).replaceAll(/(<\/(?:kbd|span)>)\s*(<(?:kbd|span)\b)/g, '$1 $2');
	return html.slice(0, match.index) + labelled + content + html.slice(end);
}

function escapeAttribute(value: string): string {
	return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
