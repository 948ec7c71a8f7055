import { sql } from 'kysely';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { AgencyKind, AgencyLevel } from '@xxgk/schema';
import type { Database } from '../database.js';
import { lateReportSql, missingReportSql, today, workSummaryReportSql } from './publication-sql.js';
import { likeContains, likePrefix } from './report-filter.js';

export interface StoredAgency {
  readonly id: number;
  readonly name: string;
  readonly level: AgencyLevel | null;
  readonly kind: AgencyKind | null;
  readonly regionCode: string | null;
  readonly regionName: string | null;
}

export interface AgencyFilter {
  /** Substring of the name. */
  readonly name?: string | null;
  /** Prefix of the region code. */
  readonly regionCode?: string | null;
  readonly levels?: readonly AgencyLevel[] | null;
  /** Agencies with no report for this year whose deadline has passed (coverage status MISSING). */
  readonly missingReportFor?: number | null;
  /** Agencies whose report for this year is dated after its deadline (LATE). */
  readonly lateFor?: number | null;
  /** Agencies whose document for this year is a 工作总结 rather than a 年度报告. */
  readonly workSummaryFor?: number | null;
  /** ISO date deadlines are measured against for missingReportFor (default: today, UTC). */
  readonly asOf?: string | null;
}

/** An agencies row as the database returns it. */
export interface AgencyRow {
  id: number;
  name: string;
  level: string | null;
  kind: string | null;
  region_code: string | null;
  region_name: string | null;
}

/** An agencies row as the store's StoredAgency. */
export function toStoredAgency(row: AgencyRow): StoredAgency {
  return {
    id: row.id,
    name: row.name,
    level: row.level as AgencyLevel | null,
    kind: row.kind as AgencyKind | null,
    regionCode: row.region_code,
    regionName: row.region_name,
  };
}

const COLUMNS = ['a.id', 'a.name', 'a.level', 'a.kind', 'a.region_code', 'a.region_name'] as const;

export function agencyFilterSql(filter: AgencyFilter | null | undefined): RawBuilder<SqlBool> {
  const f = filter ?? {};
  const conds: RawBuilder<unknown>[] = [];
  if (f.name != null && f.name !== '') conds.push(sql`a.name LIKE ${likeContains(f.name)}`);
  if (f.regionCode != null && f.regionCode !== '') {
    conds.push(sql`a.region_code LIKE ${likePrefix(f.regionCode)}`);
  }
  if (f.levels != null) conds.push(sql`a.level = ANY(${[...f.levels]}::text[])`);
  if (f.missingReportFor != null) conds.push(missingReportSql(f.missingReportFor, f.asOf ?? today()));
  if (f.lateFor != null) conds.push(lateReportSql(f.lateFor));
  if (f.workSummaryFor != null) conds.push(workSummaryReportSql(f.workSummaryFor));
  return conds.length === 0 ? sql<SqlBool>`TRUE` : sql<SqlBool>`${sql.join(conds, sql` AND `)}`;
}

/** Agencies by id, in the order asked (null where missing). */
export async function getAgencies(db: Kysely<Database>, ids: readonly number[]): Promise<(StoredAgency | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('agencies as a')
    .select(COLUMNS)
    .where('a.id', '=', sql<number>`ANY(${[...new Set(ids)]}::int[])`)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toStoredAgency(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** A page of agencies, by region code then name. */
export async function findAgencies(
  db: Kysely<Database>,
  options: { filter?: AgencyFilter | null; limit: number; offset?: number },
): Promise<StoredAgency[]> {
  const rows = await db
    .selectFrom('agencies as a')
    .select(COLUMNS)
    .where(agencyFilterSql(options.filter))
    .orderBy(sql`a.region_code NULLS LAST`)
    .orderBy('a.name')
    .orderBy('a.id')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map(toStoredAgency);
}

export async function countAgencies(db: Kysely<Database>, filter?: AgencyFilter | null): Promise<number> {
  const row = await db
    .selectFrom('agencies as a')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(agencyFilterSql(filter))
    .executeTakeFirstOrThrow();
  return row.n;
}
