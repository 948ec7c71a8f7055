import type {
  Fact,
  LintFix,
  LintSuggestion,
  Report,
  Section,
  Span,
  TemplateId,
} from '@xxgk/schema';
import type { TemplateCatalogue } from '@xxgk/schema/templates';
import type { z } from 'zod';

/** A line of the normalised source text, for rules that look at text (placeholder, garbled-text). */
export interface SourceLine {
  /** 1-based line number. */
  readonly line: number;
  /** Offset of the line's first character in the source text. */
  readonly start: number;
  readonly text: string;
}

/** The decoded source text and the conversion of offsets to positions. */
export interface SourceText {
  readonly text: string;
  readonly lines: readonly SourceLine[];
  /** The 1-based line/column of a source offset. */
  position(offset: number): { line: number; column: number };
  /** A span covering [start, end). */
  span(start: number, end: number): Span;
}

export interface RuleMeta<MessageIds extends string, Options> {
  readonly id: string;
  /** problem = wrong figures or missing content; suggestion = hygiene. */
  readonly type: 'problem' | 'suggestion';
  readonly defaultSeverity: 'error' | 'warn' | 'off';
  readonly docs: {
    /** Starts with Require / Disallow / Enforce; no final period. */
    readonly description: string;
    /** true: in `recommended`; 'strict': only in `strict`. */
    readonly recommended: true | 'strict';
    /** Filled in by defineRule from the id. */
    readonly url?: string;
  };
  readonly messages: Readonly<Record<MessageIds, string>>;
  readonly options?: z.ZodType<Options>;
  readonly defaultOptions?: Options;
  /** Templates the rule applies to; all when absent. */
  readonly templates?: readonly TemplateId[];
  /**
   * Rules that need last year's report of the same agency (`previousReport`), or its decoded text
   * too (`previousText`); skipped without them.
   */
  readonly requires?: readonly ('previousReport' | 'previousText')[];
  readonly fixable?: boolean;
  readonly hasSuggestions?: boolean;
}

export interface ReportDescriptor<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Where the finding points; the title line when null/absent. */
  readonly span?: Span | null;
  /** Model path of the offending cell or field. */
  readonly path?: string;
  /**
   * Severity of this finding when it differs from the rule's default (a carry-over mismatch of the
   * 总计 is an error, of one column a warning). A severity set in the configuration (a `rules` entry,
   * or the strict preset) wins over it.
   */
  readonly severity?: 'error' | 'warn';
  readonly fix?: LintFix;
  readonly suggest?: readonly LintSuggestion[];
}

export interface RuleContext<MessageIds extends string, Options> {
  readonly id: string;
  /** The report being linted (also passed to the `report` / `report:exit` visitors). */
  readonly model: Report;
  /** Last year's report of the same agency, when known (cross-year rules). */
  readonly previousReport: Report | null;
  /** The decoded text of the previous report (its spans point into it), when known. */
  readonly previousText: string | null;
  readonly options: Options;
  readonly template: TemplateCatalogue;
  readonly source: SourceText;
  /** Reports a finding (ESLint's context.report). */
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** Visitors the linter calls while it walks a Report once. */
export interface RuleVisitors {
  report?: (report: Report) => void;
  section?: (section: Section) => void;
  fact?: (fact: Fact) => void;
  line?: (line: SourceLine) => void;
  'report:exit'?: (report: Report) => void;
}

export interface Rule<MessageIds extends string = string, Options = unknown> {
  readonly meta: RuleMeta<MessageIds, Options> & { readonly docs: { readonly url: string } };
  create(context: RuleContext<MessageIds, Options>): RuleVisitors;
}

const DOCS_BASE = 'https://github.com/xxgk/xxgk/blob/main/packages/lint/docs/rules/';

/** Types a rule's message ids, fills docs.url from the id and freezes it. */
export function defineRule<MessageIds extends string, Options = Record<string, never>>(rule: {
  meta: RuleMeta<MessageIds, Options>;
  create(context: RuleContext<MessageIds, Options>): RuleVisitors;
}): Rule<MessageIds, Options> {
  const meta = { ...rule.meta, docs: { ...rule.meta.docs, url: `${DOCS_BASE}${rule.meta.id}.md` } };
  return Object.freeze({ meta: Object.freeze(meta), create: (context: RuleContext<MessageIds, Options>) => rule.create(context) });
}
