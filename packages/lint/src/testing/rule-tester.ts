import type { LintMessage, Report, SourceFormat } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import type { ResolvedRule } from '../config.js';
import { applyFixes, lintReport } from '../linter.js';
import type { Rule } from '../rule.js';
import { textOf } from './build-report.js';

interface BaseCase {
  /** Test title (defaults to the first line of the code or the report title). */
  readonly name?: string;
  /** Report text, parsed with @xxgk/parse. */
  readonly code?: string;
  /** Format of `code` (default text). */
  readonly format?: SourceFormat;
  /** File name given to the parser. */
  readonly filename?: string;
  /** A report model (e.g. from buildReport); its text is `text` or the built report's text. */
  readonly report?: Report;
  readonly text?: string;
  /** Last year's report (for cross-year rules); a model or text parsed like `code`. */
  readonly previousReport?: Report;
  readonly previousCode?: string;
  /** The previous report's text (default: `previousCode`, or the built previous report's text). */
  readonly previousText?: string;
  /** Rule options. */
  readonly options?: unknown;
  /** Run only this case. */
  readonly only?: boolean;
}

export type ValidCase = BaseCase;

export interface ExpectedError {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The full interpolated message, when asserted. */
  readonly message?: string;
  readonly severity?: 1 | 2;
  readonly path?: string;
}

export interface InvalidCase extends BaseCase {
  readonly errors: readonly ExpectedError[];
  /** The text after applying the fixes (omit when the rule has none). */
  readonly output?: string;
}

export interface RuleTests {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

type ParseFn = (input: string | Uint8Array, options: { name?: string; format?: SourceFormat }) => Promise<{ report: Report; text: string }>;

let parseModule: Promise<ParseFn> | undefined;

/** Loads @xxgk/parse lazily (it is a dev dependency; only `code` cases need it). */
async function loadParse(): Promise<ParseFn> {
  const specifier = '@xxgk/parse';
  parseModule ??= (import(specifier) as Promise<{ parse: ParseFn }>).then((m) => m.parse);
  return parseModule;
}

/** Resolves a case to the report, its text and the previous report. */
export async function resolveCase(
  c: BaseCase,
): Promise<{ report: Report; text: string; previousReport: Report | null; previousText: string | null }> {
  let report: Report;
  let text: string;
  if (c.report) {
    report = c.report;
    text = c.text ?? textOf(c.report);
  } else if (c.code !== undefined) {
    const parse = await loadParse();
    const parsed = await parse(c.code, { name: c.filename ?? 'draft.txt', format: c.format ?? 'text' });
    report = parsed.report;
    text = parsed.text;
  } else {
    throw new Error('a rule test case needs `code` or `report`');
  }
  let previousReport: Report | null = c.previousReport ?? null;
  let previousText: string | null = c.previousText ?? (previousReport ? textOf(previousReport) : null);
  if (!previousReport && c.previousCode !== undefined) {
    const parse = await loadParse();
    const parsed = await parse(c.previousCode, { name: 'previous.txt', format: 'text' });
    previousReport = parsed.report;
    previousText = c.previousText ?? parsed.text;
  }
  return { report, text, previousReport, previousText };
}

/** Runs one rule (at its default severity, with the case's options) on a case. */
export async function runRule(rule: Rule, c: BaseCase): Promise<{ messages: LintMessage[]; text: string }> {
  const { report, text, previousReport, previousText } = await resolveCase(c);
  const severity = rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity;
  const defaults = rule.meta.defaultOptions;
  let options: unknown = c.options ?? defaults ?? {};
  if (c.options !== undefined && typeof defaults === 'object' && defaults !== null && typeof c.options === 'object') {
    options = { ...(defaults), ...(c.options as object) };
  }
  if (rule.meta.options) options = rule.meta.options.parse(options);
  const resolved = new Map<string, ResolvedRule>([[rule.meta.id, { rule, severity, options }]]);
  return { messages: lintReport(report, { text, previousReport, previousText, resolved }), text };
}

function title(c: BaseCase, i: number): string {
  if (c.name) return c.name;
  const first = (c.code ?? c.report?.title ?? '').split('\n').find((l) => l.trim().length > 0) ?? '';
  return `#${i + 1} ${first.slice(0, 60)}`;
}

function assertNoCrash(id: string, messages: readonly LintMessage[]): void {
  const crash = messages.find((m) => m.ruleId === id && m.messageId === undefined);
  if (crash) throw new Error(crash.message);
}

/**
 * ESLint's RuleTester on vitest: `valid` cases must produce no finding, `invalid` cases exactly the
 * listed errors (messageId + line/column, in position order) and, with `output`, the fixed text.
 */
export class RuleTester {
  run(id: string, rule: Rule, tests: RuleTests): void {
    describe(id, () => {
      it('meta.id matches the tested id', () => {
        expect(rule.meta.id).toBe(id);
      });
      describe('valid', () => {
        tests.valid.forEach((c, i) => {
          (c.only ? it.only : it)(title(c, i), async () => {
            const { messages } = await runRule(rule, c);
            assertNoCrash(id, messages);
            expect(messages.map((m) => `${m.line}:${m.column} ${m.messageId ?? ''} ${m.message}`)).toEqual([]);
          });
        });
      });
      describe('invalid', () => {
        tests.invalid.forEach((c, i) => {
          (c.only ? it.only : it)(title(c, i), async () => {
            if (c.errors.length === 0) throw new Error('an invalid case needs at least one expected error');
            for (const e of c.errors) {
              if (!(e.messageId in rule.meta.messages)) throw new Error(`unknown messageId "${e.messageId}" in test`);
            }
            const { messages, text } = await runRule(rule, c);
            assertNoCrash(id, messages);
            const actual = messages.map((m) => {
              const e: Record<string, unknown> = { messageId: m.messageId, line: m.line, column: m.column };
              return e;
            });
            const expected = c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column }));
            expect(actual).toEqual(expected);
            c.errors.forEach((e, k) => {
              const m = messages[k]!;
              if (e.endLine !== undefined) expect(m.endLine).toBe(e.endLine);
              if (e.endColumn !== undefined) expect(m.endColumn).toBe(e.endColumn);
              if (e.message !== undefined) expect(m.message).toBe(e.message);
              if (e.severity !== undefined) expect(m.severity).toBe(e.severity);
              if (e.path !== undefined) expect(m.path).toBe(e.path);
            });
            if (c.output !== undefined) {
              expect(applyFixes(text, messages).output).toBe(c.output);
            } else {
              expect(messages.filter((m) => m.fix !== undefined).length, 'fixes produced: assert them with `output`').toBe(0);
            }
          });
        });
      });
    });
  }
}

/** The shared tester instance: `ruleTester.run(id, rule, { valid, invalid })`. */
export const ruleTester = new RuleTester();
