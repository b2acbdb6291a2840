/**
 * The "Run here" controls' behaviour, loaded on the first press of one of them (src/components/ways-in/
 * RunInPageScript.astro): starts the worker on a run, streams its output, edits, stops. One worker serves every
 * control on the page.
 */
import type { LiveRun } from '../your-run/live.ts';
type Message = {
	id: number;
	type: string;
	chunks?: [string, string][];
	code?: number;
	error?: string;
	seconds?: number;
	cpuCountsWaiting?: boolean;
	reason?: string;
	loaded?: number;
	phase?: string;
	tasks?: LiveRun['tasks'];
	environment?: LiveRun['environment'];
	report?: string;
};

let worker: Worker | undefined;
let loaded: boolean | undefined;
let lastId = 0;
const listeners = new Map<number, (message: Message) => void>();
const payloads = new Map<string, Promise<Record<string, string>>>();

/** Stop: terminating the worker is the only way to stop Python mid-run; every run on the page ends with it. */
const stopAll = (type = 'stopped', reason = '') => {
	worker?.terminate();
	worker = loaded = undefined;
	for (const [id, listener] of listeners) listener({ id, type, reason });
};

/** Gives every "Run here" control on the page its behaviour (RunInPageScript loads this on a first press). */
export function start(): void {
	for (const root of document.querySelectorAll<HTMLElement>('[data-run-in-page]')) {
		const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
		const run = q<HTMLButtonElement>('.rip-run');
		const stop = q<HTMLButtonElement>('.rip-stop');
		const edit = q<HTMLButtonElement>('.rip-edit');
		const editor = q('.rip-editor');
		const code = q<HTMLTextAreaElement>('textarea');
		const argsBox = q<HTMLInputElement>('input');
		const cmd = q('.rip-cmd');
		const status = q('[role=status]');
		const log = q('[role=log]');
		const cpu = root.querySelector<HTMLElement>('.rip-cpu');
		const {
			file,
			files: filesUrl,
			worker: workerUrl,
			size,
			bytes,
			variant,
			label,
			runInPage: slug,
		} = root.dataset as {
			file: string;
			files: string;
			worker: string;
			size: string;
			bytes: string;
			variant: string;
			label: string;
			runInPage: string;
		};
		const liveBox = q('.rip-live');
		const compare = q<HTMLButtonElement>('.rip-compare');
		let liveRun: LiveRun;
		let report = '';
		// The live timeline is drawn by the lessons' chart code, which YourRunScript loads at a run's first task.
		const draw = () =>
			document.dispatchEvent(new CustomEvent('your-run:live', { detail: { box: liveBox, run: liveRun } }));
		compare.onclick = () => {
			document.dispatchEvent(
				new CustomEvent('your-run:report', {
					detail: { example: slug, text: report, source: `your run of ${file} in this page` },
				}),
			);
			document.querySelector<HTMLElement>(`[data-your-run="${slug}"]`)?.scrollIntoView({ block: 'center' });
		};
		let original = '';
		let active = 0;
		const say = (text: string) => (status.textContent = text);
		const files = () => {
			if (!payloads.has(filesUrl))
				payloads.set(
					filesUrl,
					fetch(filesUrl).then((r) => {
						if (!r.ok) throw Error(`HTTP ${r.status}`);
						return r.json();
					}),
				);
			return payloads.get(filesUrl)!;
		};
		// Output is added at most 20 times a second and only its last 20 000 characters are kept (a run prints far less),
		// so a print loop can neither freeze the page before Stop is pressed nor fill the memory.
		let queue: [string, string][] = [];
		const flush = () => {
			for (const [stream, text] of queue.splice(0)) {
				const chunk = document.createElement('span');
				chunk.className = stream;
				chunk.textContent = text.slice(-2e4);
				log.append(chunk);
			}
			for (let extra = log.textContent!.length - 2e4; extra > 0;) {
				const first = log.firstElementChild!;
				const length = first.textContent!.length;
				if (length > extra) first.textContent = first.textContent!.slice(extra);
				else first.remove();
				extra -= length;
			}
			log.scrollTop = log.scrollHeight;
		};
		const finish = (text: string) => {
			flush();
			listeners.delete(active);
			active = 0;
			say(text);
			if (document.activeElement === stop) run.focus();
			stop.disabled = true;
		};
		root.hidden = false;

		edit.onclick = async () => {
			const open = editor.hidden;
			editor.hidden = !open;
			edit.setAttribute('aria-expanded', `${open}`);
			if (open && !original) {
				try {
					code.value = original = (await files())[file]!;
				} catch (error) {
					say(`Failed: could not load the code (${(error as Error).message}).`);
				}
			}
		};
		q('.rip-reset').onclick = () => {
			code.value = original;
			argsBox.value = argsBox.defaultValue;
		};
		stop.onclick = () => stopAll();
		run.onclick = async () => {
			if (active) return;
			const id = (active = ++lastId);
			const args = argsBox.value.split(/\s+/).filter(Boolean);
			const edited = original && code.value !== original;
			// compare.py runs the shared harness, which imports the plain variant (edited or not) and times it.
			cmd.textContent = ['python3', 'compare.py', variant, ...args].join(' ');
			log.textContent = '';
			queue = [];
			log.hidden = false;
			if (cpu) cpu.hidden = true;
			liveBox.hidden = compare.hidden = true;
			liveRun = { example: slug, variant, label, script: file, environment: null, tasks: [], elapsed: 0, done: false };
			report = '';
			const started = performance.now();
			stop.disabled = false;
			say(loaded ? 'Waiting for Python…' : `Loading Python (${size} the first time)…`);
			listeners.set(id, (m) => {
				if (m.type === 'progress') {
					// "Loading Python" stays first: the run's state reads the same while its detail moves on.
					const detail =
						m.phase === 'starting'
							? 'downloaded, starting Python'
							: `${(m.loaded! / 1e6).toFixed(1)} of ${(+bytes / 1e6).toFixed(1)} MB downloaded`;
					say(`Loading Python: ${detail}…`);
				} else if (m.type === 'tasks') {
					liveRun.tasks.push(...m.tasks!);
					liveRun.elapsed = (performance.now() - started) / 1000;
					draw();
				} else if (m.type === 'environment') liveRun.environment = m.environment!;
				else if (m.type === 'report') report = m.report!;
				else if (m.type === 'ready') {
					loaded = true;
					say(`Running ${edited ? 'your edited ' : ''}${file}…`);
				} else if (m.type === 'output') {
					if (!queue.length) setTimeout(flush, 50);
					queue.push(...m.chunks!);
				} else if (m.type === 'done') {
					if (cpu) cpu.hidden = !m.cpuCountsWaiting;
					const time = `${m.seconds!.toFixed(2)} s`;
					liveRun.done = true;
					liveRun.elapsed = m.seconds!;
					if (liveRun.tasks.length) draw();
					compare.hidden = !report || !document.querySelector(`[data-your-run="${slug}"]`);
					// Start to exit: more than a report's wall time, which times the work alone (issue 23).
					finish(
						m.code
							? `Failed with exit code ${m.code} after ${time}${m.error ? `: ${m.error}` : ' (see the output)'}.`
							: `Finished in ${time} (start to exit: loading the script and its modules plus the run).`,
					);
				} else if (m.type === 'stopped') finish('Stopped. The next run reloads Python.');
				else finish(`Failed: ${m.reason}`);
			});
			let sources: Record<string, string>;
			try {
				sources = { ...(await files()) };
			} catch (error) {
				return finish(`Failed: could not load the example's files (${(error as Error).message}).`);
			}
			if (active !== id) return; // stopped meanwhile
			if (edited) sources[file] = code.value;
			if (!worker) {
				worker = new Worker(workerUrl, { type: 'module' });
				// Loading progress (id 0) is for every run waiting on Python.
				worker.onmessage = ({ data }) =>
					data.id ? listeners.get(data.id)?.(data) : listeners.forEach((listener) => listener(data));
				worker.onerror = (event) => {
					event.preventDefault();
					stopAll('failed', `Python could not start (${event.message || 'the worker did not load'}).`);
				};
			}
			worker.postMessage({ id, files: sources, file: 'compare.py', args: [variant, ...args] });
		};
	}
}
