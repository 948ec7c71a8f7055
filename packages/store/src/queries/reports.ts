import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Report, TemplateId } from '@xxgk/schema';
import type { AgencyKind, AgencyLevel } from '@xxgk/schema';
import type { Database, StoredFinding } from '../database.js';
import type { StoredAgency } from './agencies.js';
import { toFinding } from './findings.js';
import { reportFilterSql, reportOrderSql } from './report-filter.js';
import type { ReportFilter, ReportOrder } from './report-filter.js';
import { countFromCube } from './stats.js';

/** A report as stored: the model plus what the store knows about it. */
export interface StoredReport {
  readonly id: number;
  readonly agencyId: number;
  readonly year: number | null;
  readonly title: string;
  readonly template: TemplateId;
  readonly publishedOn: string | null;
  readonly contentId: string;
  readonly sourceSha256: string;
  /** Whether the table identities hold (null: no figures to check). */
  readonly balanced: boolean | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly version: number;
  readonly ingestedAt: Date;
  readonly updatedAt: Date;
  readonly report: Report;
  /** The report's agency, when the statement read it along (getReports, findReports and findReportSummaries do). */
  readonly agency?: StoredAgency;
  /** The report's findings (as findingsByReport), when asked to read them along (findReportSummaries with `findings`). */
  readonly findings?: StoredFinding[];
}

/** A report without its model: what lists need (the model is loaded on demand). */
export type ReportSummary = Omit<StoredReport, 'report'>;

/** An earlier version that a corrected report replaced. */
export interface ReportVersion {
  readonly reportId: number;
  readonly version: number;
  readonly contentId: string;
  readonly sourceSha256: string;
  readonly title: string;
  readonly report: Report;
  readonly findings: StoredFinding[];
  readonly ingestedAt: Date;
  readonly replacedAt: Date;
}

const COLUMNS = [
  'r.id',
  'r.agency_id',
  'r.year',
  'r.title',
  'r.template',
  'r.published_on',
  'r.content_id',
  'r.source_sha256',
  'r.balanced',
  'r.error_count',
  'r.warning_count',
  'r.version',
  'r.ingested_at',
  'r.updated_at',
  'r.report',
] as const;

/** The agency's columns read along with a report (one statement instead of a second for the agency). */
const AGENCY_COLUMNS = [
  'a.name as agency_name',
  'a.level as agency_level',
  'a.kind as agency_kind',
  'a.region_code as agency_region_code',
  'a.region_name as agency_region_name',
] as const;

interface AgencyRow {
  agency_id: number;
  agency_name: string;
  agency_level: string | null;
  agency_kind: string | null;
  agency_region_code: string | null;
  agency_region_name: string | null;
}

function agencyOf(row: AgencyRow): StoredAgency {
  return {
    id: row.agency_id,
    name: row.agency_name,
    level: row.agency_level as AgencyLevel | null,
    kind: row.agency_kind as AgencyKind | null,
    regionCode: row.agency_region_code,
    regionName: row.agency_region_name,
  };
}

interface Row {
  id: number;
  agency_id: number;
  year: number | null;
  title: string;
  template: string;
  published_on: string | null;
  content_id: string;
  source_sha256: string;
  balanced: boolean | null;
  error_count: number;
  warning_count: number;
  version: number;
  ingested_at: Date;
  updated_at: Date;
  report: Report;
}

function toStored(row: Row): StoredReport {
  return {
    id: row.id,
    agencyId: row.agency_id,
    year: row.year,
    title: row.title,
    template: row.template as TemplateId,
    publishedOn: row.published_on,
    contentId: row.content_id,
    sourceSha256: row.source_sha256,
    balanced: row.balanced,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    version: row.version,
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
    report: row.report,
  };
}

/** Reports by id, in the order asked (null where missing): one statement for any number of ids. */
export async function getReports(db: Kysely<Database>, ids: readonly number[]): Promise<(StoredReport | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([...COLUMNS, ...AGENCY_COLUMNS])
    .where('r.id', '=', sql<number>`ANY(${[...new Set(ids)]}::int[])`)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, { ...toStored(row), agency: agencyOf(row) }]));
  return ids.map((id) => byId.get(id) ?? null);
}

export interface FindReportsOptions {
  readonly filter?: ReportFilter | null;
  readonly orderBy?: ReportOrder | null;
  readonly limit: number;
  readonly offset?: number;
  /** findReportSummaries: read each report's findings in the same statement (a page that shows them: one round trip). */
  readonly findings?: boolean;
}

type FindingRow = Parameters<typeof toFinding>[0] & { id: number };

/** A page's findings in the page's statement: each report's, in linter order, as JSON. */
const FINDINGS_JSON = sql<FindingRow[]>`(
  SELECT coalesce(json_agg(json_build_object(
           'id', f.id, 'rule_id', f.rule_id, 'severity', f.severity, 'message', f.message, 'message_id', f.message_id,
           'line', f.line, 'column', f."column", 'end_line', f.end_line, 'end_column', f.end_column, 'path', f.path,
           'fingerprint', f.fingerprint) ORDER BY f.ordinal), '[]')
    FROM findings f WHERE f.report_id = r.id)`;

/** A page of reports matching a filter. */
export async function findReports(db: Kysely<Database>, options: FindReportsOptions): Promise<StoredReport[]> {
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([...COLUMNS, ...AGENCY_COLUMNS])
    .where(reportFilterSql(options.filter))
    .orderBy(reportOrderSql(options.orderBy))
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((row) => ({ ...toStored(row), agency: agencyOf(row) }));
}

/** A page of reports matching a filter, without their models (cheaper for lists), with their agencies. */
export async function findReportSummaries(db: Kysely<Database>, options: FindReportsOptions): Promise<ReportSummary[]> {
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([...COLUMNS.filter((c) => c !== 'r.report'), ...AGENCY_COLUMNS])
    .$if(options.findings === true, (q) => q.select(FINDINGS_JSON.as('findings_json')))
    .where(reportFilterSql(options.filter))
    .orderBy(reportOrderSql(options.orderBy))
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((row) => {
    const { report: _model, ...summary } = toStored({ ...row, report: null as unknown as Report });
    const json = (row as { findings_json?: FindingRow[] | string }).findings_json;
    if (json === undefined) return { ...summary, agency: agencyOf(row) };
    const list = typeof json === 'string' ? (JSON.parse(json) as FindingRow[]) : json;
    return { ...summary, agency: agencyOf(row), findings: list.map((f) => ({ ...toFinding(f), id: f.id, reportId: row.id })) };
  });
}

/** How many reports match a filter: from the stats cube when it can tell, else by counting them. */
export async function countReports(db: Kysely<Database>, filter?: ReportFilter | null): Promise<number> {
  const fromCube = await countFromCube(db, filter);
  if (fromCube !== null) return fromCube;
  const row = await db
    .selectFrom('reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(reportFilterSql(filter))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The reports of each agency, newest year first: one statement for any number of agencies. */
export async function reportsByAgency(db: Kysely<Database>, agencyIds: readonly number[]): Promise<StoredReport[][]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('reports as r')
    .select(COLUMNS)
    .where('r.agency_id', '=', sql<number>`ANY(${[...new Set(agencyIds)]}::int[])`)
    .orderBy(sql`r.year DESC NULLS LAST`)
    .orderBy('r.id', 'desc')
    .execute();
  return groupByAgency(agencyIds, rows.map(toStored));
}

/** As reportsByAgency, without the models (lists of an agency's reports need no model: far less to read). */
export async function reportSummariesByAgency(db: Kysely<Database>, agencyIds: readonly number[]): Promise<ReportSummary[][]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('reports as r')
    .select(COLUMNS.filter((c) => c !== 'r.report'))
    .where('r.agency_id', '=', sql<number>`ANY(${[...new Set(agencyIds)]}::int[])`)
    .orderBy(sql`r.year DESC NULLS LAST`)
    .orderBy('r.id', 'desc')
    .execute();
  return groupByAgency(
    agencyIds,
    rows.map((row) => {
      const { report: _model, ...summary } = toStored({ ...row, report: null as unknown as Report });
      return summary;
    }),
  );
}

function groupByAgency<T extends { readonly agencyId: number }>(agencyIds: readonly number[], reports: readonly T[]): T[][] {
  const by = new Map<number, T[]>();
  for (const report of reports) {
    const list = by.get(report.agencyId) ?? [];
    list.push(report);
    by.set(report.agencyId, list);
  }
  return agencyIds.map((id) => by.get(id) ?? []);
}

/** Earlier versions of each report, oldest first. */
export async function reportHistory(db: Kysely<Database>, reportIds: readonly number[]): Promise<ReportVersion[][]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_versions')
    .selectAll()
    .where('report_id', '=', sql<number>`ANY(${[...new Set(reportIds)]}::int[])`)
    .orderBy('report_id')
    .orderBy('version')
    .execute();
  const by = new Map<number, ReportVersion[]>();
  for (const row of rows) {
    const list = by.get(row.report_id) ?? [];
    list.push({
      reportId: row.report_id,
      version: row.version,
      contentId: row.content_id,
      sourceSha256: row.source_sha256,
      title: row.title,
      report: row.report,
      findings: row.findings,
      ingestedAt: row.ingested_at,
      replacedAt: row.replaced_at,
    });
    by.set(row.report_id, list);
  }
  return reportIds.map((id) => by.get(id) ?? []);
}

/** The values of given cells of given reports (path → value), one statement. */
export async function cellValues(
  db: Kysely<Database>,
  reportIds: readonly number[],
  paths: readonly string[],
): Promise<Map<number, Map<string, { value: number | null; raw: string | null }>>> {
  const out = new Map<number, Map<string, { value: number | null; raw: string | null }>>();
  if (reportIds.length === 0 || paths.length === 0) return out;
  const rows = await db
    .selectFrom('cells')
    .select(['report_id', 'path', 'value', 'raw'])
    .where('report_id', '=', sql<number>`ANY(${[...new Set(reportIds)]}::int[])`)
    .where('path', '=', sql<string>`ANY(${[...new Set(paths)]}::text[])`)
    .execute();
  for (const row of rows) {
    let m = out.get(row.report_id);
    if (!m) out.set(row.report_id, (m = new Map<string, { value: number | null; raw: string | null }>()));
    m.set(row.path, { value: row.value, raw: row.raw });
  }
  return out;
}
