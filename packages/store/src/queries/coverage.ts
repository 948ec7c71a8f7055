import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { StoreError } from '../errors.js';
import type { AgencyFilter, AgencyRow, StoredAgency } from './agencies.js';
import { agencyFilterSql, toStoredAgency } from './agencies.js';
import { deadlineSql, publishedOnSql, today, workSummarySql } from './publication-sql.js';

/**
 * ON_TIME / LATE: dated on or before / after the deadline; UNDATED: a report without a date;
 * MISSING: no report and the deadline has passed; NOT_DUE: no report yet, deadline still ahead.
 */
export type PublicationStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'UNDATED' | 'NOT_DUE';

/** One agency's publication record for one reporting year. */
export interface Publication {
  readonly agencyId: number;
  readonly year: number;
  readonly status: PublicationStatus;
  /** ISO date: 1月31日 (部门) or 3月31日 (本级政府; every report before 2019) of the next year. */
  readonly deadline: string;
  readonly publishedOn: string | null;
  /** Days after the deadline (LATE only, else null). */
  readonly daysLate: number | null;
  /** The document is a 工作总结 rather than a 年度报告. */
  readonly workSummary: boolean;
  /** The stored report (null when missing). */
  readonly reportId: number | null;
}

export interface CoverageRow extends Publication {
  readonly agency: StoredAgency;
}

/** Years of publication records (inclusive); an end left out defaults as documented per query. */
export interface YearRange {
  readonly yearFrom?: number | null;
  readonly yearTo?: number | null;
  /** ISO date deadlines are measured against (default: today, UTC). */
  readonly asOf?: string | null;
}

export interface CoverageQuery extends YearRange {
  /** Which agencies (region prefix, level, name, status filters): every known agency matching it. */
  readonly filter?: AgencyFilter | null;
  /** Only these agencies. */
  readonly agencyIds?: readonly number[] | null;
}

/** At most this many years per agency in one query. */
export const MAX_COVERAGE_YEARS = 50;

interface Row extends AgencyRow {
  year: number;
  deadline: string;
  report_id: number | null;
  published_on: string | null;
  work_summary: boolean | null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function toRow(row: Row, asOf: string): CoverageRow {
  const agency = toStoredAgency(row);
  const status: PublicationStatus =
    row.report_id === null
      ? row.deadline < asOf
        ? 'MISSING'
        : 'NOT_DUE'
      : row.published_on === null
        ? 'UNDATED'
        : row.published_on > row.deadline
          ? 'LATE'
          : 'ON_TIME';
  return {
    agency,
    agencyId: row.id,
    year: row.year,
    status,
    deadline: row.deadline,
    publishedOn: row.published_on,
    daysLate: status === 'LATE' && row.published_on !== null ? daysBetween(row.deadline, row.published_on) : null,
    workSummary: row.work_summary === true,
    reportId: row.report_id,
  };
}

function checkRange(range: YearRange): void {
  for (const y of [range.yearFrom, range.yearTo]) {
    if (y != null && (!Number.isInteger(y) || y < 1900 || y > 2999)) throw new StoreError('INVALID_ARGUMENT', `year ${y} is out of range`);
  }
  if (range.yearFrom != null && range.yearTo != null && range.yearTo - range.yearFrom >= MAX_COVERAGE_YEARS) {
    throw new StoreError('INVALID_ARGUMENT', `at most ${MAX_COVERAGE_YEARS} years at a time`);
  }
  if (range.asOf != null && !/^\d{4}-\d{2}-\d{2}$/.test(range.asOf)) throw new StoreError('INVALID_ARGUMENT', 'asOf must be an ISO date');
}

/**
 * Every known agency (one with a report in some year) matching the query, with its publication
 * record for each year: one statement, agencies × years joined to their reports. Years default to
 * the agency's first report year (from) and the latest report year stored (to).
 */
export async function coverage(db: Kysely<Database>, query: CoverageQuery): Promise<CoverageRow[]> {
  checkRange(query);
  const asOf = query.asOf ?? today();
  const filter = sql`${agencyFilterSql({ ...query.filter, asOf })}${query.agencyIds != null ? sql` AND a.id = ANY(${[...new Set(query.agencyIds)]}::int[])` : sql``}`;
  const from = query.yearFrom != null ? sql<number>`${query.yearFrom}::int` : sql<number>`(SELECT min(fr.year) FROM reports fr WHERE fr.agency_id = a.id)`;
  const to = query.yearTo != null ? sql<number>`${query.yearTo}::int` : sql<number>`(SELECT max(lr.year) FROM reports lr)`;
  const year = sql<number>`y.year`;
  const result = await sql<Row>`
    SELECT a.id, a.name, a.level, a.kind, a.region_code, a.region_name, y.year::int AS year,
           ${deadlineSql(year)} AS deadline,
           r.id AS report_id, ${publishedOnSql()} AS published_on,
           CASE WHEN r.id IS NULL THEN NULL ELSE ${workSummarySql()} END AS work_summary
    FROM agencies a
    CROSS JOIN LATERAL generate_series(${from}, LEAST(${to}, ${from} + ${MAX_COVERAGE_YEARS - 1})) AS y(year)
    LEFT JOIN reports r ON r.agency_id = a.id AND r.year = y.year
    WHERE ${filter}
    ORDER BY a.region_code NULLS LAST, a.name, a.id, y.year`.execute(db);
  return result.rows.map((row) => toRow(row, asOf));
}

/** Publication records of each agency (in the order asked; [] for an unknown id). */
export async function publicationsByAgency(db: Kysely<Database>, agencyIds: readonly number[], range: YearRange = {}): Promise<Publication[][]> {
  if (agencyIds.length === 0) return [];
  const rows = await coverage(db, { ...range, agencyIds });
  const byAgency = new Map<number, Publication[]>();
  for (const { agency: _agency, ...publication } of rows) {
    const list = byAgency.get(publication.agencyId);
    if (list) list.push(publication);
    else byAgency.set(publication.agencyId, [publication]);
  }
  return agencyIds.map((id) => byAgency.get(id) ?? []);
}
