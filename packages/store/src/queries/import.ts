import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { LintMessage, Report } from '@xxgk/schema';
import { agencyKey } from '../agency-key.js';
import type { Analyzer } from '../analyze.js';
import type { Database } from '../database.js';
import { reportCells, tablesBalance } from '../report-cells.js';
import { insertCells } from './cells.js';
import type { ReportInput } from './ingest.js';

export interface ImportOptions {
  /** Reports per transaction (default 200). */
  readonly batchSize?: number;
  /** Called after each batch with the number of reports read so far. */
  readonly onProgress?: (done: number) => void;
}

export interface ImportResult {
  /** Reports stored. */
  readonly inserted: number;
  /** Reports skipped because their agency already has a report for that year (use ingest to replace one). */
  readonly skipped: number;
}

async function chunked<T>(rows: readonly T[], size: number, run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

function countsOf(messages: readonly LintMessage[]): { error_count: number; warning_count: number } {
  const errors = messages.filter((m) => m.severity === 2).length;
  return { error_count: errors, warning_count: messages.length - errors };
}

async function importBatch(
  trx: Transaction<Database>,
  analyzer: Analyzer,
  batch: readonly ReportInput[],
  lastYear: Map<string, Report>,
): Promise<number> {
  // 1. agencies, one statement
  const agencies = new Map<string, Report['agency']>();
  for (const { report } of batch) agencies.set(agencyKey(report.agency), report.agency);
  const agencyRows = await trx
    .insertInto('agencies')
    .values(
      [...agencies].map(([key, a]) => ({
        key,
        name: a.name,
        level: a.level ?? null,
        kind: a.kind ?? null,
        region_code: a.region?.code ?? null,
        region_name: a.region?.name ?? null,
      })),
    )
    .onConflict((oc) => oc.column('key').doUpdateSet({ name: (eb) => eb.ref('excluded.name') }))
    .returning(['id', 'key'])
    .execute();
  const agencyId = new Map(agencyRows.map((r) => [r.key, r.id]));
  const idOf = (report: Report) => agencyId.get(agencyKey(report.agency)) as number;

  // 2. last year's reports not already at hand, one statement
  const wanted = batch.filter(({ report }) => report.year !== null && !lastYear.has(`${idOf(report)}|${report.year - 1}`));
  if (wanted.length > 0) {
    const rows = await trx
      .selectFrom('reports')
      .select(['agency_id', 'year', 'report'])
      .where('agency_id', '=', sql<number>`ANY(${[...new Set(wanted.map((w) => idOf(w.report)))]}::int[])`)
      .where('year', '=', sql<number>`ANY(${[...new Set(wanted.map((w) => (w.report.year as number) - 1))]}::int[])`)
      .execute();
    for (const row of rows) lastYear.set(`${row.agency_id}|${row.year}`, row.report);
  }

  // 3. lint in memory, in order (a batch may hold several years of one agency)
  const linted = [];
  for (const item of batch) {
    const { report } = item;
    const id = idOf(report);
    const previous = report.year !== null ? lastYear.get(`${id}|${report.year - 1}`) : undefined;
    const messages = await analyzer.lint(report, { text: item.text ?? '', ...(previous ? { previousReport: previous } : {}) });
    if (report.year !== null) lastYear.set(`${id}|${report.year}`, report);
    linted.push({ item, agencyId: id, messages });
  }

  // 4. reports, skipping those already stored (any unique key)
  const inserted = new Map<string, number>();
  await chunked(linted, 200, async (chunk) => {
    const rows = await trx
      .insertInto('reports')
      .values(
        chunk.map(({ item: { report, text }, agencyId: id, messages }) => ({
          agency_id: id,
          year: report.year,
          content_id: report.id,
          source_sha256: report.source.sha256,
          title: report.title,
          template: report.template,
          published_on: report.publishedOn,
          balanced: tablesBalance(report),
          ...countsOf(messages),
          version: 1,
          report: JSON.stringify(report),
          text: text ?? null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'agency_id', 'year', 'source_sha256'])
      .execute();
    for (const row of rows) inserted.set(`${row.agency_id}|${row.year}|${row.source_sha256}`, row.id);
  });

  // 5. cells and findings of the inserted reports, in large multi-row statements
  const cells: { report_id: number; path: string; value: number | null; raw: string | null }[] = [];
  const findingRows: {
    report_id: number;
    ordinal: number;
    rule_id: string | null;
    severity: number;
    message: string;
    message_id: string | null;
    line: number;
    column: number;
    end_line: number | null;
    end_column: number | null;
    path: string | null;
  }[] = [];
  for (const { item, agencyId: id, messages } of linted) {
    const reportId = inserted.get(`${id}|${item.report.year}|${item.report.source.sha256}`);
    if (reportId === undefined) continue;
    for (const c of reportCells(item.report)) cells.push({ report_id: reportId, path: c.path, value: c.value, raw: c.raw });
    messages.forEach((m, i) =>
      findingRows.push({
        report_id: reportId,
        ordinal: i,
        rule_id: m.ruleId,
        severity: m.severity,
        message: m.message,
        message_id: m.messageId ?? null,
        line: m.line,
        column: m.column,
        end_line: m.endLine ?? null,
        end_column: m.endColumn ?? null,
        path: m.path ?? null,
      }),
    );
  }
  await chunked(cells, 20000, (chunk) => insertCells(trx, chunk));
  await chunked(findingRows, 2000, (chunk) => trx.insertInto('findings').values(chunk).execute());
  return inserted.size;
}

/**
 * Store many Reports fast (demo data, bulk loads): batches of multi-row statements, each batch one
 * transaction; linted with last year's report like ingest. Reports whose agency already has one for
 * that year are skipped, and later years are not re-linted: use ingest for corrections.
 */
export async function importReports(
  db: Kysely<Database>,
  analyzer: Analyzer,
  inputs: Iterable<ReportInput> | AsyncIterable<ReportInput>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const size = options.batchSize ?? 200;
  const lastYear = new Map<string, Report>();
  let batch: ReportInput[] = [];
  let read = 0;
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    inserted += await db.transaction().execute((trx) => importBatch(trx, analyzer, current, lastYear));
    options.onProgress?.(read);
  };
  for await (const input of inputs) {
    batch.push(input);
    read += 1;
    if (batch.length >= size) await flush();
  }
  await flush();
  return { inserted, skipped: read - inserted };
}
