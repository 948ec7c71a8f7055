import type { RuleDefinition, RuleTextEditor, RuleVisitor, ViolationReport } from '@eslint/core';
import { interpolate, lintReport, resolveConfig, rules as xxgkRules } from '@xxgk/lint';
import type { ReportDescriptor, ResolvedRule, Rule, RuleContext } from '@xxgk/lint';
import type { LintFix, LintMessage } from '@xxgk/schema';
import type { ReportAstNode } from './ast.js';
import { ReportSourceCode } from './source-code.js';

/** One xxgk finding with the placeholder data it was reported with (for ESLint's messageId + data). */
export interface Finding {
  readonly message: LintMessage;
  readonly data: Readonly<Record<string, string | number>> | undefined;
  /** False when ESLint's interpolation of the template would not give xxgk's text: reported as a plain message. */
  readonly useMessageId: boolean;
}

interface Captured {
  readonly ruleId: string;
  readonly descriptor: ReportDescriptor<string>;
  used: boolean;
}

/** Set while `lintReport` runs: the wrapped rules record every descriptor they report. */
let capturing: Captured[] | null = null;

/** The rule with a context whose `report` also records the descriptor (messages keep only the text). */
function capture(rule: Rule): Rule {
  return {
    meta: rule.meta,
    create(context: RuleContext<string, unknown>) {
      return rule.create({
        ...context,
        report(descriptor: ReportDescriptor<string>) {
          capturing?.push({ ruleId: context.id, descriptor, used: false });
          context.report(descriptor);
        },
      });
    },
  };
}

const capturingRules: Readonly<Record<string, Rule>> = Object.freeze(
  Object.fromEntries(Object.entries(xxgkRules).map(([id, rule]) => [id, capture(rule)])),
);

let everyRule: ReadonlyMap<string, ResolvedRule> | undefined;

/** Every xxgk rule enabled with its default options (severity is ESLint's business). */
function allRules(): ReadonlyMap<string, ResolvedRule> {
  everyRule ??= resolveConfig({ rules: Object.fromEntries(Object.keys(capturingRules).map((id) => [id, 'error'])) }, capturingRules);
  return everyRule;
}

/** ESLint's placeholder interpolation (lib/linter/interpolate.js), to check it gives xxgk's text. */
function eslintInterpolate(text: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return text;
  return text.replace(/\{\{([^{}]+)\}\}/gu, (whole, term: string) => {
    const key = term.trim();
    return key in data ? String(data[key]) : whole;
  });
}

/** Runs @xxgk/lint with the given rules and groups the findings by rule id. */
function run(sourceCode: ReportSourceCode, resolved: ReadonlyMap<string, ResolvedRule>): Map<string, Finding[]> {
  const report = sourceCode.report;
  const byRule = new Map<string, Finding[]>();
  if (!report) return byRule;
  const captured: Captured[] = [];
  const outer = capturing;
  capturing = captured;
  let messages: LintMessage[];
  try {
    messages = lintReport(report, {
      text: sourceCode.text,
      resolved,
      previousReport: sourceCode.previousReport,
      previousText: sourceCode.previousText,
    });
  } finally {
    capturing = outer;
  }
  for (const message of messages) {
    const ruleId = message.ruleId ?? '';
    let data: Readonly<Record<string, string | number>> | undefined;
    let useMessageId = false;
    const template = message.messageId === undefined ? undefined : resolved.get(ruleId)?.rule.meta.messages[message.messageId];
    if (template !== undefined) {
      const hit = captured.find(
        (c) =>
          !c.used &&
          c.ruleId === ruleId &&
          c.descriptor.messageId === message.messageId &&
          interpolate(template, c.descriptor.data) === message.message,
      );
      if (hit) {
        hit.used = true;
        data = hit.descriptor.data;
        useMessageId = eslintInterpolate(template, data) === message.message;
      }
    }
    const list = byRule.get(ruleId) ?? [];
    list.push({ message, data, useMessageId });
    byRule.set(ruleId, list);
  }
  return byRule;
}

/** The findings of every xxgk rule for one file, computed once and shared by the ESLint rules. */
const cache = new WeakMap<ReportSourceCode, Map<string, Finding[]>>();

/**
 * The findings of xxgk rule `id` for the file. The built-in rules with their default options share
 * one cached lint per file; a rule given options in the ESLint config, or a rule that is not one of
 * @xxgk/lint's (a custom `defineRule`), lints on its own.
 */
export function findingsFor(sourceCode: ReportSourceCode, id: string, options?: unknown, rule: Rule | undefined = xxgkRules[id]): readonly Finding[] {
  if (!rule) return [];
  if (options !== undefined || rule !== xxgkRules[id]) {
    const registry = { [id]: capture(rule) };
    const resolved = resolveConfig({ rules: { [id]: options === undefined ? 'error' : ['error', options] } }, registry).get(id);
    if (!resolved) return [];
    return run(sourceCode, new Map([[id, resolved]])).get(id) ?? [];
  }
  let all = cache.get(sourceCode);
  if (!all) {
    all = run(sourceCode, allRules());
    cache.set(sourceCode, all);
  }
  return all.get(id) ?? [];
}

const replace =
  (fix: LintFix) =>
  (fixer: RuleTextEditor) =>
    fixer.replaceTextRange(fix.range, fix.text);

/** The ESLint report for one xxgk finding: same text, positions, messageId, fix and suggestions. */
function violation(finding: Finding, rule: Rule): ViolationReport<ReportAstNode> {
  const m = finding.message;
  const start = { line: m.line, column: m.column };
  // A finding without an end (a crashed rule) is reported at a position, so ESLint gives no end either.
  const loc = m.endLine !== undefined && m.endColumn !== undefined ? { start, end: { line: m.endLine, column: m.endColumn } } : start;
  const text =
    finding.useMessageId && m.messageId !== undefined
      ? { messageId: m.messageId, ...(finding.data ? { data: { ...finding.data } } : {}) }
      : { message: m.message };
  return {
    ...text,
    loc,
    ...(m.fix && rule.meta.fixable === true ? { fix: replace(m.fix) } : {}),
    ...(m.suggestions && rule.meta.hasSuggestions === true
      ? { suggest: m.suggestions.map((s) => ({ desc: s.desc, fix: replace(s.fix) })) }
      : {}),
  };
}

export type XxgkRuleDefinition = RuleDefinition<{
  LangOptions: Record<string, unknown>;
  Code: ReportSourceCode;
  RuleOptions: unknown[];
  Visitor: RuleVisitor;
  Node: ReportAstNode;
  MessageIds: string;
  ExtRuleDocs: Record<string, unknown>;
}>;

/** The ESLint rule that runs xxgk rule `id` (a built-in one, or your own from `defineRule`) and reports its findings. */
export function toEslintRule(id: string, rule: Rule): XxgkRuleDefinition {
  return {
    meta: {
      type: rule.meta.type,
      docs: {
        description: rule.meta.docs.description,
        recommended: rule.meta.docs.recommended === true,
        url: rule.meta.docs.url,
      },
      messages: { ...rule.meta.messages },
      // ESLint 10 refuses a config that enables the rule for another language (a JS file).
      languages: ['xxgk/report'],
      // Options are validated by the rule's zod schema when the rule runs (LintError INVALID_RULE_OPTIONS).
      schema: rule.meta.options ? false : [],
      ...(rule.meta.fixable === true ? { fixable: 'code' as const } : {}),
      ...(rule.meta.hasSuggestions === true ? { hasSuggestions: true } : {}),
    },
    create(context) {
      const sourceCode = context.sourceCode;
      // Used outside the xxgk/report language (a JS file): nothing to lint.
      if (!(sourceCode instanceof ReportSourceCode) || !sourceCode.report) return {};
      return {
        Report() {
          for (const finding of findingsFor(sourceCode, id, context.options[0], rule)) context.report(violation(finding, rule));
        },
      };
    },
  };
}

/** Every @xxgk/lint rule as an ESLint rule, by the same id (`xxgk/<id>` in a config). */
export const rules: Readonly<Record<string, XxgkRuleDefinition>> = Object.freeze(
  Object.fromEntries(Object.entries(xxgkRules).map(([id, rule]) => [id, toEslintRule(id, rule)])),
);
