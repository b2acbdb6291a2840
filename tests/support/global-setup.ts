/**
 * Playwright's global setup: what every worker would otherwise make for itself, started once for all of them; the
 * function it returns is the teardown.
 */
import fs from 'node:fs';
import { makeLearnerReports } from './learner-reports.ts';

export default function globalSetup(): () => Promise<void> {
	const { dir, done, stop } = makeLearnerReports();
	return async () => {
		stop(); // reports no test asked for
		await done;
		fs.rmSync(dir, { recursive: true, force: true });
	};
}
