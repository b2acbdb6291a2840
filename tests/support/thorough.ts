/**
 * What the sub-path build repeats of the root build's checks. The `thorough` project (the root build) runs every
 * check on every page; the sub-path build runs what its base can break, and where the same component repeats from
 * page to page, on the first page only: one use shows whether the component respects the base.
 */
import { test, type TestInfo } from '@playwright/test';

export const BASE_INDEPENDENT = 'does not depend on the base: checked on the root build';
export const SAME_COMPONENT =
	'the same component under this base is checked on the first page; the root build checks every page';

/** Skips a check that cannot depend on the base outside the thorough project. */
export function thoroughOnly(testInfo: TestInfo): void {
	test.skip(!testInfo.project.metadata.thorough, BASE_INDEPENDENT);
}

/** Skips the `index`-th repeat (0 = first) of a per-page check outside the thorough project. */
export function firstOnlyUnlessThorough(testInfo: TestInfo, index: number): void {
	test.skip(!testInfo.project.metadata.thorough && index > 0, SAME_COMPONENT);
}
