import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { lintReport, recommended } from '@xxgk/lint';
import type { Config } from '@xxgk/lint';
import { parse } from '@xxgk/parse';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import type { Report } from '@xxgk/schema';
import plugin, { agencyKey } from '../src/index.js';

/** The fields both linters produce, in a stable order for comparison. */
export interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

export function normalise(m: Finding, prefix: string): Finding {
  const out: Finding = { ruleId: m.ruleId === null ? null : `${prefix}${m.ruleId}`, severity: m.severity, message: m.message, line: m.line, column: m.column };
  if (m.messageId !== undefined) out.messageId = m.messageId;
  if (m.endLine !== undefined) out.endLine = m.endLine;
  if (m.endColumn !== undefined) out.endColumn = m.endColumn;
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.suggestions && m.suggestions.length > 0) out.suggestions = m.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text } }));
  return out;
}

export function sorted(list: Finding[]): Finding[] {
  return list.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId ?? '').localeCompare(b.ruleId ?? '') ||
      a.message.localeCompare(b.message),
  );
}

/**
 * `xxgk lint` for one file: @xxgk/parse then @xxgk/lint with the preset's severities set explicitly
 * (so a finding's own severity does not override them: ESLint has one severity per rule).
 */
export async function xxgkFindings(
  bytes: Uint8Array | string,
  name: string,
  preset: Readonly<Record<string, string>> = recommended,
  previousReport: Report | null = null,
  previousText: string | null = null,
): Promise<Finding[]> {
  const { report, text } = await parse(bytes, { name });
  const config: Config = { rules: { ...(preset as Record<string, 'off' | 'warn' | 'error'>) } };
  return sorted(lintReport(report, { text, config, previousReport, previousText }).map((m) => normalise(m, 'xxgk/')));
}

/**
 * `xxgk lint` over a folder of files: each report is linted with the report of the same agency for
 * the year before when one is among the files (the CLI's pairing), as the plugin's `'sibling'` does.
 */
export async function xxgkFolderFindings(
  files: readonly { name: string; bytes: Uint8Array | string }[],
  preset: Readonly<Record<string, string>> = recommended,
): Promise<Map<string, Finding[]>> {
  const reports = new Map<string, Report>();
  const texts = new Map<Report, string>();
  for (const file of files) {
    const parsed = await parse(file.bytes, { name: file.name });
    reports.set(file.name, parsed.report);
    texts.set(parsed.report, parsed.text);
  }
  const out = new Map<string, Finding[]>();
  for (const file of files) {
    const report = reports.get(file.name)!;
    const previous =
      report.year === null
        ? null
        : ([...reports].sort(([a], [b]) => a.localeCompare(b)).find(([n, r]) => n !== file.name && r.year === report.year! - 1 && agencyKey(r) === agencyKey(report))?.[1] ?? null);
    out.set(file.name, await xxgkFindings(file.bytes, file.name, preset, previous, previous ? (texts.get(previous) ?? null) : null));
  }
  return out;
}

export interface EslintRun {
  /** Findings by file name. */
  readonly findings: Map<string, Finding[]>;
  readonly results: ESLint.LintResult[];
}

/** Writes the files to a temporary folder and lints them with ESLint and the given flat config. */
export async function eslintFindings(
  files: readonly { name: string; bytes: Uint8Array | string }[],
  config: Linter.Config[] = [plugin.configs.recommended],
  options: { fix?: boolean } = {},
): Promise<EslintRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'xxgk-eslint-'));
  try {
    for (const file of files) writeFileSync(join(cwd, file.name), file.bytes);
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, fix: options.fix ?? false });
    const results = await eslint.lintFiles(files.map((f) => f.name));
    const findings = new Map<string, Finding[]>();
    for (const result of results) findings.set(relative(cwd, result.filePath), sorted(result.messages.map((m) => normalise(m as Finding, ''))));
    return { findings, results };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
