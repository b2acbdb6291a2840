/**
 * Playwright's global setup: what every worker would otherwise make for itself, made once before the tests; the
 * function it returns is the teardown.
 */
import fs from 'node:fs';
import { makeLearnerReports } from './learner-reports.ts';

export default async function globalSetup(): Promise<() => void> {
	const dir = await makeLearnerReports();
	return () => fs.rmSync(dir, { recursive: true, force: true });
}
