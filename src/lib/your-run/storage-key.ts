/** The localStorage key of an example's run (its own module: the page's small script needs only this). */
export function storageKey(example: string): string {
	return `speed-up-python:your-run:${example}`;
}
