import { REVIEW_COMMENT_MAX, StoreError } from '@xxgk/store';
import type { StoredReview } from '@xxgk/store';
import { builder } from '../builder.js';
import { GatewayError } from '../errors.js';
import { reportIdOf } from './report.js';
import { ReviewDecisionEnum, ReviewRef } from './review.js';

const ReviewFindingInput = builder.inputType('ReviewFindingInput', {
  description: 'A finding of a stored report, named by the report and the finding\'s fingerprint, and the decision on it.',
  fields: (t) => ({
    reportId: t.id({ required: true, description: 'A Report id.' }),
    fingerprint: t.string({ required: true, description: 'Finding.fingerprint.' }),
    decision: t.field({ type: ReviewDecisionEnum, required: true }),
    comment: t.string({ description: `At most ${REVIEW_COMMENT_MAX} characters.` }),
  }),
});

const ReviewFindingPayloadRef = builder.objectRef<StoredReview>('ReviewFindingPayload').implement({
  fields: (t) => ({
    review: t.field({ type: ReviewRef, resolve: (r) => r }),
  }),
});

builder.mutationField('reviewFinding', (t) =>
  t.field({
    type: ReviewFindingPayloadRef,
    description:
      "Accept or dismiss a finding of a stored report (needs a bearer token; the token's name signs it). An earlier decision on the same finding is kept in the history.",
    authScopes: { apiToken: true },
    args: { input: t.arg({ type: ReviewFindingInput, required: true }) },
    complexity: 20,
    resolve: async (_root, { input }, ctx) => {
      const reviewer = ctx.principal?.name;
      if (reviewer === undefined) throw new GatewayError('UNAUTHENTICATED', 'This operation needs a bearer token.');
      if (input.comment != null && input.comment.length > REVIEW_COMMENT_MAX) {
        throw new GatewayError('BAD_USER_INPUT', `comment is longer than ${REVIEW_COMMENT_MAX} characters.`, { argument: 'comment' });
      }
      try {
        return await ctx.store.reviewFinding({
          target: { reportId: reportIdOf(String(input.reportId)), fingerprint: input.fingerprint },
          decision: input.decision,
          comment: input.comment ?? null,
          reviewer,
        });
      } catch (error) {
        if (error instanceof StoreError && error.code === 'NOT_FOUND') {
          throw new GatewayError('FINDING_NOT_FOUND', 'The report has no finding with this fingerprint.');
        }
        if (error instanceof StoreError && error.code === 'INVALID_ARGUMENT') throw new GatewayError('BAD_USER_INPUT', error.message);
        throw error;
      }
    },
  }),
);
