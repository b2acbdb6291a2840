/**
 * Gives the search button an accessible name that contains the text it shows (WCAG 2.5.3, Label in Name).
 * Only the first button marked `data-open-modal` is changed; the dialog keeps its own label.
 */
export function labelSearchButton(html: string, label: string, shortcut: string): string {
	const button = /<button\b[^>]*\bdata-open-modal\b[^>]*>/;
	const match = button.exec(html);
	if (!match) throw new Error('labelSearchButton: no <button data-open-modal> found; has Starlight changed its Search component?');
	const tag = match[0];
	const labelled = tag.replace(/aria-label="[^"]*"/, `aria-label="${escapeAttribute(`${label} (${shortcut})`)}"`);
	if (labelled === tag) throw new Error('labelSearchButton: the search button has no aria-label to extend.');
	return html.slice(0, match.index) + labelled + html.slice(match.index + tag.length);
}

function escapeAttribute(value: string): string {
	return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
