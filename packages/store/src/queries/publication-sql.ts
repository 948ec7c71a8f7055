import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/**
 * SQL pieces for publication records (coverage): the deadline of an agency's report for a year, its
 * status and whether the document is a 工作总结. They mirror the `publication-deadline` and
 * `document-kind` lint rules so the coverage and the findings agree.
 */

/** An ISO date (what Report.publishedOn holds); anything else counts as undated. */
const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/**
 * True when the agency (alias `a`) reports as a 部门 under 条例 (2019) Art. 49 (deadline 1月31日):
 * kind department, a 乡镇 government, or (kind unknown/other) a name that is clearly a 部门's or a
 * 街道's. A 县级以上人民政府 and bodies the regulation does not name (开发区管委会, 行政公署) get 3月31日,
 * as in the lint rule.
 */
export function isDepartmentSql(): RawBuilder<SqlBool> {
  return sql<SqlBool>`(CASE
    WHEN a.kind = 'government' THEN (a.level IS NOT DISTINCT FROM 'township' OR btrim(a.name) ~ '(乡|镇|苏木)人民政府$')
    WHEN a.kind = 'department' THEN TRUE
    WHEN btrim(a.name) ~ '人民政府$' THEN (a.level IS NOT DISTINCT FROM 'township' OR btrim(a.name) ~ '(乡|镇|苏木)人民政府$')
    ELSE btrim(a.name) ~ '(局|委员会|委|办公室|办|厅|部|署|中心|所|站|处|队|街道办事处|街道)$'
      AND btrim(a.name) !~ '(管理委员会|管委会|人民政府|行政公署|行署)$'
  END)`;
}

/** The deadline (ISO date text) of agency `a`'s report for `year`: 3月31日 before 2019, then by issuer. */
export function deadlineSql(year: RawBuilder<number>): RawBuilder<string> {
  return sql<string>`(lpad((${year} + 1)::text, 4, '0') || CASE WHEN ${year} <= 2018 OR NOT ${isDepartmentSql()} THEN '-03-31' ELSE '-01-31' END)`;
}

/** Report `r`'s publication date when it is a date, else null. */
export function publishedOnSql(): RawBuilder<string | null> {
  return sql<string | null>`(CASE WHEN r.published_on ~ ${ISO_DATE} THEN r.published_on END)`;
}

/** Report `r` is a 工作总结 (by the stored document-kind finding, or by its title as that rule reads it). */
export function workSummarySql(): RawBuilder<SqlBool> {
  return sql<SqlBool>`((r.title ~ '工作总结|工作總結|总结|總結' AND r.title !~ '年度(工作)?[报報]告|年[报報]')
    OR EXISTS (SELECT 1 FROM findings wf WHERE wf.report_id = r.id AND wf.rule_id = 'document-kind' AND wf.message_id = 'workSummary'))`;
}

/** Today (UTC) as an ISO date: what "the deadline has passed" is measured against by default. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Agency `a` has no report for `year` and the deadline has passed by `asOf`. */
export function missingReportSql(year: number, asOf: string): RawBuilder<SqlBool> {
  const y = sql<number>`${year}::int`;
  return sql<SqlBool>`(NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id AND r.year = ${y}) AND ${deadlineSql(y)} < ${asOf}::text COLLATE "C")`;
}

/** Agency `a`'s report for `year` is dated after its deadline. */
export function lateReportSql(year: number): RawBuilder<SqlBool> {
  const y = sql<number>`${year}::int`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id AND r.year = ${y} AND ${publishedOnSql()} > ${deadlineSql(y)} COLLATE "C")`;
}

/** Agency `a`'s report for `year` is a 工作总结. */
export function workSummaryReportSql(year: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id AND r.year = ${sql<number>`${year}::int`} AND ${workSummarySql()})`;
}
