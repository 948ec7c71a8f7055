import { z } from 'zod';
import { AgencySchema } from './agency.js';
import { DiagnosticSchema } from './diagnostic.js';
import { FactSchema } from './fact.js';
import { FeesSchema } from './fees.js';
import { SectionSchema } from './section.js';
import { SourceSchema } from './source.js';
import { SpanSchema } from './span.js';
import { ApplicationsSchema } from './tables/applications.js';
import { LegacyStatisticsSchema } from './tables/legacy-statistics.js';
import { ProactiveSchema } from './tables/proactive.js';
import { ReviewLitigationSchema } from './tables/review-litigation.js';

export const TemplateIdSchema = z
  .enum(['legacy-2008', 'national-2019', 'national-2021'])
  .meta({ id: 'TemplateId', description: 'legacy-2008: reports for 2008–2018; national-2019: 2019–2020; national-2021: 2021 on.' });

export const LanguageSchema = z.enum(['zh-Hans', 'zh-Hant']).meta({ id: 'Language' });

export const DocumentKindSchema = z
  .enum(['annual-report', 'work-summary', 'work-plan', 'unknown'])
  .meta({ id: 'DocumentKind', description: '年度报告, or a 工作总结 / 工作计划 filed in its place.' });

export const PeriodSchema = z
  .object({
    from: z.iso.date().nullable(),
    to: z.iso.date().nullable(),
    raw: z.string().optional().describe('The sentence as written (统计期限自…至…).'),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'Period', description: '统计期限' });

/** A report found inside the file; a file should hold exactly one. */
export const DocumentPartSchema = z
  .object({ title: z.string(), span: SpanSchema })
  .meta({ id: 'DocumentPart' });

export const ReportSchema = z
  .object({
    id: z.string().describe('Stable content id: sha256 of the normalised text.'),
    title: z.string(),
    titleSpan: SpanSchema.nullable().optional(),
    year: z.number().int().nullable().describe('The reporting year (统计年度); null when the document does not say.'),
    agency: AgencySchema,
    template: TemplateIdSchema,
    documentKind: DocumentKindSchema.optional(),
    publishedOn: z.iso.date().nullable().describe('The date the document is signed / dated.'),
    publishedOnSpan: SpanSchema.nullable().optional(),
    period: PeriodSchema.nullable(),
    language: LanguageSchema,
    source: SourceSchema,
    sections: z.array(SectionSchema),
    facts: z.array(FactSchema),
    proactive: ProactiveSchema.nullable().describe('表二 (national templates)'),
    applications: ApplicationsSchema.nullable().describe('表三 (national templates)'),
    reviewLitigation: ReviewLitigationSchema.nullable().describe('表四 (national templates)'),
    legacyStatistics: LegacyStatisticsSchema.nullable().optional().describe('Legacy statistics table (2008–2018)'),
    fees: FeesSchema.nullable(),
    documents: z.array(DocumentPartSchema).optional().describe('Every report found in the file (more than one is a defect).'),
    diagnostics: z.array(DiagnosticSchema),
  })
  .meta({ id: 'Report', description: 'A 政府信息公开工作年度报告 as published, read into the xxgk model.' });

export type TemplateId = z.infer<typeof TemplateIdSchema>;
export type Language = z.infer<typeof LanguageSchema>;
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type DocumentPart = z.infer<typeof DocumentPartSchema>;
export type Report = z.infer<typeof ReportSchema>;
