/**
 * Which chart a measured figure draws, as data: a figure writes its spec into the page, and the browser calls the
 * same chart function with the learner's run (src/lib/your-run/draw.ts). Browser-safe: types and one helper only.
 */
export type ChartSpec =
	| { kind: 'speedup'; variants?: string[] }
	| { kind: 'timeline'; variant: string; sameAxisAs?: string[] }
	| { kind: 'replay'; variants: string[] }
	| {
			kind: 'sweep';
			variant: string;
			options: { x?: string; y?: string; xLabel?: string; yLabel?: string; yScale?: 'log' | 'linear'; mark?: string };
	  };

/** The variants a spec shows, for the comparison table (a sweep shows one report variant). */
export function specVariants(spec: ChartSpec): string[] {
	switch (spec.kind) {
		case 'speedup':
			return spec.variants ?? [];
		case 'timeline':
			return [spec.variant, ...(spec.sameAxisAs ?? [])];
		case 'replay':
			return spec.variants;
		case 'sweep':
			return [spec.variant];
	}
}
