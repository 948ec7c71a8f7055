import { z } from 'zod';
import { CellSchema } from '../cell.js';
import { SpanSchema } from '../span.js';

/** One group of 表四: 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计. */
export const ReviewOutcomeSchema = z
  .object({
    upheld: CellSchema.describe('结果维持'),
    corrected: CellSchema.describe('结果纠正'),
    other: CellSchema.describe('其他结果'),
    pending: CellSchema.describe('尚未审结'),
    total: CellSchema.describe('总计'),
  })
  .meta({ id: 'ReviewOutcome' });

/** 表四 政府信息公开行政复议、行政诉讼情况 (identical in 2019 and 2021). */
export const ReviewLitigationSchema = z
  .object({
    review: ReviewOutcomeSchema.describe('行政复议'),
    litigationDirect: ReviewOutcomeSchema.describe('行政诉讼 · 未经复议直接起诉'),
    litigationAfterReview: ReviewOutcomeSchema.describe('行政诉讼 · 复议后起诉'),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'ReviewLitigation', description: '表四 政府信息公开行政复议、行政诉讼情况' });

export const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export type ReviewOutcome = z.infer<typeof ReviewOutcomeSchema>;
export type ReviewLitigation = z.infer<typeof ReviewLitigationSchema>;
