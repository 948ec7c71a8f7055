import DataLoader from 'dataloader';
import type { Store, StoredReview } from '@xxgk/store';

/**
 * The current decisions of each report (resolved ones included, superseded ones not), oldest first:
 * one statement per tick. Finding.review, Review.finding and Report.reviews all read from it.
 */
export function createReviewsLoader(store: Store): DataLoader<number, StoredReview[]> {
  return new DataLoader((ids) => store.reviewsByReport(ids, { includeResolved: true }));
}

/** Every decision of each report, superseded and resolved ones included (the history), oldest first. */
export function createReviewHistoryLoader(store: Store): DataLoader<number, StoredReview[]> {
  return new DataLoader((ids) => store.reviewsByReport(ids, { includeResolved: true, includeSuperseded: true }));
}
