/**
 * "Compare with your run" in the page: loaded on demand (a dynamic import from the page's small inline script) when
 * a learner gives a report, or when this browser kept one for the page's example. Reads and checks the report,
 * draws it beside every figure of that example on the page with the build's own chart code, on one scale with
 * ours, and writes the comparison as text and a table. Nothing leaves the browser.
 */
import { legendHtml } from '../charts/legend.ts';
import { compareRuns } from './comparison.ts';
import { specVariants, type ChartSpec } from './chart-spec.ts';
import { axisEnd, drawSpec, fitSpec, sharedYDomain } from './draw.ts';
import { learnerMeasurement } from './learner-measurement.ts';
import { checkFileSize, readReport, type ReportContext } from './read-report.ts';
import { forgetRun, loadRun, saveRun } from './storage.ts';
import type { Measurement } from '../measurements/schema.ts';

const ours = new Map<string, Promise<Measurement>>();
/** The committed figures as built, to put back when the learner forgets their run. */
const original = new WeakMap<Element, string>();

function storage(): Storage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined;
	}
}

function parts(root: HTMLElement) {
	const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
	const { yourRun: example, command, schemaVersion, measurement } = root.dataset as Record<string, string>;
	const context: ReportContext = { example: example!, command: command!, schemaVersion: Number(schemaVersion) };
	return {
		example: example!,
		measurement: measurement!,
		context,
		alert: q('[role=alert]'),
		status: q('[role=status]'),
		result: q('.yr-result'),
		input: q<HTMLInputElement>('input[type=file]'),
	};
}

function slotsOf(example: string): HTMLElement[] {
	return [...document.querySelectorAll<HTMLElement>(`[data-your-run-slot="${example}"]`)];
}

function ourMeasurement(url: string): Promise<Measurement> {
	if (!ours.has(url)) {
		ours.set(
			url,
			fetch(url).then((response) => {
				if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
				return response.json() as Promise<Measurement>;
			}),
		);
	}
	return ours.get(url)!;
}

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function table(head: string[], rows: string[][], caption?: string): HTMLTableElement {
	const t = element('table', 'sl-data-table');
	if (caption) t.createCaption().textContent = caption;
	const headRow = t.createTHead().insertRow();
	for (const cell of head) {
		const th = document.createElement('th');
		th.scope = 'col';
		th.textContent = cell;
		headRow.append(th);
	}
	const body = t.createTBody();
	for (const row of rows) {
		const tr = body.insertRow();
		row.forEach((cell, i) => {
			const node = document.createElement(i === 0 ? 'th' : 'td');
			if (i === 0) (node as HTMLTableCellElement).scope = 'row';
			node.textContent = cell;
			tr.append(node);
		});
	}
	return t;
}

/** A table in a box that scrolls sideways on a narrow screen; focusable, so the keyboard can scroll it too. */
function wrapped(node: HTMLElement): HTMLElement {
	const wrap = element('div', 'sl-table-wrap');
	wrap.tabIndex = 0;
	wrap.append(node);
	return wrap;
}

/** Draws the learner's run into every slot of the example, and ours again on the shared scale where it must. */
function drawSlots(example: string, our: Measurement, yours: Measurement) {
	for (const slot of slotsOf(example)) {
		const spec = JSON.parse(slot.dataset.spec!) as ChartSpec;
		const figure = slot.closest('.sl-figure')!;
		const ourSvg = figure.querySelector(':scope > figure > svg')!;
		if (!original.has(figure)) original.set(figure, ourSvg.outerHTML);
		slot.replaceChildren(element('p', 'yr-heading', 'Your run'));
		const fitted = fitSpec(yours, spec);
		if (typeof fitted === 'string') {
			slot.append(element('p', 'yr-missing', fitted));
		} else {
			const ourEnd = axisEnd(our, spec);
			const yourEnd = axisEnd(yours, fitted);
			const shared = ourEnd !== null && yourEnd !== null ? Math.max(ourEnd, yourEnd) : undefined;
			// A sweep's log y axis: both runs on one scale, from the lower bottom to the higher top.
			const yDomain = fitted.kind === 'sweep' ? sharedYDomain(drawSpec(our, spec), drawSpec(yours, fitted)) : undefined;
			const same = shared !== undefined ? ' and on the same time axis' : yDomain ? ' and on the same scale' : '';
			const drawn = drawSpec(yours, fitted, shared, `Your run, drawn by the same code as ours${same}`, yDomain);
			const fig = element('figure', 'yr-figure');
			// The series' colours and symbols (a sweep's lines), as under our figure, so both charts read alike.
			fig.innerHTML = drawn.svg + legendHtml(drawn.legend, 'Legend of your run');
			fig.append(element('figcaption', '', drawn.caption));
			const details = element('details', 'sl-figure-data');
			details.append(
				element('summary', '', 'The numbers in your chart'),
				wrapped(table(drawn.table.head, drawn.table.rows)),
			);
			slot.append(fig, details);
			// Ours again on the shared axis, by the same function, when the learner's run is longer (or a sweep's scale).
			if (shared !== undefined && ourEnd !== null && shared > ourEnd * 1.001) {
				const redrawn = drawSpec(our, spec, shared);
				figure.querySelector(':scope > figure > svg')!.outerHTML = redrawn.svg;
			} else if (yDomain) {
				figure.querySelector(':scope > figure > svg')!.outerHTML = drawSpec(
					our,
					spec,
					undefined,
					undefined,
					yDomain,
				).svg;
			} else {
				figure.querySelector(':scope > figure > svg')!.outerHTML = original.get(figure)!;
			}
		}
		figure.setAttribute('data-your-run-shown', '');
		slot.hidden = false;
	}
}

function clearSlots(example: string) {
	for (const slot of slotsOf(example)) {
		const figure = slot.closest('.sl-figure')!;
		const built = original.get(figure);
		if (built) figure.querySelector(':scope > figure > svg')!.outerHTML = built;
		figure.removeAttribute('data-your-run-shown');
		slot.replaceChildren();
		slot.hidden = true;
	}
}

/** Reads a report the learner gave; a problem only fills the alert, and everything else stays as it was. */
export async function fromText(root: HTMLElement, text: string, source: string, keep = true): Promise<boolean> {
	const { example, measurement, context, alert, status, result } = parts(root);
	const read = readReport(text, context);
	if (!read.ok) {
		alert.textContent = read.problem.message;
		root.dataset.problem = read.problem.kind;
		return false;
	}
	let our: Measurement;
	try {
		our = await ourMeasurement(measurement);
	} catch (error) {
		alert.textContent =
			`The course's own figures could not be loaded to compare with ` +
			`(${(error as Error).message}). Reload the page and try again.`;
		return false;
	}
	const yours = learnerMeasurement(read.report, our, context.command);
	const onPage = [
		...new Set(slotsOf(example).flatMap((slot) => specVariants(JSON.parse(slot.dataset.spec!) as ChartSpec))),
	];
	const ordered = our.variants.map((v) => v.variant).filter((id) => onPage.includes(id));
	const comparison = compareRuns(our, yours, ordered.length ? ordered : undefined);
	alert.textContent = '';
	delete root.dataset.problem;
	result.querySelector('.yr-machine')!.textContent = comparison.machine;
	result.querySelector('.yr-sentence')!.textContent = comparison.sentence;
	const note = result.querySelector<HTMLElement>('.yr-note')!;
	note.textContent = comparison.parameterNote ?? '';
	note.hidden = comparison.parameterNote === null;
	result
		.querySelector('.yr-table')!
		.replaceChildren(wrapped(table(comparison.table.head, comparison.table.rows, comparison.table.caption)));
	drawSlots(example, our, yours);
	result.hidden = false;
	root.dataset.loaded = source;
	const kept = keep ? saveRun(storage(), example, text, source) : true;
	status.textContent =
		`${keep ? 'Your run' : 'Your saved run'} (${source}) is drawn ` +
		`beside ours in the figures of examples/${example} on this page. ` +
		(kept
			? 'It stays in this browser, on every lesson with this example, until you press Forget my run.'
			: 'This browser would not keep it, so it shows on this page only.');
	return true;
}

/** A chosen or dropped file: refused before reading when too big or empty. */
export async function fromFile(root: HTMLElement, file: File): Promise<boolean> {
	const { context, alert } = parts(root);
	const problem = checkFileSize(file.name, file.size, context);
	if (problem) {
		alert.textContent = problem.message;
		root.dataset.problem = problem.kind;
		return false;
	}
	return fromText(root, await file.text(), file.name);
}

/** Shows the run this browser kept for the example, if any; one it can no longer read is forgotten, saying why. */
export async function restore(root: HTMLElement): Promise<void> {
	const { example, alert } = parts(root);
	const stored = loadRun(storage(), example);
	if (!stored) return;
	if (!(await fromText(root, stored.text, stored.source, false))) {
		forgetRun(storage(), example);
		alert.textContent = `Your saved run could not be shown any more, so it was forgotten: ${alert.textContent}`;
	}
}

export function forget(root: HTMLElement): void {
	const { example, alert, status, result, input } = parts(root);
	forgetRun(storage(), example);
	clearSlots(example);
	result.hidden = true;
	alert.textContent = '';
	delete root.dataset.loaded;
	delete root.dataset.problem;
	input.value = '';
	status.textContent = `Your run is forgotten: this browser no longer keeps it, and the figures show ours only.`;
	input.focus();
}
