import { cellAt, cellValue } from '@xxgk/schema';
import type { LintMessage, Report } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import type { Analyzer } from '../analyze.js';

/** An error with a parser-like code, as @xxgk/parse throws. */
export class FakeParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly code: 'EMPTY_INPUT' | 'UNSUPPORTED_FORMAT',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Findings of the template identities (table-sum, application-balance) and, with last year's report,
 * carryover-mismatch: a stand-in for @xxgk/lint in tests, with the same rule ids.
 */
export function identityLint(report: Report, options: { previousReport?: Report } = {}): LintMessage[] {
  const messages: LintMessage[] = [];
  for (const identity of getTemplate(report.template).identities) {
    const sum = (paths: readonly string[]) => paths.map((p) => cellValue(cellAt(report, p))).reduce<number>((s, v) => s + (v ?? 0), 0);
    const left = sum(identity.lhs);
    const right = sum(identity.rhs);
    const ok = identity.relation === 'equal' ? left === right : left >= right;
    if (!ok) {
      messages.push({
        ruleId: identity.rule,
        severity: 2,
        message: `${identity.description}: ${left} ≠ ${right}`,
        messageId: 'totalMismatch',
        line: 1,
        column: 1,
        path: identity.target,
      });
    }
  }
  const prev = options.previousReport;
  if (prev?.applications && report.applications) {
    const last = cellValue(prev.applications.carriedForward.total);
    const now = cellValue(report.applications.carriedOver.total);
    if (last !== null && now !== null && last !== now) {
      messages.push({
        ruleId: 'carryover-mismatch',
        severity: 1,
        message: `上年结转 ${now} ≠ 上年报告的结转下年度 ${last}`,
        messageId: 'carryoverMismatch',
        line: 1,
        column: 1,
        path: 'applications.carriedOver.total',
      });
    }
  }
  return messages;
}

/** Parses a Report serialised as JSON (bytes or text) and lints with identityLint: for tests and loaders. */
export const jsonAnalyzer: Analyzer = {
  parse(input) {
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    if (text.trim() === '') return Promise.reject(new FakeParseError('EMPTY_INPUT', 'the document is empty'));
    try {
      return Promise.resolve({ report: JSON.parse(text) as Report, text });
    } catch {
      return Promise.reject(new FakeParseError('UNSUPPORTED_FORMAT', 'not a report document'));
    }
  },
  lint(report, options) {
    return identityLint(report, options.previousReport ? { previousReport: options.previousReport } : {});
  },
};
