/**
 * The timeline of a "Run here" run, drawn while it runs: the tasks the worker reported so far, as a one-run
 * measurement, drawn by the lessons' own timeline chart (one source). Loaded on demand, at a run's first task.
 */
import { timelineChart } from '../charts/timeline-chart.ts';
import type { Environment, Measurement } from '../measurements/schema.ts';
import type { ReportEnvironment, ReportTask } from './report-schema.ts';

export interface LiveRun {
	example: string;
	variant: string;
	label: string;
	script: string;
	/** timing.environment() of the run, when the example reported it. */
	environment: ReportEnvironment | null;
	tasks: ReportTask[];
	/** Seconds since the run started (the right end of the axis). */
	elapsed: number;
	done: boolean;
}

const UNKNOWN: Environment = {
	python_version: '0.0.0',
	implementation: 'Python',
	gil_enabled: true,
	free_threaded_build: false,
	os: 'this browser',
	platform: '',
	machine: '',
	cpu_count: null,
};

/** The run so far as a measurement the chart functions take. */
export function liveMeasurement(run: LiveRun, today = new Date()): Measurement {
	const { start_method: _unused, ...environment } = run.environment ?? { ...UNKNOWN, start_method: null };
	const tasks = [...run.tasks].sort((a, b) => a.start_s - b.start_s || a.id - b.id);
	const elapsed = Math.max(run.elapsed, ...tasks.map((t) => t.end_s), 1e-6);
	const stats = { median: elapsed, min: elapsed, max: elapsed, runs: [elapsed] };
	return {
		format_version: 1,
		example: run.example,
		title: run.example,
		baseline: null,
		date: today.toISOString().slice(0, 10),
		command: `python3 ${run.script}`,
		repeats: 1,
		environment,
		variants: [
			{
				variant: run.variant,
				script: run.script,
				label: run.label,
				role: 'variant',
				args: [],
				parameters: {},
				status: 'ok',
				skip_reason: null,
				start_method: null,
				elapsed_s: stats,
				cpu_s: null,
				speedup: null,
				metrics: {},
				task_count: tasks.length,
				timeline: { run: 0, elapsed_s: elapsed, tasks },
				rows: null,
				runs: null,
			},
		],
	};
}

/** Draws (or redraws) the live timeline into `box`. */
export function drawLive(box: HTMLElement, run: LiveRun): void {
	if (run.tasks.length === 0) return;
	const figure = timelineChart(liveMeasurement(run), run.variant, {
		caption: run.done
			? `Your run of ${run.script} in this page: one row per worker, one bar per task`
			: `${run.script} running in this page: each task appears as it finishes`,
	});
	box.innerHTML = `<figure>${figure.svg}<figcaption></figcaption></figure>`;
	box.querySelector('figcaption')!.textContent = figure.caption;
	box.hidden = false;
}
