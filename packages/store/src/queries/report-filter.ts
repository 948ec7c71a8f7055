import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { AgencyLevel, TemplateId } from '@xxgk/schema';

/** Which reports a query covers. Every field narrows; absent fields don't. */
export interface ReportFilter {
  /** Reporting years, inclusive. */
  readonly yearFrom?: number | null;
  readonly yearTo?: number | null;
  readonly agencyIds?: readonly number[] | null;
  /** Substring of the agency's name. */
  readonly agencyName?: string | null;
  /** Prefix of the 6-digit region code: '44' (a province), '4403' (a prefecture), '440305'. */
  readonly regionCode?: string | null;
  readonly levels?: readonly AgencyLevel[] | null;
  readonly templates?: readonly TemplateId[] | null;
  /** Reports with at least one finding of this rule and/or severity (1 warning, 2 error). */
  readonly hasFindings?: { readonly ruleId?: string | null; readonly severity?: 1 | 2 | null } | null;
  /** Substring of the title. */
  readonly title?: string | null;
  /** true: every table identity holds; false: one fails. */
  readonly balanced?: boolean | null;
}

export type ReportOrderField = 'YEAR' | 'PUBLISHED_ON' | 'TITLE' | 'AGENCY_NAME' | 'ERROR_COUNT' | 'INGESTED_AT';
export interface ReportOrder {
  readonly field: ReportOrderField;
  readonly direction: 'ASC' | 'DESC';
}

/** LIKE pattern for a literal substring. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** LIKE pattern for a literal prefix. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The filter as a condition over `reports r JOIN agencies a`. */
export function reportFilterSql(filter: ReportFilter | null | undefined): RawBuilder<SqlBool> {
  const conds: RawBuilder<unknown>[] = [];
  const f = filter ?? {};
  if (f.yearFrom != null) conds.push(sql`r.year >= ${f.yearFrom}`);
  if (f.yearTo != null) conds.push(sql`r.year <= ${f.yearTo}`);
  if (f.agencyIds != null) conds.push(sql`r.agency_id = ANY(${[...f.agencyIds]}::int[])`);
  if (f.agencyName != null && f.agencyName !== '') conds.push(sql`a.name LIKE ${likeContains(f.agencyName)}`);
  if (f.regionCode != null && f.regionCode !== '') {
    conds.push(sql`a.region_code LIKE ${likePrefix(f.regionCode)}`);
  }
  if (f.levels != null) conds.push(sql`a.level = ANY(${[...f.levels]}::text[])`);
  if (f.templates != null) conds.push(sql`r.template = ANY(${[...f.templates]}::text[])`);
  if (f.title != null && f.title !== '') conds.push(sql`r.title ILIKE ${likeContains(f.title)}`);
  if (f.balanced != null) conds.push(sql`r.balanced = ${f.balanced}`);
  if (f.hasFindings != null) {
    const { ruleId, severity } = f.hasFindings;
    const inner: RawBuilder<unknown>[] = [sql`f.report_id = r.id`];
    if (ruleId != null) inner.push(sql`f.rule_id = ${ruleId}`);
    if (severity != null) inner.push(sql`f.severity = ${severity}`);
    conds.push(sql`EXISTS (SELECT 1 FROM findings f WHERE ${sql.join(inner, sql` AND `)})`);
  }
  if (conds.length === 0) return sql<SqlBool>`TRUE`;
  return sql<SqlBool>`${sql.join(conds, sql` AND `)}`;
}

const ORDER_COLUMNS: Record<ReportOrderField, string> = {
  YEAR: 'r.year',
  PUBLISHED_ON: 'r.published_on',
  TITLE: 'r.title',
  AGENCY_NAME: 'a.name',
  ERROR_COUNT: 'r.error_count',
  INGESTED_AT: 'r.ingested_at',
};

/** ORDER BY for a report order, with the id as tie-breaker so pages are stable. */
export function reportOrderSql(order: ReportOrder | null | undefined): RawBuilder<unknown> {
  const o = order ?? { field: 'YEAR', direction: 'DESC' };
  const dir = o.direction === 'ASC' ? sql`ASC NULLS LAST` : sql`DESC NULLS LAST`;
  const idDir = o.direction === 'ASC' ? sql`ASC` : sql`DESC`;
  return sql`${sql.raw(ORDER_COLUMNS[o.field])} ${dir}, r.id ${idDir}`;
}
