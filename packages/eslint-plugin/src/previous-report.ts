import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Report } from '@xxgk/schema';
import { parseSync } from './parse-sync.js';

/** Extensions of the drafts looked at as last year's report (the text formats ESLint can read). */
const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);
/** Larger files are not read as candidates. */
const MAX_BYTES = 20 * 1024 * 1024;

/** The key `xxgk lint` pairs reports by: the agency's name without spaces. */
export function agencyKey(report: Report): string {
  return report.agency.name.replace(/[\s\u3000]+/g, '');
}

/** A report read from a sibling file, with the decoded text its spans point into. */
export interface PreviousReport {
  readonly report: Report;
  readonly text: string;
}

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly previous: PreviousReport | null;
}

/** Sibling files read so far, by path; re-read when their size or modification time changes. */
const cache = new Map<string, Cached>();

function readReport(path: string): PreviousReport | null {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return null;
  }
  if (!stat.isFile() || stat.size === 0 || stat.size > MAX_BYTES) return null;
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.previous;
  let previous: PreviousReport | null;
  try {
    const bytes = readFileSync(path);
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const parsed = parseSync(new TextDecoder().decode(bytes), { name: basename(path), bom });
    previous = { report: parsed.report, text: parsed.text };
  } catch {
    previous = null; // unreadable: not a candidate
  }
  cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, previous });
  return previous;
}

/**
 * Last year's report of the same agency among the drafts in the same folder as `path`, as
 * `xxgk lint` pairs the files it is given (same agency name, year − 1); null when there is none.
 * Files are read synchronously and cached by path, size and modification time.
 */
export function findPreviousReport(path: string, report: Report): Report | null {
  return findPrevious(path, report)?.report ?? null;
}

/** Like findPreviousReport, with the previous report's decoded text (for `copied-text`). */
export function findPrevious(path: string, report: Report): PreviousReport | null {
  if (report.year === null || agencyKey(report) === '') return null;
  const key = agencyKey(report);
  const folder = dirname(path);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const self = basename(path);
  for (const name of names.sort()) {
    if (name === self || !EXTENSIONS.has(extname(name).toLowerCase())) continue;
    const candidate = readReport(join(folder, name));
    if (candidate && candidate.report.year === report.year - 1 && agencyKey(candidate.report) === key) return candidate;
  }
  return null;
}
