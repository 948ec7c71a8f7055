import type { LintResult } from '@xxgk/schema';
import { LintError } from '../errors.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type FormatterName = 'stylish' | 'json' | 'sarif';
export type Formatter = (results: readonly LintResult[]) => string;

export const formatters: Readonly<Record<FormatterName, Formatter>> = {
  stylish,
  json,
  sarif: (results) => sarif(results),
};

/** The formatter of a name (throws LintError UNKNOWN_FORMAT). */
export function getFormatter(name: string): Formatter {
  if (name in formatters) return formatters[name as FormatterName];
  throw new LintError('UNKNOWN_FORMAT', `unknown format "${name}" (stylish, json, sarif)`);
}

export { json, sarif, stylish };
