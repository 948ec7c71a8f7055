import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../database.js';
import { StoreError } from '../errors.js';
import { likePrefix, reportFilterSql } from './report-filter.js';
import type { ReportFilter } from './report-filter.js';

/** What stats can be grouped by. REGION is the agency's region code; PROVINCE its first two digits + 0000. */
export type StatsDimension = 'YEAR' | 'REGION' | 'PROVINCE' | 'LEVEL' | 'TEMPLATE' | 'AGENCY';

export const STATS_DIMENSIONS: readonly StatsDimension[] = ['YEAR', 'REGION', 'PROVINCE', 'LEVEL', 'TEMPLATE', 'AGENCY'];

const DIMENSION_SQL: Record<StatsDimension, string> = {
  YEAR: 'r.year',
  REGION: 'a.region_code',
  PROVINCE: "(substr(a.region_code, 1, 2) || '0000')",
  LEVEL: 'a.level',
  TEMPLATE: 'r.template',
  AGENCY: 'a.id',
};

export type StatsKey = Partial<Record<StatsDimension, string | number | null>>;

export interface StatsBucketRow {
  /** The bucket's value of each grouped dimension. */
  readonly key: StatsKey;
  /** Stable string of the key (JSON of the values in groupBy order). */
  readonly keyString: string;
  readonly reportCount: number;
  /** null when the query said it needs no agency counts (StatsQuery.agencyCount) and none was computed. */
  readonly agencyCount: number | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly unbalancedCount: number;
  /** Sums of the cells asked for with `sums` (path → sum, null when no report of the bucket fills it). */
  readonly sums?: ReadonlyMap<string, number | null>;
}

export interface StatsQuery {
  readonly filter?: ReportFilter | null;
  readonly groupBy: readonly StatsDimension[];
  /** At most this many buckets, the first in dimension order (default: all). statsSums returns at least theirs. */
  readonly limit?: number | null;
  /**
   * Whether agencyCount is needed (default true). Distinct agencies don't add up across years, so
   * without it more queries can be answered from the stats cube.
   */
  readonly agencyCount?: boolean;
}

function limitSql(limit: number | null | undefined, perBucket = 1): RawBuilder<unknown> {
  if (limit == null) return sql``;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new StoreError('INVALID_ARGUMENT', `limit must be a non-negative integer, not ${limit}`);
  return sql`LIMIT ${limit * perBucket}`;
}

function dims(groupBy: readonly StatsDimension[]): { select: RawBuilder<unknown>[]; group: RawBuilder<unknown> } {
  const unique = [...new Set(groupBy)];
  const select = unique.map((d, i) => sql`${sql.raw(DIMENSION_SQL[d])} AS ${sql.ref(`d${i}`)}`);
  const group = unique.length === 0 ? sql`()` : sql.join(unique.map((d) => sql.raw(DIMENSION_SQL[d])));
  return { select, group };
}

function keyOf(groupBy: readonly StatsDimension[], row: Record<string, unknown>, unique = [...new Set(groupBy)]): { key: StatsKey; keyString: string } {
  const key: StatsKey = {};
  const values: unknown[] = [];
  unique.forEach((d, i) => {
    const v = row[`d${i}`] as string | number | null;
    key[d] = v;
    values.push(v);
  });
  return { key, keyString: JSON.stringify(values) };
}

function bucketRow(groupBy: readonly StatsDimension[], paths: readonly string[], row: Record<string, unknown>, unique = [...new Set(groupBy)]): StatsBucketRow {
  return {
    ...keyOf(groupBy, row, unique),
    reportCount: row.report_count as number,
    agencyCount: (row.agency_count as number | undefined) ?? null,
    errorCount: row.error_count as number,
    warningCount: row.warning_count as number,
    unbalancedCount: row.unbalanced_count as number,
    ...(paths.length === 0 ? {} : { sums: new Map(paths.map((p, i) => [p, (row[`sum${i}`] as number | null) ?? null])) }),
  };
}

function orderSql(columns: number): RawBuilder<unknown> {
  return columns === 0 ? sql`1` : sql.join(Array.from({ length: columns }, (_, i) => sql`${sql.raw(String(i + 1))} NULLS LAST`));
}

/**
 * Report, agency and finding counts per bucket (ordered by the dimensions), and the sums of the cells
 * in `sums`: from the stats cube when it holds the answer, else from the reports.
 */
export async function stats(db: Kysely<Database>, query: StatsQuery & { readonly sums?: readonly string[] }): Promise<StatsBucketRow[]> {
  if (cubeServes(query)) {
    const rows = await cubeStats(db, query);
    // An undated bucket may hold several reports of one agency: its agencies are counted from the reports.
    if (query.agencyCount === false || !rows.some((r) => r.key.YEAR === null)) return rows;
  }
  return liveStats(db, query);
}

/** From the reports and their cells: any filter, any grouping; linear in the reports it covers. */
export async function liveStats(db: Kysely<Database>, query: StatsQuery & { readonly sums?: readonly string[] }): Promise<StatsBucketRow[]> {
  const { select, group } = dims(query.groupBy);
  const paths = [...new Set(query.sums ?? [])];
  const cols = [
    ...select,
    sql`count(*)::int AS report_count`,
    sql`count(DISTINCT r.agency_id)::int AS agency_count`,
    sql`coalesce(sum(r.error_count), 0)::int AS error_count`,
    sql`coalesce(sum(r.warning_count), 0)::int AS warning_count`,
    sql`count(*) FILTER (WHERE r.balanced = false)::int AS unbalanced_count`,
    ...paths.map((_, i) => sql`sum(${sql.ref(`s${i}.value`)})::float8 AS ${sql.ref(`sum${i}`)}`),
  ];
  // Cell sums in the same statement, one round trip instead of two: (report_id, path) is the cells
  // key, so each join adds at most one row per report and the counts stay right.
  const cells = sql.join(
    paths.map((p, i) => sql`LEFT JOIN cells ${sql.ref(`s${i}`)} ON ${sql.ref(`s${i}.report_id`)} = r.id AND ${sql.ref(`s${i}.path`)} = ${p}`),
    sql` `,
  );
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.join(cols)}
    FROM reports r JOIN agencies a ON a.id = r.agency_id ${cells}
    WHERE ${reportFilterSql(query.filter)}
    GROUP BY ${group}
    ORDER BY ${orderSql(select.length)}
    ${limitSql(query.limit)}`.execute(db);
  const unique = [...new Set(query.groupBy)];
  return result.rows.map((row) => bucketRow(query.groupBy, paths, row, unique));
}

/** The stats cube's grain (migration 0004): what it can group by. */
const CUBE_DIMENSION_SQL: Partial<Record<StatsDimension, string>> = {
  YEAR: 'c.year',
  PROVINCE: "(c.province || '0000')",
  LEVEL: 'c.level',
  TEMPLATE: 'c.template',
};

/** The filter fields the cube can apply (regionCode only as a province prefix, ≤ 2 digits). */
const CUBE_FILTER_FIELDS: ReadonlySet<string> = new Set(['yearFrom', 'yearTo', 'regionCode', 'levels', 'templates']);

/**
 * The filter as a condition on the cube's rows, or null when it narrows on what the cube doesn't
 * hold. `balanced` is allowed when the caller counts from the cube's balanced / unbalanced columns.
 */
function cubeConditions(filter: ReportFilter | null | undefined, options: { balanced: boolean }): RawBuilder<unknown>[] | null {
  const f = filter ?? {};
  for (const [field, value] of Object.entries(f)) {
    if (value == null || value === '' || CUBE_FILTER_FIELDS.has(field) || (field === 'balanced' && options.balanced)) continue;
    return null;
  }
  if (f.regionCode != null && f.regionCode.length > 2) return null;
  const conds: RawBuilder<unknown>[] = [sql`c.reports > 0`];
  if (f.yearFrom != null) conds.push(sql`c.year >= ${f.yearFrom}`);
  if (f.yearTo != null) conds.push(sql`c.year <= ${f.yearTo}`);
  if (f.regionCode != null && f.regionCode !== '') conds.push(sql`c.province LIKE ${likePrefix(f.regionCode)}`);
  if (f.levels != null) conds.push(sql`c.level = ANY(${[...f.levels]}::text[])`);
  if (f.templates != null) conds.push(sql`c.template = ANY(${[...f.templates]}::text[])`);
  return conds;
}

/**
 * Whether the stats cube answers the query: grouped by and filtered on its grain only, and, when
 * agency counts are needed, one year per bucket (an agency has one dated report a year, so there
 * a bucket's agencies are its reports).
 */
export function cubeServes(query: StatsQuery): boolean {
  if (cubeConditions(query.filter, { balanced: false }) === null) return false;
  if (!query.groupBy.every((d) => d in CUBE_DIMENSION_SQL)) return false;
  if (query.agencyCount === false) return true;
  const f = query.filter ?? {};
  return query.groupBy.includes('YEAR') || (f.yearFrom != null && f.yearFrom === f.yearTo);
}

/** How many reports match the filter, from the stats cube; null when the cube can't tell (filtered on more than its grain). */
export async function countFromCube(db: Kysely<Database>, filter: ReportFilter | null | undefined): Promise<number | null> {
  const conds = cubeConditions(filter, { balanced: true });
  if (conds === null) return null;
  const column = filter?.balanced == null ? 'reports' : filter.balanced ? 'balanced' : 'unbalanced';
  const result = await sql<{ n: number }>`
    SELECT coalesce(sum(${sql.ref(`c.${column}`)}), 0)::int AS n FROM stats_cube c WHERE ${sql.join(conds, sql` AND `)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** From the stats cube: a few rows per year, whatever the number of reports. */
async function cubeStats(db: Kysely<Database>, query: StatsQuery & { readonly sums?: readonly string[] }): Promise<StatsBucketRow[]> {
  const unique = [...new Set(query.groupBy)];
  const select = unique.map((d, i) => sql`${sql.raw(CUBE_DIMENSION_SQL[d] as string)} AS ${sql.ref(`d${i}`)}`);
  const group = unique.length === 0 ? sql`()` : sql.join(unique.map((d) => sql.raw(CUBE_DIMENSION_SQL[d] as string)));
  const paths = [...new Set(query.sums ?? [])];
  const conds = cubeConditions(query.filter, { balanced: false });
  if (conds === null) throw new StoreError('INVALID_ARGUMENT', 'the stats cube cannot apply this filter');
  // Each path's index into the cube's arrays, looked up once (null for a path never stored: a null sum).
  const ids =
    paths.length === 0
      ? sql``
      : sql`CROSS JOIN (SELECT ${sql.join(paths.map((p, i) => sql`(SELECT id FROM cell_paths WHERE path = ${p}) AS ${sql.ref(`p${i}`)}`))}) AS ids`;
  const cols = [
    ...select,
    sql`sum(c.reports)::int AS report_count`,
    ...(query.agencyCount === false ? [] : [sql`sum(c.reports)::int AS agency_count`]),
    sql`sum(c.errors)::int AS error_count`,
    sql`sum(c.warnings)::int AS warning_count`,
    sql`sum(c.unbalanced)::int AS unbalanced_count`,
    ...paths.map((_, i) => {
      const id = sql.ref(`ids.p${i}`);
      return sql`CASE WHEN sum(c.filled[${id}]) > 0 THEN sum(c.totals[${id}])::float8 END AS ${sql.ref(`sum${i}`)}`;
    }),
  ];
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.join(cols)}
    FROM stats_cube c ${ids}
    WHERE ${sql.join(conds, sql` AND `)}
    GROUP BY ${group}
    ORDER BY ${orderSql(select.length)}
    ${limitSql(query.limit)}`.execute(db);
  return result.rows.map((row) => bucketRow(query.groupBy, paths, row, unique));
}

/**
 * Sums of table cells per bucket: keyString → path → sum (null when no report of the bucket
 * has the cell filled). One statement for any number of paths.
 */
export async function statsSums(
  db: Kysely<Database>,
  query: StatsQuery & { readonly paths: readonly string[] },
): Promise<Map<string, Map<string, number | null>>> {
  const out = new Map<string, Map<string, number | null>>();
  if (query.paths.length === 0) return out;
  if (cubeServes({ ...query, agencyCount: false })) {
    for (const row of await cubeStats(db, { ...query, agencyCount: false, sums: query.paths })) out.set(row.keyString, new Map(row.sums));
    return out;
  }
  const { select, group } = dims(query.groupBy);
  const groupWithPath = select.length === 0 ? sql`c.path` : sql`${group}, c.path`;
  const paths = [...new Set(query.paths)];
  // Rows in the buckets' order (as stats), so a limit of limit × paths rows covers the first `limit` buckets.
  const order =
    query.limit == null ? sql`` : sql`ORDER BY ${sql.join([...select.map((_, i) => sql`${sql.raw(String(i + 1))} NULLS LAST`), sql`${sql.raw(String(select.length + 1))}`])}`;
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.join([...select, sql`c.path AS path`, sql`sum(c.value)::float8 AS total`])}
    FROM reports r
      JOIN agencies a ON a.id = r.agency_id
      JOIN cells c ON c.report_id = r.id AND c.path = ANY(${paths}::text[])
    WHERE ${reportFilterSql(query.filter)}
    GROUP BY ${groupWithPath}
    ${order}
    ${limitSql(query.limit, paths.length)}`.execute(db);
  for (const row of result.rows) {
    const { keyString } = keyOf(query.groupBy, row);
    let m = out.get(keyString);
    if (!m) out.set(keyString, (m = new Map<string, number | null>()));
    m.set(row.path as string, row.total as number | null);
  }
  return out;
}
