import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { LintMessage, Report } from '@xxgk/schema';
import { ReportSchema } from '@xxgk/schema';
import { agencyKey } from '../agency-key.js';
import type { Analyzer } from '../analyze.js';
import { fingerprintsOf } from '../analyze.js';
import type { Database, StoredFinding } from '../database.js';
import { StoreError } from '../errors.js';
import { reportCells, tablesBalance } from '../report-cells.js';
import { withoutNul } from '../nul.js';
import { insertCells } from './cells.js';
import { toFinding } from './findings.js';
import { syncReviews } from './reviews.js';

/** A Report read elsewhere, with the text it was read from when known (text rules need it). */
export interface ReportInput {
  readonly report: Report;
  readonly text?: string;
}

/** What ingest accepts: document bytes or text (parsed first), a Report, or a Report with its text. */
export type IngestInput = Uint8Array | string | Report | ReportInput;

export interface IngestOptions {
  /** File name, a hint for the parser's format detection. */
  readonly name?: string;
  /** Validate a Report given directly against the schema (default true). */
  readonly validate?: boolean;
}

export type IngestStatus = 'inserted' | 'updated' | 'unchanged';

export interface IngestResult {
  /** inserted: a new report; updated: a corrected version replaced the earlier one; unchanged: already stored. */
  readonly status: IngestStatus;
  readonly reportId: number;
  readonly agencyId: number;
  readonly version: number;
  readonly report: Report;
  readonly findings: readonly StoredFinding[];
  /** Ids of next year's reports of the agency, linted again with this one as their previous report. */
  readonly relinted: readonly number[];
}

function isReportInput(input: Report | ReportInput): input is ReportInput {
  return 'report' in input && typeof input.report === 'object' && input.report !== null && !('sections' in input);
}

async function analyzeInput(
  input: IngestInput,
  analyzer: Analyzer,
  options: IngestOptions,
): Promise<{ report: Report; text: string | null }> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      const parsed = await analyzer.parse(input, options.name !== undefined ? { name: options.name } : {});
      return { report: parsed.report, text: parsed.text };
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      const code = (cause as { code?: unknown }).code;
      throw new StoreError('PARSE_FAILED', (cause as Error).message, {
        cause,
        ...(typeof code === 'string' ? { parseCode: code } : {}),
      });
    }
  }
  const given = isReportInput(input) ? input : { report: input, text: undefined };
  if (options.validate !== false) {
    const checked = ReportSchema.safeParse(given.report);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new StoreError('INVALID_REPORT', `not a valid Report: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`, {
        cause: checked.error,
      });
    }
  }
  return { report: given.report, text: given.text ?? null };
}

function toFindings(messages: readonly LintMessage[], fingerprints: readonly string[]): StoredFinding[] {
  return messages.map((m, i) => ({
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    ...(m.messageId !== undefined ? { messageId: m.messageId } : {}),
    line: m.line,
    column: m.column,
    ...(m.endLine !== undefined ? { endLine: m.endLine } : {}),
    ...(m.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
    ...(m.path !== undefined ? { path: m.path } : {}),
    ...(fingerprints[i] !== undefined ? { fingerprint: fingerprints[i] } : {}),
  }));
}

/** Lint, and fingerprint the findings (what reviews attach to). */
async function lintFindings(
  analyzer: Analyzer,
  report: Report,
  options: { text: string; previousReport?: Report; previousText?: string },
): Promise<StoredFinding[]> {
  const messages = await analyzer.lint(report, options);
  return toFindings(messages, await fingerprintsOf(analyzer, messages, options.text));
}

function counts(findings: readonly StoredFinding[]): { error_count: number; warning_count: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 2) errors += 1;
    else warnings += 1;
  }
  return { error_count: errors, warning_count: warnings };
}

async function insertChunked<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function writeFindings(
  trx: Transaction<Database>,
  reportId: number,
  findings: readonly StoredFinding[],
  fresh: boolean,
): Promise<void> {
  if (!fresh) await trx.deleteFrom('findings').where('report_id', '=', reportId).execute();
  await insertChunked(findings, 1000, (chunk) =>
    trx
      .insertInto('findings')
      .values(
        chunk.map((f, i) => ({
          report_id: reportId,
          ordinal: i,
          rule_id: f.ruleId,
          severity: f.severity,
          message: f.message,
          message_id: f.messageId ?? null,
          line: f.line,
          column: f.column,
          end_line: f.endLine ?? null,
          end_column: f.endColumn ?? null,
          path: f.path ?? null,
          fingerprint: f.fingerprint ?? null,
        })),
      )
      .execute(),
  );
}

async function writeCells(trx: Transaction<Database>, reportId: number, report: Report, fresh: boolean): Promise<void> {
  if (!fresh) await trx.deleteFrom('cell_values').where('report_id', '=', reportId).execute();
  const cells = reportCells(report);
  await insertCells(
    trx,
    cells.map((c) => ({ report_id: reportId, path: c.path, value: c.value, raw: c.raw })),
  );
}

async function upsertAgency(trx: Transaction<Database>, report: Report): Promise<number> {
  const a = report.agency;
  const row = await trx
    .insertInto('agencies')
    .values({
      key: agencyKey(a),
      name: a.name,
      level: a.level ?? null,
      kind: a.kind ?? null,
      region_code: a.region?.code ?? null,
      region_name: a.region?.name ?? null,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        name: (eb) => eb.ref('excluded.name'),
        level: sql`coalesce(excluded.level, agencies.level)`,
        kind: sql`coalesce(excluded.kind, agencies.kind)`,
        region_name: sql`coalesce(excluded.region_name, agencies.region_name)`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * parse → lint (with last year's report of the agency) → store, in one transaction; re-lints next
 * year's report when an earlier year arrives. The same document twice is one report; a different
 * document for the same agency and year replaces it and keeps the earlier version in report_versions.
 */
export async function ingest(
  db: Kysely<Database>,
  analyzer: Analyzer,
  input: IngestInput,
  options: IngestOptions = {},
): Promise<IngestResult> {
  // U+0000 cannot be stored as text/jsonb: replaced by U+FFFD before lint and store (offsets kept).
  const analyzed = withoutNul(await analyzeInput(input, analyzer, options));
  // A concurrent ingest of the same agency and year won the race (23505): run again, now as an update.
  return retryConflicts(() => store(db, analyzer, analyzed), ['23505']);
}

/**
 * Run a transaction again when PostgreSQL gave it up for another's sake: a deadlock (40P01; writers
 * of the stats cube lock its rows in grain order within a statement, not across statements) or one
 * of the given codes. At most three attempts.
 */
export async function retryConflicts<T>(run: () => Promise<T>, codes: readonly string[] = []): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !(code === '40P01' || codes.includes(code))) throw error;
    }
  }
}

async function store(
  db: Kysely<Database>,
  analyzer: Analyzer,
  { report, text }: { report: Report; text: string | null },
): Promise<IngestResult> {
  const sha = report.source.sha256;
  return db.transaction().execute(async (trx) => {
    const agencyId = await upsertAgency(trx, report);
    // This year's report, last year's (for cross-year rules) and next year's (to re-lint): one statement.
    const neighbours = await trx
      .selectFrom('reports')
      .select(['id', 'year', 'content_id', 'source_sha256', 'version', 'title', 'report', 'text', 'ingested_at'])
      .where('agency_id', '=', agencyId)
      .where((eb) =>
        report.year === null
          ? eb.and([eb('year', 'is', null), eb('source_sha256', '=', sha)])
          : eb('year', '=', sql<number>`ANY(${[report.year - 1, report.year, report.year + 1]}::int[])`),
      )
      .forUpdate()
      .execute();
    const existing = neighbours.find((r) => r.year === report.year);
    const previous = report.year === null ? undefined : neighbours.find((r) => r.year === (report.year as number) - 1);
    const next = report.year === null ? undefined : neighbours.find((r) => r.year === (report.year as number) + 1);

    if (existing && (existing.source_sha256 === sha || existing.content_id === report.id)) {
      const rows = await trx
        .selectFrom('findings')
        .selectAll()
        .where('report_id', '=', existing.id)
        .orderBy('ordinal')
        .execute();
      return {
        status: 'unchanged',
        reportId: existing.id,
        agencyId,
        version: existing.version,
        report: existing.report,
        findings: rows.map(toFinding),
        relinted: [],
      } satisfies IngestResult;
    }

    const findings = await lintFindings(analyzer, report, {
      text: text ?? '',
      ...(previous ? { previousReport: previous.report } : {}),
      ...(previous?.text != null ? { previousText: previous.text } : {}),
    });
    const columns = {
      agency_id: agencyId,
      year: report.year,
      content_id: report.id,
      source_sha256: sha,
      title: report.title,
      template: report.template,
      published_on: report.publishedOn,
      balanced: tablesBalance(report),
      ...counts(findings),
      report: JSON.stringify(report),
      text,
    };

    let reportId: number;
    let version: number;
    if (existing) {
      const old = await trx.selectFrom('findings').selectAll().where('report_id', '=', existing.id).orderBy('ordinal').execute();
      await trx
        .insertInto('report_versions')
        .values({
          report_id: existing.id,
          version: existing.version,
          content_id: existing.content_id,
          source_sha256: existing.source_sha256,
          title: existing.title,
          report: JSON.stringify(existing.report),
          findings: JSON.stringify(old.map(toFinding)),
          ingested_at: existing.ingested_at,
        })
        .execute();
      version = existing.version + 1;
      reportId = existing.id;
      await trx
        .updateTable('reports')
        .set({ ...columns, version, ingested_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where('id', '=', existing.id)
        .execute();
    } else {
      version = 1;
      const row = await trx.insertInto('reports').values({ ...columns, version }).returning('id').executeTakeFirstOrThrow();
      reportId = row.id;
    }
    await writeCells(trx, reportId, report, !existing);
    await writeFindings(trx, reportId, findings, !existing);
    // Decisions on findings this version no longer has are marked resolved (and reopened if back).
    if (existing) await syncReviews(trx, reportId);

    // An earlier year arriving (or being corrected) changes what next year's cross-year rules see.
    const relinted: number[] = [];
    if (next) {
      const nextFindings = await lintFindings(analyzer, next.report, {
        text: next.text ?? '',
        previousReport: report,
        ...(text != null ? { previousText: text } : {}),
      });
      await trx
        .updateTable('reports')
        .set({ ...counts(nextFindings), updated_at: sql<Date>`now()` })
        .where('id', '=', next.id)
        .execute();
      await writeFindings(trx, next.id, nextFindings, false);
      await syncReviews(trx, next.id);
      relinted.push(next.id);
    }
    return {
      status: existing ? 'updated' : 'inserted',
      reportId,
      agencyId,
      version,
      report,
      findings,
      relinted,
    } satisfies IngestResult;
  });
}
