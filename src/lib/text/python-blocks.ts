/**
 * Finds the top-level functions and classes of a Python file, so a lesson can show one of them by name
 * (`<ExampleCode show="download_all">`) instead of a copy of its lines that would drift from the file.
 *
 * This is not a Python parser: it tracks only what decides where a top-level statement starts (strings,
 * comments, brackets, backslash continuations) and takes a block's body by indentation, which is what
 * Python itself does for `def`, `async def` and `class`.
 */

/** One top-level `def`, `async def` or `class` of a file. */
export interface PythonBlock {
	/** The function or class name. */
	name: string;
	/** `def`, `async def` or `class`. */
	kind: 'def' | 'async def' | 'class';
	/** First line, 1-based: the first decorator if there is one, else the `def`/`class` line. */
	startLine: number;
	/** Last line of the body, 1-based, inclusive (trailing blank lines and unindented comments left out). */
	endLine: number;
}

const BLOCK_HEADER = /^(async\s+def|def|class)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * For each line, whether a new logical line starts there: not inside a string, brackets or a
 * backslash continuation.
 */
export function logicalLineStarts(source: string): boolean[] {
	const lines = source.split('\n');
	const starts: boolean[] = [];
	let quote = ''; // the open string's delimiter: ', ", ''' or """; '' when outside strings
	let depth = 0; // open brackets
	let continued = false; // previous line ended with a backslash outside strings
	for (const line of lines) {
		starts.push(quote === '' && depth === 0 && !continued);
		continued = false;
		for (let i = 0; i < line.length; i++) {
			const ch = line.charAt(i);
			if (quote !== '') {
				if (ch === '\\')
					i++; // an escaped character never ends a string (raw strings included)
				else if (line.startsWith(quote, i)) {
					i += quote.length - 1;
					quote = '';
				}
				continue;
			}
			if (ch === '#') break;
			if (ch === '"' || ch === "'") {
				quote = line.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
				i += quote.length - 1;
			} else if ('([{'.includes(ch)) depth++;
			else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
			else if (ch === '\\' && i === line.length - 1) continued = true;
		}
		// A single-quoted string cannot span lines without a backslash; recover rather than misread the rest.
		if (quote.length === 1 && !line.endsWith('\\')) quote = '';
	}
	return starts;
}

/** Every top-level `def`, `async def` and `class` of `source`, in file order. */
export function findTopLevelBlocks(source: string): PythonBlock[] {
	const lines = source.split('\n');
	const line = (i: number) => lines[i] ?? '';
	const starts = logicalLineStarts(source);
	/** A line where a top-level statement (or decorator) begins. */
	const isTopLevel = (i: number) => starts[i] === true && /^[^\s#]/.test(line(i));
	const blocks: PythonBlock[] = [];
	let decoratorStart = -1;
	for (let i = 0; i < lines.length; i++) {
		if (!isTopLevel(i)) continue;
		if (line(i).startsWith('@')) {
			if (decoratorStart < 0) decoratorStart = i;
			continue;
		}
		const header = BLOCK_HEADER.exec(line(i));
		const start = decoratorStart >= 0 ? decoratorStart : i;
		decoratorStart = -1;
		if (!header) continue;
		let end = i + 1;
		while (end < lines.length && !isTopLevel(end)) end++;
		// The body is everything up to the next top-level statement, minus what leads into that statement.
		let last = end - 1;
		while (last > i && (line(last).trim() === '' || line(last).startsWith('#'))) last--;
		blocks.push({
			name: header[2]!,
			kind: header[1]!.startsWith('async') ? 'async def' : (header[1] as 'def' | 'class'),
			startLine: start + 1,
			endLine: last + 1,
		});
	}
	return blocks;
}
