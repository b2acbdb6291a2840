import { describe, expect, it } from 'vitest';
import { CODE_WPM, LISTING_WORDS, readingTime, READING_WPM } from './reading-time.ts';

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('readingTime', () => {
	it('reads prose at READING_WPM, without frontmatter, imports or tags', () => {
		const mdx =
			`---\ntitle: A long title with words\n---\nimport X from ` +
			`'./x.astro';\n\n${words(READING_WPM * 2)}\n\n<Aside type="tip">\n</Aside>\n`;
		expect(readingTime(mdx)).toMatchObject({ minutes: 2, proseWords: READING_WPM * 2, codeWords: 0 });
	});
	it('reads code slower, counts each example listing and adds time for figures', () => {
		const mdx =
			`${words(10)}\n\n\`\`\`py\n${words(CODE_WPM)}\n\`\`\`\n\n<ExampleCode ` +
			`example="x" file="a.py" />\n<SpeedupChart example="x" />\n`;
		const time = readingTime(mdx);
		expect(time.codeWords).toBe(CODE_WPM + LISTING_WORDS);
		expect(time.figures).toBe(1);
		expect(time.minutes).toBe(Math.ceil(10 / READING_WPM + 1 + LISTING_WORDS / CODE_WPM + 0.5));
	});
	it('is at least a minute', () => {
		expect(readingTime('Hi.').minutes).toBe(1);
	});
});
