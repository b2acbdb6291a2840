import { describe, expect, it } from 'vitest';
import { WHOLE_FILE_CLASS, lessonAnchor, linkLessonsInDocument, openAllDetails } from './print.ts';

describe('the printable lesson HTML', () => {
	const names = ['threading', 'asyncio'];
	it('points links to other lessons at their sections of the document', () => {
		const html =
			'<a href="../asyncio/">a</a> <a href="../threading/#why">t</a> <a href="/concurrency/lessons/asyncio/">b</a>';
		expect(linkLessonsInDocument(html, '/concurrency/', names)).toBe(
			`<a href="#${lessonAnchor('asyncio')}">a</a> <a href="#lesson-threading">t</a> <a href="#lesson-asyncio">b</a>`,
		);
	});
	it('leaves every other link alone', () => {
		const html =
			'<a href="#local">x</a><a href="https://docs.python.org/3/">y</a><a href="/downloads/io-bound.zip">z</a><a href="../unknown/">u</a>';
		expect(linkLessonsInDocument(html, '/', names)).toBe(html);
	});
	it('opens every answer, but not whole-file listings', () => {
		expect(
			openAllDetails('<details><summary>s</summary></details><details class="x"></details><details open></details>'),
		).toBe('<details open><summary>s</summary></details><details open class="x"></details><details open></details>');
		const whole = `<details class="${WHOLE_FILE_CLASS}" id="f"><summary>whole file</summary></details>`;
		expect(openAllDetails(whole)).toBe(whole);
	});
});
