import type { LintResult } from '@xxgk/schema';

/** ESLint's JSON formatter: the array of results. */
export function json(results: readonly LintResult[]): string {
  return JSON.stringify(results);
}
