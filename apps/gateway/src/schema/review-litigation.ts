import type { LegacyStatistics, LegacyStatisticsRow, ReviewLitigation, ReviewOutcome } from '@xxgk/schema';
import { REVIEW_COLUMNS, ReviewLitigationSchema, ReviewOutcomeSchema } from '@xxgk/schema';
import { builder } from '../builder.js';
import { CellRef, cellFields, describedFields, toCell } from './cell.js';
import { SpanRef } from './span.js';

export const ReviewOutcomeRef = builder.objectRef<ReviewOutcome>('ReviewOutcome').implement({
  description: '结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计',
  fields: (t) => cellFields(t, REVIEW_COLUMNS, describedFields(ReviewOutcomeSchema)),
});

const described = describedFields(ReviewLitigationSchema);
export const ReviewLitigationRef = builder.objectRef<ReviewLitigation>('ReviewLitigation').implement({
  description: ReviewLitigationSchema.description,
  fields: (t) => ({
    review: t.field({ type: ReviewOutcomeRef, description: described.review, resolve: (r) => r.review }),
    litigationDirect: t.field({ type: ReviewOutcomeRef, description: described.litigationDirect, resolve: (r) => r.litigationDirect }),
    litigationAfterReview: t.field({
      type: ReviewOutcomeRef,
      description: described.litigationAfterReview,
      resolve: (r) => r.litigationAfterReview,
    }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (r) => r.span ?? null }),
  }),
});

export const LegacyStatisticsRowRef = builder.objectRef<LegacyStatisticsRow>('LegacyStatisticsRow').implement({
  description: 'One row of a legacy (2008–2018) statistics table.',
  fields: (t) => ({
    key: t.string({ nullable: true, resolve: (r) => r.key ?? null }),
    label: t.exposeString('label'),
    unit: t.string({ nullable: true, resolve: (r) => r.unit ?? null }),
    year: t.field({ type: CellRef, nullable: true, resolve: (r) => toCell(r.year) }),
    cumulative: t.field({ type: CellRef, nullable: true, resolve: (r) => toCell(r.cumulative) }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (r) => r.span ?? null }),
  }),
});

export const LegacyStatisticsRef = builder.objectRef<LegacyStatistics>('LegacyStatistics').implement({
  description: 'Legacy 政府信息公开情况统计表',
  fields: (t) => ({
    rows: t.field({ type: [LegacyStatisticsRowRef], resolve: (s) => s.rows }),
  }),
});
