/**
 * How the runner's results read in the terminal: a heading per script, its numbers, and the summary table (which
 * the course's tests read back: tests/payload/webcontainer.ts, parseSummary). Colour only on a terminal, never with
 * NO_COLOR.
 *
 * `cpuCountsWaiting` is the harness's finding that time.process_time() counts waiting as CPU time under Pyodide:
 * then every CPU figure gets a dagger (†) and the summary says why.
 */
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = (text) => paint('1', text);
export const warn = (text) => paint('1;33', text);
export const dim = (text) => paint('2', text);
export const bad = (text) => paint('1;31', text);

/** The line that introduces a script, and its label when what it shows here differs from a native run. */
export function heading(script, support) {
	console.log(bold(`▶ ${script.file}`) + `  ${script.label} ${dim(`(variant: ${script.variant})`)}`);
	if (support.status === 'labelled') console.log(`  ${warn(`!!! ${support.label}`)}`);
}

function seconds(value) {
	return typeof value === 'number' ? `${value.toFixed(3)} s` : '-';
}

/** One script's outcome: why it failed or was skipped, or its times, tasks, metrics, rows and runs. */
export function details(result, cpuCountsWaiting) {
	const { report, pyodide: support } = result;
	if (result.outcome === 'failed') {
		const note = support.status === 'skipped' ? dim('  (expected: example.json says it cannot run here)') : '';
		console.log(`  ${support.status === 'skipped' ? warn('FAILED') : bad('FAILED')} ${result.error}${note}\n`);
		return;
	}
	if (result.outcome === 'reported-skip') {
		console.log(`  ${warn('SKIPPED by the script')}: ${report.skip_reason}\n`);
		return;
	}
	if (result.outcome === 'partial') {
		console.log(
			`  ${warn('RAN IN PART')}: the variants that need threads or processes were left out (no time for them).`,
		);
	} else if (support.status === 'skipped') {
		console.log(`  ${bad('UNEXPECTED')}: it ran, but example.json says it cannot run under Pyodide.`);
	}
	const tag = support.status === 'labelled' ? warn('  [labelled: see above]') : '';
	console.log(`  ${'wall time'.padEnd(12)} ${seconds(report.elapsed_s)}${tag}`);
	// Issue 23: timing.py reports no number where the CPU clock cannot measure (cpu_unmeasured_reason): say why.
	const cpu =
		report.cpu_s === null && report.cpu_unmeasured_reason ? report.cpu_unmeasured_reason : seconds(report.cpu_s);
	console.log(`  ${'CPU time'.padEnd(12)} ${cpu}${cpuCountsWaiting && report.cpu_s !== null ? dim('  (†)') : ''}`);
	if (report.tasks.length > 0) {
		const workers = new Set(report.tasks.map((task) => task.worker)).size;
		console.log(`  tasks        ${report.tasks.length} on ${workers} worker${workers === 1 ? '' : 's'}`);
	}
	const metrics = Object.entries(report.metrics ?? {});
	const width = Math.max(12, ...metrics.map(([name]) => name.length));
	for (const [name, value] of metrics) {
		// Metrics computed from the CPU clock inherit its problem under Pyodide.
		const dagger = cpuCountsWaiting && /cpu|idle/i.test(name) ? dim('  (†)') : '';
		console.log(`  ${name.padEnd(width)} ${value}${dagger}`);
	}
	if (report.rows?.length) table(report.rows, '  ');
	for (const run of report.runs ?? [])
		console.log(
			`  ${run.variant.padEnd(16)} ${run.status === 'ok' ? seconds(run.elapsed_s) : `skipped: ${run.skip_reason}`}`,
		);
	console.log('');
}

function table(rows, indent) {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (value) =>
		typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value ?? '-');
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
	console.log(indent + columns.map((column, i) => column.padEnd(widths[i])).join('  '));
	for (const row of rows)
		console.log(indent + columns.map((column, i) => cell(row[column]).padEnd(widths[i])).join('  '));
}

/** The summary table: one line per script (status, wall and CPU time), then the notes its marks refer to. */
export function summary(results, { python, pyodideVersion, cpuCountsWaiting }) {
	const notes = [];
	const rows = results.map((result) => {
		const support = result.pyodide;
		let status;
		let mark = '';
		if (support.status === 'labelled' || support.status === 'skipped') {
			const note = support.status === 'labelled' ? support.label : support.reason;
			if (!notes.includes(note)) notes.push(note);
			mark = ` [${notes.indexOf(note) + 1}]`;
		}
		if (result.outcome === 'not-run') status = `SKIPPED${mark}`;
		else if (result.outcome === 'ok')
			status =
				support.status === 'labelled'
					? `ran, LABELLED${mark}`
					: support.status === 'skipped'
						? `RAN (UNEXPECTED)${mark}`
						: 'ran';
		else if (result.outcome === 'reported-skip') status = `skipped by script${mark}`;
		else if (result.outcome === 'partial') status = `ran in part${mark}`;
		else status = support.status === 'skipped' ? `failed, as expected${mark}` : 'FAILED';
		const report = result.outcome === 'ok' ? result.report : null;
		return {
			script: result.file,
			variant: result.variant,
			'under Pyodide': status,
			wall: seconds(report?.elapsed_s),
			[cpuCountsWaiting ? 'CPU (†)' : 'CPU']: seconds(report?.cpu_s),
		};
	});
	console.log(bold(`Summary (Python ${python}, Pyodide ${pyodideVersion})`));
	table(rows, '  ');
	notes.forEach((note, i) => console.log(`  [${i + 1}] ${note}`));
	if (cpuCountsWaiting) {
		console.log(
			`  (†) Under Pyodide, time.process_time() counts waiting as CPU time (this run measured it), ` +
				`so the scripts report\n` +
				`      CPU time as not measurable here: run them natively to see CPU time and idle shares.`,
		);
	}
	console.log(dim('  Times under Pyodide are not comparable with native Python.\n'));
}
