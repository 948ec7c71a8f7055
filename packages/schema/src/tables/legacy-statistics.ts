import { z } from 'zod';
import { CellSchema } from '../cell.js';
import { SpanSchema } from '../span.js';

/** One row of a legacy (2008–2018) statistics table: 指标名称 · 计量单位 · 本年度 · 历年累计 (SPEC §6). */
export const LegacyStatisticsRowSchema = z
  .object({
    key: z
      .string()
      .optional()
      .describe('Catalogue key when the indicator is recognised (applicationsTotal, responsesGranted …).'),
    label: z.string(),
    unit: z.string().optional(),
    year: CellSchema.describe('本年度 value'),
    cumulative: CellSchema.optional().describe('历年累计 value, when the table has that column'),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'LegacyStatisticsRow' });

export const LegacyStatisticsSchema = z
  .object({
    rows: z.array(LegacyStatisticsRowSchema),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'LegacyStatistics', description: 'Legacy 政府信息公开情况统计表' });

export type LegacyStatisticsRow = z.infer<typeof LegacyStatisticsRowSchema>;
export type LegacyStatistics = z.infer<typeof LegacyStatisticsSchema>;
