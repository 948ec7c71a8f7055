import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { LintMessage, Report } from '@xxgk/schema';
import { agencyKey } from '../agency-key.js';
import type { Analyzer } from '../analyze.js';
import { fingerprintsOf } from '../analyze.js';
import type { Database } from '../database.js';
import { withoutNul } from '../nul.js';
import { reportCells, tablesBalance } from '../report-cells.js';
import { insertCells } from './cells.js';
import { retryConflicts } from './ingest.js';
import type { ReportInput } from './ingest.js';

export interface ImportOptions {
  /** Reports per transaction (default 200). */
  readonly batchSize?: number;
  /** Batches written at the same time (store default: 2 on PostgreSQL, 1 on PGlite). The next batch is linted meanwhile. */
  readonly concurrency?: number;
  /**
   * How many reports (with their texts) are kept in memory as "last year's report" for the next years'
   * cross-year rules (default 2,000, at least the batches in flight); older ones are read back from the
   * database when needed, so memory stays bounded on imports of any size.
   */
  readonly keepLastYears?: number;
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

/** Last year's report of an agency and its text (cross-year rules, copied-text). */
interface LastYear {
  readonly report: Report;
  readonly text: string | null;
}

/** A batch linted in memory, ready to write. */
interface PreparedBatch {
  readonly agencies: readonly (readonly [string, Report['agency']])[];
  readonly linted: readonly {
    readonly item: ReportInput;
    readonly key: string;
    readonly messages: readonly LintMessage[];
    readonly fingerprints: readonly string[];
  }[];
  /** Reports read up to and including this batch (for onProgress). */
  readonly read: number;
}

/**
 * Lint a batch in order (a batch may hold several years of one agency), outside any transaction, so
 * it overlaps the write of the batch before it. Last year's reports come from the batches seen
 * (keyed by agency key) or, when missing, from the database in one statement.
 */
async function prepareBatch(
  db: Kysely<Database>,
  analyzer: Analyzer,
  batch: readonly ReportInput[],
  lastYear: Map<string, LastYear>,
  read: number,
): Promise<PreparedBatch> {
  const agencies = new Map<string, Report['agency']>();
  const keys = batch.map(({ report }) => {
    const key = agencyKey(report.agency);
    agencies.set(key, report.agency);
    return key;
  });
  const wanted = batch.filter(({ report }, i) => report.year !== null && !lastYear.has(`${keys[i]}|${report.year - 1}`));
  if (wanted.length > 0) {
    const rows = await db
      .selectFrom('reports')
      .innerJoin('agencies', 'agencies.id', 'reports.agency_id')
      .select(['agencies.key', 'reports.year', 'reports.report', 'reports.text'])
      .where('agencies.key', '=', sql<string>`ANY(${[...new Set(wanted.map((w) => agencyKey(w.report.agency)))]}::text[])`)
      .where('reports.year', '=', sql<number>`ANY(${[...new Set(wanted.map((w) => (w.report.year as number) - 1))]}::int[])`)
      .execute();
    for (const row of rows) {
      const k = `${row.key}|${row.year}`;
      if (!lastYear.has(k)) lastYear.set(k, { report: row.report, text: row.text });
    }
  }
  const linted = [];
  for (const [i, item] of batch.entries()) {
    const { report } = item;
    const key = keys[i] as string;
    const previous = report.year !== null ? lastYear.get(`${key}|${report.year - 1}`) : undefined;
    const messages = await analyzer.lint(report, {
      text: item.text ?? '',
      ...(previous ? { previousReport: previous.report } : {}),
      ...(previous?.text != null ? { previousText: previous.text } : {}),
    });
    if (report.year !== null) lastYear.set(`${key}|${report.year}`, { report, text: item.text ?? null });
    const fingerprints = await fingerprintsOf(analyzer, messages, item.text ?? null);
    linted.push({ item, key, messages, fingerprints });
  }
  // Sorted: concurrent batches lock shared agency rows in one order (no deadlock).
  return { agencies: [...agencies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), linted, read };
}

/** Write a prepared batch in one transaction: every report with its cells and findings, or none. */
async function writeBatch(trx: Transaction<Database>, batch: PreparedBatch): Promise<number> {
  // 1. agencies, one statement
  const agencyRows = await trx
    .insertInto('agencies')
    .values(
      batch.agencies.map(([key, a]) => ({
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

  // 2. reports, skipping those already stored (any unique key)
  const inserted = new Map<string, number>();
  await chunked(batch.linted, 200, async (chunk) => {
    const rows = await trx
      .insertInto('reports')
      .values(
        chunk.map(({ item: { report, text }, key, messages }) => ({
          agency_id: agencyId.get(key) as number,
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

  // 3. cells and findings of the inserted reports, in large multi-row statements
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
    fingerprint: string | null;
  }[] = [];
  for (const { item, key, messages, fingerprints } of batch.linted) {
    const reportId = inserted.get(`${agencyId.get(key)}|${item.report.year}|${item.report.source.sha256}`);
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
        fingerprint: fingerprints[i] ?? null,
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
 * The next batch is read and linted while earlier ones are written (up to `concurrency` in flight).
 */
export async function importReports(
  db: Kysely<Database>,
  analyzer: Analyzer,
  inputs: Iterable<ReportInput> | AsyncIterable<ReportInput>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const size = options.batchSize ?? 200;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const lastYear = new Map<string, LastYear>();
  const keep = Math.max(options.keepLastYears ?? 2_000, size * (concurrency + 1));
  let batch: ReportInput[] = [];
  let read = 0;
  let inserted = 0;
  const state: { failed: boolean; error: unknown } = { failed: false, error: undefined };
  const inFlight = new Map<Promise<void>, number>();
  // Progress is reported in reading order: a batch once every batch read before it is written.
  const done: number[] = [];
  const report = () => {
    const oldest = Math.min(...inFlight.values());
    done.sort((a, b) => a - b);
    while (done.length > 0 && (done[0] as number) < oldest) {
      const count = done.shift() as number;
      options.onProgress?.(count);
    }
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const prepared = await prepareBatch(db, analyzer, current, lastYear, read);
    // Oldest first: a report of a batch not yet written is among the newest entries and stays.
    for (const key of lastYear.keys()) {
      if (lastYear.size <= keep) break;
      lastYear.delete(key);
    }
    while (inFlight.size >= concurrency) await Promise.race(inFlight.keys());
    if (state.failed) throw state.error;
    const write: Promise<void> = retryConflicts(() => db.transaction().execute((trx) => writeBatch(trx, prepared))).then(
      (n) => {
        inserted += n;
        inFlight.delete(write);
        done.push(prepared.read);
        report();
      },
      (error: unknown) => {
        inFlight.delete(write);
        if (!state.failed) Object.assign(state, { failed: true, error });
      },
    );
    inFlight.set(write, prepared.read);
  };
  try {
    for await (const input of inputs) {
      batch.push(withoutNul(input));
      read += 1;
      if (batch.length >= size) await flush();
    }
    await flush();
  } finally {
    await Promise.all(inFlight.keys());
  }
  if (state.failed) throw state.error;
  report();
  return { inserted, skipped: read - inserted };
}
