import { sql } from 'kysely';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Analyzer } from '../analyze.js';
import { fingerprintsOf } from '../analyze.js';
import type { Database, ReviewsTable } from '../database.js';
import { StoreError } from '../errors.js';
import { toFinding } from './findings.js';

export type ReviewDecision = 'accepted' | 'dismissed';

/** Longest review comment, in characters. */
export const REVIEW_COMMENT_MAX = 2000;
/** Longest reviewer name, in characters. */
export const REVIEWER_MAX = 200;

/** A decision on a finding, with who took it and when; never deleted. */
export interface StoredReview {
  readonly id: number;
  /** null only when the report row was deleted. */
  readonly reportId: number | null;
  readonly agencyId: number;
  readonly year: number | null;
  /** The report's version when the decision was taken. */
  readonly reportVersion: number;
  readonly fingerprint: string;
  readonly ruleId: string | null;
  /** The finding's message when the decision was taken. */
  readonly message: string;
  readonly decision: ReviewDecision;
  readonly comment: string | null;
  readonly reviewer: string;
  readonly createdAt: Date;
  /** When a re-lint no longer produced the finding (null while it still does). */
  readonly resolvedAt: Date | null;
  /** When a newer decision on the same finding replaced this one (null for the current decision). */
  readonly supersededAt: Date | null;
  readonly supersededBy: number | null;
}

/** The finding to decide on: its findings row id, or its report and fingerprint. */
export type ReviewTarget = { readonly findingId: number } | { readonly reportId: number; readonly fingerprint: string };

export interface ReviewFindingInput {
  readonly target: ReviewTarget;
  readonly decision: ReviewDecision;
  readonly comment?: string | null;
  /** Who decides (e.g. the name tied to an API token). */
  readonly reviewer: string;
}

export interface ReviewsOptions {
  /** Also the decisions whose finding is gone (resolved). Default false. */
  readonly includeResolved?: boolean;
  /** Also the decisions a newer one replaced (the whole history). Default false. */
  readonly includeSuperseded?: boolean;
}

function toReview(row: Selectable<ReviewsTable>): StoredReview {
  return {
    id: row.id,
    reportId: row.report_id,
    agencyId: row.agency_id,
    year: row.year,
    reportVersion: row.report_version,
    fingerprint: row.fingerprint,
    ruleId: row.rule_id,
    message: row.message,
    decision: row.decision,
    comment: row.comment,
    reviewer: row.reviewer,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    supersededAt: row.superseded_at,
    supersededBy: row.superseded_by,
  };
}

function checkInput(input: ReviewFindingInput): { comment: string | null; reviewer: string } {
  if (input.decision !== 'accepted' && input.decision !== 'dismissed') {
    throw new StoreError('INVALID_ARGUMENT', `decision must be accepted or dismissed, not ${String(input.decision)}`);
  }
  const reviewer = input.reviewer.trim();
  if (reviewer === '' || reviewer.length > REVIEWER_MAX) {
    throw new StoreError('INVALID_ARGUMENT', `reviewer must be 1–${REVIEWER_MAX} characters`);
  }
  const comment = input.comment?.trim() ?? '';
  if (comment.length > REVIEW_COMMENT_MAX) {
    throw new StoreError('INVALID_ARGUMENT', `comment is longer than ${REVIEW_COMMENT_MAX} characters`);
  }
  return { comment: comment === '' ? null : comment.replaceAll('\u0000', '\uFFFD'), reviewer: reviewer.replaceAll('\u0000', '\uFFFD') };
}

/**
 * Accept or dismiss a finding of a stored report. An earlier decision on the same finding is kept,
 * marked superseded by this one. Runs under the report's row lock, so it orders with ingest.
 */
export async function reviewFinding(db: Kysely<Database>, input: ReviewFindingInput): Promise<StoredReview> {
  const { comment, reviewer } = checkInput(input);
  return db.transaction().execute(async (trx) => {
    const target = input.target;
    let finding = trx
      .selectFrom('findings')
      .select(['report_id', 'fingerprint', 'rule_id', 'message'])
      .orderBy('ordinal')
      .limit(1);
    finding =
      'findingId' in target
        ? finding.where('id', '=', target.findingId)
        : finding.where('report_id', '=', target.reportId).where('fingerprint', '=', target.fingerprint);
    const found = await finding.executeTakeFirst();
    if (!found || found.fingerprint === null) throw new StoreError('NOT_FOUND', 'no such finding in the stored report');
    const report = await trx
      .selectFrom('reports')
      .select(['id', 'agency_id', 'year', 'version'])
      .where('id', '=', found.report_id)
      .forUpdate()
      .executeTakeFirst();
    // A re-ingest may have replaced the findings between the two reads: look again under the lock.
    const still = await trx
      .selectFrom('findings')
      .select('id')
      .where('report_id', '=', found.report_id)
      .where('fingerprint', '=', found.fingerprint)
      .executeTakeFirst();
    if (!report || !still) throw new StoreError('NOT_FOUND', 'no such finding in the stored report');
    const previous = await trx
      .updateTable('reviews')
      .set({ superseded_at: sql<Date>`now()` })
      .where('report_id', '=', report.id)
      .where('fingerprint', '=', found.fingerprint)
      .where('superseded_at', 'is', null)
      .returning('id')
      .execute();
    const row = await trx
      .insertInto('reviews')
      .values({
        report_id: report.id,
        agency_id: report.agency_id,
        year: report.year,
        report_version: report.version,
        fingerprint: found.fingerprint,
        rule_id: found.rule_id,
        message: found.message,
        decision: input.decision,
        comment,
        reviewer,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (previous.length > 0) {
      await trx
        .updateTable('reviews')
        .set({ superseded_by: row.id })
        .where('id', '=', sql<number>`ANY(${previous.map((p) => p.id)}::int[])`)
        .execute();
    }
    return toReview(row);
  });
}

/** Each report's decisions, oldest first: one statement for any number of reports. */
export async function reviewsByReport(
  db: Kysely<Database>,
  reportIds: readonly number[],
  options: ReviewsOptions = {},
): Promise<StoredReview[][]> {
  if (reportIds.length === 0) return [];
  let query = db
    .selectFrom('reviews')
    .selectAll()
    .where('report_id', '=', sql<number>`ANY(${[...new Set(reportIds)]}::int[])`);
  if (options.includeResolved !== true) query = query.where('resolved_at', 'is', null);
  if (options.includeSuperseded !== true) query = query.where('superseded_at', 'is', null);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const by = new Map<number, StoredReview[]>();
  for (const row of rows) {
    const id = row.report_id as number;
    const list = by.get(id) ?? [];
    list.push(toReview(row));
    by.set(id, list);
  }
  return reportIds.map((id) => by.get(id) ?? []);
}

/**
 * After a report's findings were written again (re-ingest, correction, re-lint): current decisions
 * whose finding is gone are marked resolved; resolved ones whose finding came back are opened again.
 * Nothing is deleted.
 */
export async function syncReviews(trx: Transaction<Database>, reportId: number): Promise<void> {
  const present = trx
    .selectFrom('findings')
    .select('fingerprint')
    .where('report_id', '=', reportId)
    .where('fingerprint', 'is not', null);
  await trx
    .updateTable('reviews')
    .set({ resolved_at: sql<Date>`now()` })
    .where('report_id', '=', reportId)
    .where('superseded_at', 'is', null)
    .where('resolved_at', 'is', null)
    .where('fingerprint', 'not in', present)
    .execute();
  await trx
    .updateTable('reviews')
    .set({ resolved_at: null })
    .where('report_id', '=', reportId)
    .where('superseded_at', 'is', null)
    .where('resolved_at', 'is not', null)
    .where('fingerprint', 'in', present)
    .execute();
}

/**
 * Fill in the fingerprints of findings stored before they existed (migration 0002), from each
 * report's text, a batch of reports at a time. Returns the number of reports done.
 */
export async function backfillFingerprints(db: Kysely<Database>, analyzer: Analyzer, batchSize = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await db
      .selectFrom('findings')
      .select('report_id')
      .distinct()
      .where('fingerprint', 'is', null)
      .limit(batchSize)
      .execute();
    if (ids.length === 0) return done;
    const reportIds = ids.map((r) => r.report_id);
    const [texts, rows] = await Promise.all([
      db.selectFrom('reports').select(['id', 'text']).where('id', '=', sql<number>`ANY(${reportIds}::int[])`).execute(),
      db
        .selectFrom('findings')
        .selectAll()
        .where('report_id', '=', sql<number>`ANY(${reportIds}::int[])`)
        .orderBy('report_id')
        .orderBy('ordinal')
        .execute(),
    ]);
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    const byReport = new Map<number, typeof rows>();
    for (const row of rows) byReport.set(row.report_id, [...(byReport.get(row.report_id) ?? []), row]);
    const findingIds: number[] = [];
    const fingerprints: string[] = [];
    for (const [reportId, list] of byReport) {
      const fps = await fingerprintsOf(analyzer, list.map(toFinding), textOf.get(reportId) ?? null);
      list.forEach((row, i) => {
        findingIds.push(row.id);
        fingerprints.push(fps[i] ?? '');
      });
    }
    await sql`UPDATE findings SET fingerprint = u.fp FROM unnest(${findingIds}::int[], ${fingerprints}::text[]) AS u(id, fp) WHERE findings.id = u.id`.execute(
      db,
    );
    done += reportIds.length;
  }
}
