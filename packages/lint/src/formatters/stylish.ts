import type { LintResult } from '@xxgk/schema';

/** Display width of a string (CJK and full-width characters count as 2 columns). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000) ? 2 : 1;
  }
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** ESLint's stylish output: per file, `line:col  severity  message  rule-id`, then a summary line. */
export function stylish(results: readonly LintResult[]): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount ?? 0;
    fixableWarnings += result.fixableWarningCount ?? 0;
    const rows = result.messages.map((m) => [
      `  ${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      m.message.replace(/\s*\n\s*/g, ' '),
      m.ruleId ?? '',
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
    out += `\n${result.filePath}\n`;
    for (const r of rows) {
      out += `${pad(r[0] ?? '', widths[0] ?? 0)}  ${pad(r[1] ?? '', widths[1] ?? 0)}  ${pad(r[2] ?? '', widths[2] ?? 0)}  ${r[3] ?? ''}`.trimEnd() + '\n';
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  out += `\n✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.\n`;
  }
  return out;
}
