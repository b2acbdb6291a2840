/**
 * Each measured chart, table and replay appears once in the course (issue 22 item 3): later lessons link to it or
 * recall it in a sentence. A figure is identified by its component and the props that choose its data (example,
 * variant(s), interpreters, metrics); captions and layout props do not make a second copy a different figure.
 */
export const FIGURE_COMPONENTS = [
	'TimelineChart',
	'TimelineReplay',
	'SpeedupChart',
	'ResultsTable',
	'SweepChart',
	'InterpreterChart',
];

const DATA_PROPS = ['example', 'variant', 'variants', 'interpreters', 'metrics', 'series', 'y'];

/** One key per figure tag in the MDX source, e.g. `TimelineChart example=io-bound variant=threads`. */
export function figureKeys(mdx: string): string[] {
	const tags = mdx.matchAll(new RegExp(`<(${FIGURE_COMPONENTS.join('|')})\\b([\\s\\S]*?)\\/>`, 'g'));
	return [...tags].map(([, name, attrs]) => {
		const props = [...attrs!.matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g)]
			.filter(([, prop]) => DATA_PROPS.includes(prop!))
			.map(([, prop, a, b, c]) => `${prop}=${(a ?? b ?? c ?? '').replace(/["'\s]/g, '')}`)
			.sort();
		return [name, ...props].join(' ');
	});
}

/** Figures drawn on more than one page (or twice on one), with the lessons that draw them. */
export function repeatedFigures(lessons: Record<string, string>): string[] {
	const seen = new Map<string, string[]>();
	for (const [lesson, mdx] of Object.entries(lessons))
		for (const key of figureKeys(mdx)) seen.set(key, [...(seen.get(key) ?? []), lesson]);
	return [...seen].filter(([, where]) => where.length > 1).map(([key, where]) => `${key}: ${where.join(', ')}`);
}
