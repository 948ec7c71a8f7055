import type { StoredFinding, StoredReview } from '@xxgk/store';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { FindingRef } from './finding.js';
import { ReportRef } from './report.js';

export const ReviewDecisionEnum = builder.enumType('ReviewDecision', {
  description: 'ACCEPTED: the finding is right (to be fixed); DISMISSED: a false positive or accepted as is.',
  values: { ACCEPTED: { value: 'accepted' }, DISMISSED: { value: 'dismissed' } } as const,
});

/** The stored finding a review is about, when the report still has it. */
async function findingOf(review: StoredReview, ctx: Context): Promise<StoredFinding | null> {
  if (review.reportId === null || review.supersededAt !== null) return null;
  const findings = await ctx.loaders.findings.load(review.reportId);
  return findings.find((f) => f.fingerprint === review.fingerprint) ?? null;
}

export const ReviewRef = builder.objectRef<StoredReview>('Review').implement({
  description:
    "A supervisor's or editor's decision on a finding, with who took it and when. Kept across re-ingests, corrections and rule upgrades while the finding has the same fingerprint; never deleted.",
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r.id) }),
    decision: t.field({ type: ReviewDecisionEnum, resolve: (r) => r.decision }),
    comment: t.string({ nullable: true, resolve: (r) => r.comment }),
    reviewer: t.exposeString('reviewer', { description: 'The name tied to the API token that decided.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    resolvedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a re-lint no longer produced the finding (it was fixed); null while it still does.',
      resolve: (r) => r.resolvedAt,
    }),
    supersededAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a newer decision on the same finding replaced this one.',
      resolve: (r) => r.supersededAt,
    }),
    fingerprint: t.exposeString('fingerprint'),
    ruleId: t.string({ nullable: true, resolve: (r) => r.ruleId }),
    message: t.exposeString('message', { description: "The finding's message when the decision was taken." }),
    reportVersion: t.exposeInt('reportVersion', { description: "The report's version when the decision was taken." }),
    finding: t.field({
      type: FindingRef,
      nullable: true,
      description: 'The finding as the report has it now (null once resolved or superseded).',
      resolve: (r, _a, ctx) => findingOf(r, ctx),
    }),
  }),
});

builder.objectField(FindingRef, 'review', (t) =>
  t.field({
    type: ReviewRef,
    nullable: true,
    description: 'The current decision on this finding, if any (stored report findings only).',
    resolve: async (f, _a, ctx) => {
      if (f.reportId === undefined || f.fingerprint === undefined) return null;
      const reviews = await ctx.loaders.reviews.load(f.reportId);
      return reviews.find((r) => r.fingerprint === f.fingerprint) ?? null;
    },
  }),
);

builder.objectField(ReportRef, 'reviews', (t) =>
  t.field({
    type: [ReviewRef],
    description:
      'Current decisions on this report\'s findings, oldest first; with includeResolved also those whose finding is gone, with includeSuperseded the whole history.',
    args: { includeResolved: t.arg.boolean(), includeSuperseded: t.arg.boolean() },
    complexity: { field: 2, multiplier: 10 },
    resolve: async (r, args, ctx) => {
      const reviews = await (args.includeSuperseded === true ? ctx.loaders.reviewHistory : ctx.loaders.reviews).load(r.id);
      return args.includeResolved === true ? reviews : reviews.filter((v) => v.resolvedAt === null);
    },
  }),
);
