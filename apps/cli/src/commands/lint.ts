import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { LintMessage, LintResult, Report } from '@xxgk/schema';
import {
  LintError,
  applyFixes,
  getFormatter,
  lintReport,
  lintResult,
  loadConfig,
  parseConfig,
  resolveConfig,
  severityName,
} from '@xxgk/lint';
import type { Config, ResolvedRule } from '@xxgk/lint';
import { ParseError, parse } from '@xxgk/parse';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';

export type { Io } from '../io.js';

/** Extensions read when a folder is given (recursively). */
export const LINT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'] as const;
const FORMATS = ['stylish', 'json', 'sarif'] as const;
const VALUED = new Set(['format', 'config', 'max-warnings', 'rule', 'f', 'c']);
const FLAGS = new Set(['fix', 'quiet', 'help', 'h', 'q']);
const MAX_FIX_PASSES = 10;

export const usage = `Usage: xxgk lint [options] PATHS…

Lint report drafts: files, folders (recursively: ${LINT_EXTENSIONS.join(' ')}), globs, or - for stdin.

Options:
  --format stylish|json|sarif   output format (default stylish)
  --config FILE                 configuration file (default: xxgk.config.json or xxgk.config.js in the working directory)
  --rule id:severity            set a rule's severity (off, warn, error, 0, 1, 2); repeatable
  --fix                         apply safe fixes to text, Markdown and HTML files
  --quiet                       report errors only
  --max-warnings N              exit 1 when there are more than N warnings

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage or unreadable input.
When several files are reports of the same agency in consecutive years, the cross-year rules
(carryover-mismatch, item-continuity, copied-text) compare each report with the one of the year before.`;

interface Options {
  format: (typeof FORMATS)[number];
  config?: string;
  rules: [string, string][];
  fix: boolean;
  quiet: boolean;
  maxWarnings: number | null;
  paths: string[];
}

class UsageError extends Error {}

function parseOptions(args: readonly string[]): Options | 'help' {
  const options: Options = { format: 'stylish', rules: [], fix: false, quiet: false, maxWarnings: null, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      options.paths.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      options.paths.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const key = long ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1);
    let value: string | undefined = long && eq !== -1 ? arg.slice(eq + 1) : undefined;
    if (FLAGS.has(key)) {
      if (value !== undefined) throw new UsageError(`--${key} takes no value`);
      if (key === 'help' || key === 'h') return 'help';
      if (key === 'fix') options.fix = true;
      else options.quiet = true;
      continue;
    }
    if (!VALUED.has(key)) throw new UsageError(`unknown option ${arg}`);
    if (value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
    }
    switch (key) {
      case 'format':
      case 'f':
        if (!(FORMATS as readonly string[]).includes(value)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${value}")`);
        }
        options.format = value as Options['format'];
        break;
      case 'config':
      case 'c':
        options.config = value;
        break;
      case 'max-warnings': {
        if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a non-negative integer (got "${value}")`);
        options.maxWarnings = Number(value);
        break;
      }
      case 'rule': {
        const m = /^([a-z][a-z0-9-]*)\s*[:=]\s*(off|warn|error|0|1|2)$/.exec(value.trim());
        if (!m) throw new UsageError(`--rule needs id:severity, e.g. table-sum:warn (got "${value}")`);
        options.rules.push([m[1]!, m[2]!]);
        break;
      }
    }
  }
  return options;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && (LINT_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) out.push(path);
  }
}

/** Files, folders and globs → absolute file paths (in order, without duplicates); '-' stays '-'. */
async function expand(paths: readonly string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    const abs = resolve(cwd, p);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      await walk(abs, files);
    } else if (info?.isFile()) {
      files.push(abs);
    } else if (isDynamicPattern(p)) {
      const found = await glob(p, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
      if (found.length === 0) missing.push(p);
      files.push(...found.sort());
    } else {
      missing.push(p);
    }
  }
  return { files: [...new Set(files)], missing };
}

interface Parsed {
  readonly file: string;
  readonly displayPath: string;
  readonly bytes: Uint8Array;
  report: Report;
  text: string;
}

const agencyKey = (report: Report): string => report.agency.name.replace(/[\s\u3000]+/g, '');

/** For each report, the report of the same agency for the year before, when one was given. */
export function previousReports(reports: readonly Report[]): Map<Report, Report> {
  const byKey = new Map<string, Report>();
  for (const r of reports) {
    if (r.year === null || agencyKey(r) === '') continue;
    byKey.set(`${agencyKey(r)}\u0000${r.year}`, r);
  }
  const result = new Map<Report, Report>();
  for (const r of reports) {
    if (r.year === null) continue;
    const previous = byKey.get(`${agencyKey(r)}\u0000${r.year - 1}`);
    if (previous && previous !== r) result.set(r, previous);
  }
  return result;
}

function reason(error: unknown): string {
  if (error instanceof ParseError) return `${error.code}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** `xxgk lint`: lint drafts and print the findings; returns the exit code. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(args);
  } catch (error) {
    io.stderr(`xxgk lint: ${(error as Error).message}\n`);
    return ExitCode.Usage;
  }
  if (options === 'help') {
    io.stdout(`${usage}\n`);
    return ExitCode.Ok;
  }
  if (options.paths.length === 0) {
    io.stderr('xxgk lint: no files given (PATHS…, or - for stdin)\n');
    return ExitCode.Usage;
  }

  let resolved: Map<string, ResolvedRule>;
  try {
    const base: Config = await loadConfig(options.config !== undefined ? resolve(io.cwd, options.config) : io.cwd);
    const rules: Record<string, unknown> = { ...(base.rules ?? {}) };
    for (const [id, severity] of options.rules) {
      const previous = rules[id];
      const sev = severityName(/^\d$/.test(severity) ? (Number(severity) as 0 | 1 | 2) : (severity as 'off' | 'warn' | 'error'));
      rules[id] = Array.isArray(previous) && previous.length > 1 ? [sev, previous[1]] : sev;
    }
    resolved = resolveConfig(parseConfig({ ...base, rules }));
  } catch (error) {
    if (error instanceof LintError) {
      io.stderr(`xxgk lint: ${error.code}: ${error.message}\n`);
      return ExitCode.Usage;
    }
    throw error;
  }

  const { files, missing } = await expand(options.paths, io.cwd);
  let unreadable = missing.length > 0;
  for (const p of missing) io.stderr(`xxgk lint: cannot read ${p}: no such file or no match\n`);

  const parsed: Parsed[] = [];
  for (const file of files) {
    const displayPath = file === '-' ? '<stdin>' : file;
    try {
      const bytes = file === '-' ? await io.readStdin() : new Uint8Array(await readFile(file));
      const { report, text } = await parse(bytes, { name: file === '-' ? 'stdin.txt' : basename(file) });
      parsed.push({ file, displayPath, bytes, report, text });
    } catch (error) {
      unreadable = true;
      const shown = file === '-' ? '<stdin>' : isAbsolute(file) ? relative(io.cwd, file) || file : file;
      io.stderr(`xxgk lint: cannot read ${shown}: ${reason(error).split('\n')[0]}\n`);
    }
  }

  const previous = previousReports(parsed.map((p) => p.report));
  const results: LintResult[] = [];
  let warnings = 0;
  const textOf = new Map(parsed.map((p) => [p.report, p.text]));
  for (const item of parsed) {
    const previousReport = previous.get(item.report) ?? null;
    const previousText = previousReport ? (textOf.get(previousReport) ?? null) : null;
    let messages: LintMessage[] = lintReport(item.report, { text: item.text, resolved, previousReport, previousText, filePath: item.displayPath });
    let output: string | undefined;
    const fixable = item.file !== '-' && ['text', 'markdown', 'html'].includes(item.report.source.format) && /^(utf-?8|ascii)$/i.test(item.report.source.encoding);
    if (options.fix && fixable && messages.some((m) => m.fix)) {
      const original = item.text;
      let text = item.text;
      for (let pass = 0; pass < MAX_FIX_PASSES && messages.some((m) => m.fix); pass++) {
        const fixed = applyFixes(text, messages);
        if (!fixed.fixed) break;
        text = fixed.output;
        try {
          const again = await parse(text, { name: basename(item.file) });
          item.report = again.report;
          item.text = again.text;
          messages = lintReport(again.report, { text: again.text, resolved, previousReport, previousText, filePath: item.displayPath });
        } catch (error) {
          io.stderr(`xxgk lint: cannot re-read ${item.displayPath} after fixing: ${reason(error)}\n`);
          break;
        }
      }
      if (text !== original) {
        output = text;
        await writeFile(item.file, text, 'utf8');
      }
    }
    warnings += messages.filter((m) => m.severity === 1).length;
    const shown = options.quiet ? messages.filter((m) => m.severity === 2) : messages;
    results.push(lintResult(item.displayPath, shown, output));
  }

  const out = getFormatter(options.format)(results);
  if (out.length > 0) io.stdout(out.endsWith('\n') ? out : `${out}\n`);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  if (unreadable) return ExitCode.Usage;
  if (errors > 0) return ExitCode.Errors;
  if (options.maxWarnings !== null && warnings > options.maxWarnings) {
    io.stderr(`xxgk lint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than the maximum of ${options.maxWarnings} (--max-warnings)\n`);
    return ExitCode.Errors;
  }
  return ExitCode.Ok;
}
