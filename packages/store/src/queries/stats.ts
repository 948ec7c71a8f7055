import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../database.js';
import { StoreError } from '../errors.js';
import { reportFilterSql } from './report-filter.js';
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
  readonly agencyCount: number;
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

/** Report, agency and finding counts per bucket (ordered by the dimensions), and the sums of the cells in `sums`. */
export async function stats(db: Kysely<Database>, query: StatsQuery & { readonly sums?: readonly string[] }): Promise<StatsBucketRow[]> {
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
  const order = select.length === 0 ? sql`1` : sql.join(select.map((_, i) => sql`${sql.raw(String(i + 1))} NULLS LAST`));
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.join(cols)}
    FROM reports r JOIN agencies a ON a.id = r.agency_id ${cells}
    WHERE ${reportFilterSql(query.filter)}
    GROUP BY ${group}
    ORDER BY ${order}
    ${limitSql(query.limit)}`.execute(db);
  const unique = [...new Set(query.groupBy)];
  return result.rows.map((row) => ({
    ...keyOf(query.groupBy, row, unique),
    reportCount: row.report_count as number,
    agencyCount: row.agency_count as number,
    errorCount: row.error_count as number,
    warningCount: row.warning_count as number,
    unbalancedCount: row.unbalanced_count as number,
    ...(paths.length === 0 ? {} : { sums: new Map(paths.map((p, i) => [p, (row[`sum${i}`] as number | null) ?? null])) }),
  }));
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
