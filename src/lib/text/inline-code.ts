/**
 * Markdown's inline code in a plain-text prop (a self-check question): "Why does `await` matter?" becomes text and
 * code parts for a component to render, escaped by Astro like any text. Only single-backtick spans, as people type
 * them; an unmatched backtick stays a backtick.
 */
export interface TextPart {
	text: string;
	/** True for the inside of a `code` span. */
	code: boolean;
}

export function inlineCode(text: string): TextPart[] {
	const parts: TextPart[] = [];
	const pattern = /`([^`]+)`/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index), code: false });
		parts.push({ text: match[1]!, code: true });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), code: false });
	return parts;
}
