import type { LintFix, LintMessage, LintResult, Report, Section, Span } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import { resolveConfig } from './config.js';
import type { Config, ResolvedRule } from './config.js';
import { isDisabled, readDirectives } from './directives.js';
import type { ReportDescriptor, Rule, RuleContext, RuleVisitors, SourceText } from './rule.js';
import { rules as builtinRules } from './rules/index.js';
import { createSourceText } from './source-text.js';

export interface LintOptions {
  /** The decoded source text the report's spans point into (lines feed `line` visitors and directives). */
  readonly text: string;
  /** Configuration (preset + rules); `recommended` when absent. */
  readonly config?: Config;
  /** Last year's report of the same agency (cross-year rules run only with it). */
  readonly previousReport?: Report | null;
  /** The decoded text of the previous report (for rules comparing texts, `copied-text`). */
  readonly previousText?: string | null;
  readonly filePath?: string;
  /** The rule registry (default: the built-in rules). */
  readonly rules?: Readonly<Record<string, Rule>>;
  /** Already-resolved rules (skips config resolution; used by the rule tester and by callers linting many files). */
  readonly resolved?: ReadonlyMap<string, ResolvedRule>;
}

const SEVERITY = { warn: 1, error: 2 } as const;

/** Replaces {{name}} placeholders with data values; unknown names are left as written. */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}

/** True when the rule applies to the report (template, required previous report and text). */
export function ruleApplies(rule: Rule, report: Report, previousReport: Report | null, previousText: string | null = null): boolean {
  if (rule.meta.templates && !rule.meta.templates.includes(report.template)) return false;
  if (rule.meta.requires?.includes('previousReport') && !previousReport) return false;
  if (rule.meta.requires?.includes('previousText') && previousText === null) return false;
  return true;
}

interface Active {
  readonly id: string;
  readonly entry: ResolvedRule;
  visitors: RuleVisitors;
  crashed: boolean;
}

function fallbackSpan(report: Report, source: SourceText): Span {
  if (report.titleSpan) return report.titleSpan;
  const first = source.lines.find((l) => l.text.trim().length > 0);
  if (first) return source.span(first.start, first.start + first.text.length);
  return { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * Lints one Report: walks it once (report, sections depth-first, facts, source lines, report:exit)
 * and dispatches to every enabled rule that applies. Returns the findings sorted by position.
 */
export function lintReport(report: Report, options: LintOptions): LintMessage[] {
  const source = createSourceText(options.text);
  const previousReport = options.previousReport ?? null;
  const previousText = previousReport ? (options.previousText ?? null) : null;
  const resolved = options.resolved ?? resolveConfig(options.config ?? {}, options.rules ?? builtinRules);
  const directives = readDirectives(source.lines);
  const template = getTemplate(report.template);
  const messages: LintMessage[] = [];
  const fallback = fallbackSpan(report, source);

  const crash = (active: Active, error: unknown): void => {
    active.crashed = true;
    const reason = error instanceof Error ? error.message : String(error);
    messages.push({
      ruleId: active.id,
      severity: 2,
      message: `规则 ${active.id} 运行出错（rule crashed）: ${reason}`,
      line: fallback.line,
      column: fallback.column,
    });
  };

  const actives: Active[] = [];
  for (const [id, entry] of resolved) {
    if (!ruleApplies(entry.rule, report, previousReport, previousText)) continue;
    const active: Active = { id, entry, visitors: {}, crashed: false };
    const rule = entry.rule;
    const context: RuleContext<string, unknown> = {
      id,
      model: report,
      previousReport,
      previousText,
      options: entry.options,
      template,
      source,
      report(descriptor: ReportDescriptor<string>) {
        const template = rule.meta.messages[descriptor.messageId];
        if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`);
        const span = descriptor.span ?? fallback;
        if (isDisabled(directives, id, span.line)) return;
        const severityName = entry.fixed === true ? entry.severity : (descriptor.severity ?? entry.severity);
        const message: LintMessage = {
          ruleId: id,
          severity: SEVERITY[severityName],
          message: interpolate(template, descriptor.data),
          messageId: descriptor.messageId,
          line: span.line,
          column: span.column,
          endLine: span.endLine,
          endColumn: span.endColumn,
        };
        if (descriptor.path !== undefined) message.path = descriptor.path;
        if (descriptor.fix) message.fix = descriptor.fix;
        if (descriptor.suggest && descriptor.suggest.length > 0) message.suggestions = [...descriptor.suggest];
        messages.push(message);
      },
    };
    try {
      active.visitors = rule.create(context);
    } catch (error) {
      crash(active, error);
    }
    actives.push(active);
  }

  /** The visitors of one kind, as (active, fn) pairs, so a walk step costs only the rules that listen. */
  type Handler = readonly [Active, (arg: never) => void];
  const handlers = (key: keyof RuleVisitors): Handler[] =>
    actives.flatMap((a) => {
      const fn: ((arg: never) => void) | undefined = a.crashed ? undefined : a.visitors[key];
      return fn ? [[a, fn] as const] : [];
    });
  const run = <T>(list: readonly Handler[], arg: T): void => {
    for (const [active, fn] of list) {
      if (active.crashed) continue;
      try {
        (fn as (a: T) => void)(arg);
      } catch (error) {
        crash(active, error);
      }
    }
  };
  const dispatch = (key: keyof RuleVisitors, arg: unknown): void => run(handlers(key), arg);

  dispatch('report', report);
  const sectionHandlers = handlers('section');
  if (sectionHandlers.length > 0) {
    // Depth-first, pre-order, without recursion (a hostile document may nest very deep).
    const stack: Section[] = [...report.sections].reverse();
    for (let section = stack.pop(); section !== undefined; section = stack.pop()) {
      run(sectionHandlers, section);
      for (let i = section.children.length - 1; i >= 0; i--) stack.push(section.children[i]!);
    }
  }
  const factHandlers = handlers('fact');
  if (factHandlers.length > 0) for (const fact of report.facts) run(factHandlers, fact);
  const lineHandlers = handlers('line');
  if (lineHandlers.length > 0) for (const line of source.lines) run(lineHandlers, line);
  dispatch('report:exit', report);

  return messages.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** ESLint's LintResult for one file. */
export function lintResult(filePath: string, messages: readonly LintMessage[], output?: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  const result: LintResult = {
    filePath,
    messages: [...messages],
    errorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
  };
  if (output !== undefined) result.output = output;
  return result;
}

export interface FixResult {
  /** True when at least one fix was applied. */
  readonly fixed: boolean;
  readonly output: string;
  /** The messages whose fix was not applied (or that had none). */
  readonly messages: LintMessage[];
}

/**
 * Applies the messages' fixes in one pass (ESLint's SourceCodeFixer): fixes sorted by range; a fix
 * overlapping one already applied is skipped (it stays in `messages`, to be retried on a next pass).
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): FixResult {
  const withFix = messages.filter((m): m is LintMessage & { fix: LintFix } => m.fix !== undefined);
  const remaining = messages.filter((m) => m.fix === undefined);
  withFix.sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  let output = '';
  let cursor = 0;
  let lastEnd = -1;
  let fixed = false;
  for (const m of withFix) {
    const [start, end] = m.fix.range;
    if (start <= lastEnd || start > end || end > text.length) {
      remaining.push(m);
      continue;
    }
    output += text.slice(cursor, start) + m.fix.text;
    cursor = end;
    lastEnd = end;
    fixed = true;
  }
  output += text.slice(cursor);
  remaining.sort((a, b) => a.line - b.line || a.column - b.column);
  return { fixed, output, messages: remaining };
}
