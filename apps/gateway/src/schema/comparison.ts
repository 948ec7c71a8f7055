import { compareReports } from '@xxgk/lint';
import type { CopiedParagraph, FigureChange, ReportComparison, SectionRef } from '@xxgk/lint';
import type { StoredReport } from '@xxgk/store';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ReportRef, reportIdOf } from './report.js';
import type { ReportShape } from './report.js';
import { SpanRef } from './span.js';

/** A comparison of two stored reports: A (`base`, by default last year's) and B (`other`, this one). */
interface ComparisonShape {
  readonly base: StoredReport;
  readonly other: StoredReport;
  readonly result: ReportComparison;
}

export const FigureChangeRef = builder.objectRef<FigureChange>('FigureChange').implement({
  description: 'One template table figure in both reports, with its change.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Catalogue path, e.g. applications.newReceived.total.' }),
    table: t.exposeString('table'),
    row: t.exposeString('row', { description: 'The row label of the template (一、本年新收政府信息公开申请数量 …).' }),
    column: t.exposeString('column', { description: 'The column label of the template (自然人, 总计 …).' }),
    label: t.exposeString('label', { description: 'Row and column labels together: 一、本年新收政府信息公开申请数量 / 总计.' }),
    before: t.float({ nullable: true, description: 'The figure in the base report (null: blank, or no such cell).', resolve: (f) => f.before }),
    after: t.float({ nullable: true, description: 'The figure in the other report.', resolve: (f) => f.after }),
    delta: t.float({ nullable: true, description: 'after − before, when both are known.', resolve: (f) => f.delta }),
    relative: t.float({ nullable: true, description: 'delta / before, when both are known and before ≠ 0.', resolve: (f) => f.relative }),
    inBase: t.exposeBoolean('inBase', { description: 'Whether the base report has this cell (its template’s tables).' }),
    inOther: t.exposeBoolean('inOther', { description: 'Whether the other report has this cell.' }),
  }),
});

export const ComparedSectionRef = builder.objectRef<SectionRef>('ComparedSection').implement({
  description: 'A section present in only one of two compared reports.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    heading: t.exposeString('heading'),
    level: t.exposeInt('level'),
    span: t.field({ type: SpanRef, description: 'Where it stands in the report that has it.', resolve: (s) => s.span }),
  }),
});

export const CopiedParagraphRef = builder.objectRef<CopiedParagraph>('CopiedParagraph').implement({
  description: 'A paragraph of the other report mostly found word for word in the base report.',
  fields: (t) => ({
    text: t.exposeString('text'),
    share: t.exposeFloat('share', { description: 'Share of its characters (letters and digits) found in the base report.' }),
    span: t.field({ type: SpanRef, description: 'Where it stands in the other report.', resolve: (p) => p.span }),
    sourceSpan: t.field({ type: SpanRef, nullable: true, description: 'The paragraph of the base report it was copied from.', resolve: (p) => p.sourceSpan }),
  }),
});

export const ComparisonRef = builder.objectRef<ComparisonShape>('Comparison').implement({
  description: 'Two reports side by side: every table figure with its change, sections added and removed, text copied.',
  fields: (t) => ({
    base: t.field({ type: ReportRef, description: 'The report compared with (by default last year’s of the same agency).', resolve: (c) => c.base }),
    other: t.field({ type: ReportRef, description: 'The report whose comparison this is.', resolve: (c) => c.other }),
    figures: t.field({
      type: [FigureChangeRef],
      description: 'Every template table figure of both reports, in the template’s reading order.',
      args: { changedOnly: t.arg.boolean({ defaultValue: false, description: 'Only figures whose value differs.' }) },
      resolve: (c, args) => (args.changedOnly ? c.result.changed : c.result.figures),
    }),
    sectionsAdded: t.field({ type: [ComparedSectionRef], description: 'Sections of the other report the base report lacks.', resolve: (c) => c.result.sectionsAdded }),
    sectionsRemoved: t.field({ type: [ComparedSectionRef], description: 'Sections of the base report the other report lacks.', resolve: (c) => c.result.sectionsRemoved }),
    copiedShare: t.float({
      description: 'Share of the other report’s prose (letters and digits) found word for word in the base report, 0–1.',
      resolve: (c) => c.result.reuse.share,
    }),
    copiedSentenceShare: t.float({ description: 'Share of its sentences copied (80 % or more of their characters).', resolve: (c) => c.result.reuse.sentenceShare }),
    proseChars: t.int({ description: 'Letters and digits of the other report’s prose (title, headings and tables left out).', resolve: (c) => c.result.reuse.chars }),
    copiedChars: t.int({ resolve: (c) => c.result.reuse.copiedChars }),
    copiedParagraphs: t.field({
      type: [CopiedParagraphRef],
      description: 'Paragraphs of the other report mostly copied from the base report, in their order.',
      resolve: (c) => c.result.reuse.copiedParagraphs,
    }),
  }),
});

/** The id of last year's report of the same agency, or null. */
async function previousYearId(r: ReportShape, ctx: Context): Promise<number | null> {
  if (r.year === null) return null;
  const reports = await ctx.loaders.agencyReports.load(r.agencyId);
  return reports.find((s) => s.year === (r.year as number) - 1)?.id ?? null;
}

builder.objectField(ReportRef, 'comparison', (t) =>
  t.field({
    type: ComparisonRef,
    nullable: true,
    description:
      'This report compared with another (`with`, a Report id; by default last year’s report of the same agency): null when there is none.',
    args: { with: t.arg.id({ description: 'The report to compare with (the base).' }) },
    complexity: 20,
    resolve: async (r, args, ctx) => {
      const baseId = args.with != null ? reportIdOf(String(args.with)) : await previousYearId(r, ctx);
      if (baseId === null) return null;
      const [base, other, baseText, otherText] = await Promise.all([
        ctx.loaders.report.load(baseId),
        ctx.loaders.report.load(r.id),
        ctx.loaders.reportText.load(baseId),
        ctx.loaders.reportText.load(r.id),
      ]);
      if (!base || !other) return null;
      const result = compareReports({ report: base.report, text: baseText ?? '' }, { report: other.report, text: otherText ?? '' });
      return { base, other, result };
    },
  }),
);
