/**
 * Hands files from another screen to the cohort view (Share's import recognised a committee
 * summary): kept in memory only until the cohort view takes them.
 */
import type { CohortFile } from './cohort';

/** Where the cohort view lives (with or without a journal on this device). */
export const COHORT_PATH = '/cohort';

let pending: CohortFile[] = [];

/** Leaves files for the cohort view to open when it next shows. */
export function handToCohortView(files: readonly CohortFile[]): void {
  pending = [...pending, ...files];
}

/** Takes the files left for the cohort view (once). */
export function takeHandedFiles(): CohortFile[] {
  const files = pending;
  pending = [];
  return files;
}
