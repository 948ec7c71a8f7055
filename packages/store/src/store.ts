import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { createDefaultAnalyzer } from './analyze.js';
import type { Analyzer } from './analyze.js';
import type { Database, StoredFinding } from './database.js';
import type { Connection, DriverName } from './drivers/connection.js';
import { openPglite } from './drivers/pglite.js';
import { openPostgres } from './drivers/postgres.js';
import { StoreError } from './errors.js';
import { migrate } from './migrate.js';
import { countAgencies, findAgencies, getAgencies } from './queries/agencies.js';
import type { AgencyFilter, StoredAgency } from './queries/agencies.js';
import { coverage, publicationsByAgency } from './queries/coverage.js';
import type { CoverageQuery, CoverageRow, Publication, YearRange } from './queries/coverage.js';
import { findingsByReport } from './queries/findings.js';
import { importReports } from './queries/import.js';
import type { ImportOptions, ImportResult } from './queries/import.js';
import { ingest } from './queries/ingest.js';
import type { IngestInput, IngestOptions, IngestResult, ReportInput } from './queries/ingest.js';
import type { ReportFilter } from './queries/report-filter.js';
import { reportTexts } from './queries/report-texts.js';
import { backfillFingerprints, reviewFinding, reviewsByReport } from './queries/reviews.js';
import type { ReviewFindingInput, ReviewsOptions, StoredReview } from './queries/reviews.js';
import { cellValues, countReports, findReportSummaries, findReports, getReports, reportHistory, reportsByAgency, reportSummariesByAgency } from './queries/reports.js';
import type { FindReportsOptions, ReportSummary, ReportVersion, StoredReport } from './queries/reports.js';
import { stats, statsSums } from './queries/stats.js';
import type { StatsBucketRow, StatsQuery } from './queries/stats.js';

export interface StoreOptions {
  /** postgres://… — use that server. Default: the DATABASE_URL environment variable. */
  readonly databaseUrl?: string;
  /** PostgreSQL schema (created when missing) to work in; for isolated test runs. */
  readonly schema?: string;
  /** Folder of the embedded database. Default: XXGK_DATA_DIR, else `.xxgk/data` under `cwd`. */
  readonly dataDir?: string;
  /** Embedded and in memory (nothing written to disk). */
  readonly inMemory?: boolean;
  /** An existing PGlite instance (e.g. a clone of a seeded template); the store takes ownership. */
  readonly pglite?: PGlite;
  /** parse + lint used by ingest. Default: @xxgk/parse and @xxgk/lint. */
  readonly analyzer?: Analyzer;
  /** Apply pending migrations on open (default true). */
  readonly migrate?: boolean;
  /** Called with the SQL of every statement run (e.g. to count statements in tests). */
  readonly onQuery?: (sql: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

/** Reports, agencies, findings and figures, over PGlite or PostgreSQL. */
export interface Store {
  readonly driver: DriverName;
  /** The Kysely handle, for queries the store does not offer. */
  readonly db: Kysely<Database>;
  ingest(input: IngestInput, options?: IngestOptions): Promise<IngestResult>;
  /** Many Reports at once (bulk loads, demo data): batched, linted, existing agency/years skipped. */
  importReports(inputs: Iterable<ReportInput> | AsyncIterable<ReportInput>, options?: ImportOptions): Promise<ImportResult>;
  getReports(ids: readonly number[]): Promise<(StoredReport | null)[]>;
  findReports(options: FindReportsOptions): Promise<StoredReport[]>;
  /** findReports without the models. */
  findReportSummaries(options: FindReportsOptions): Promise<ReportSummary[]>;
  countReports(filter?: ReportFilter | null): Promise<number>;
  reportsByAgency(agencyIds: readonly number[]): Promise<StoredReport[][]>;
  /** As reportsByAgency, without the models. */
  reportSummariesByAgency(agencyIds: readonly number[]): Promise<ReportSummary[][]>;
  reportHistory(reportIds: readonly number[]): Promise<ReportVersion[][]>;
  /** The decoded texts of reports (null where missing or not kept), in the order asked. */
  reportTexts(reportIds: readonly number[]): Promise<(string | null)[]>;
  findingsByReport(reportIds: readonly number[]): Promise<StoredFinding[][]>;
  /** Accept or dismiss a finding; an earlier decision on it is kept, marked superseded. */
  reviewFinding(input: ReviewFindingInput): Promise<StoredReview>;
  /** A report's decisions, oldest first: current ones on findings it still has, unless told otherwise. */
  reviews(reportId: number, options?: ReviewsOptions): Promise<StoredReview[]>;
  /** reviews() for many reports in one statement. */
  reviewsByReport(reportIds: readonly number[], options?: ReviewsOptions): Promise<StoredReview[][]>;
  cellValues(reportIds: readonly number[], paths: readonly string[]): ReturnType<typeof cellValues>;
  getAgencies(ids: readonly number[]): Promise<(StoredAgency | null)[]>;
  findAgencies(options: { filter?: AgencyFilter | null; limit: number; offset?: number }): Promise<StoredAgency[]>;
  countAgencies(filter?: AgencyFilter | null): Promise<number>;
  /** Every known agency matching the query × each year: its publication record (one statement). */
  coverage(query: CoverageQuery): Promise<CoverageRow[]>;
  /** Publication records per agency, in the order asked. */
  publicationsByAgency(agencyIds: readonly number[], range?: YearRange): Promise<Publication[][]>;
  /** Counts per bucket; with `sums`, each bucket's sums of those cell paths too (same statement). */
  stats(query: StatsQuery & { readonly sums?: readonly string[] }): Promise<StatsBucketRow[]>;
  statsSums(query: StatsQuery & { readonly paths: readonly string[] }): Promise<Map<string, Map<string, number | null>>>;
  /** True when no report is stored yet. */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}

/** The embedded database folder the CLI and gateway use by default. */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): string {
  return env.XXGK_DATA_DIR ?? resolve(cwd, '.xxgk/data');
}

async function connect(options: StoreOptions): Promise<Connection> {
  const env = options.env ?? process.env;
  const url = options.databaseUrl ?? (options.pglite || options.inMemory || options.dataDir !== undefined ? undefined : env.DATABASE_URL);
  if (url !== undefined && url !== '') {
    return openPostgres({ url, ...(options.schema !== undefined ? { schema: options.schema } : {}), ...onQuery(options) });
  }
  if (options.pglite) return openPglite({ pglite: options.pglite, ...onQuery(options) });
  if (options.inMemory) return openPglite(onQuery(options));
  return openPglite({ dataDir: options.dataDir ?? defaultDataDir(env, options.cwd), ...onQuery(options) });
}

function onQuery(options: StoreOptions): { onQuery?: (sql: string) => void } {
  return options.onQuery ? { onQuery: options.onQuery } : {};
}

/** Open (and migrate) the store: PostgreSQL when a URL is given or DATABASE_URL is set, else embedded PGlite. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const conn = await connect(options);
  const { db } = conn;
  try {
    if (options.migrate !== false) {
      await migrate(db);
      // Findings stored before fingerprints existed get theirs (a no-op once done).
      await backfillFingerprints(db, options.analyzer ?? createDefaultAnalyzer()).catch((error: unknown) => {
        // Without @xxgk/lint the store still opens; the fingerprints are filled in a later open.
        if (error instanceof StoreError && error.code === 'ANALYZER_UNAVAILABLE') return 0;
        throw error;
      });
    }
  } catch (error) {
    await conn.close();
    throw error;
  }
  const analyzer = options.analyzer ?? createDefaultAnalyzer();
  return {
    driver: conn.driver,
    db,
    ingest: (input, opts) => ingest(db, analyzer, input, opts),
    // PostgreSQL: two batches written at once (≈ 1.1–1.15 × the rate of one; bench/RESULTS.md, ingest).
    importReports: (inputs, opts) => importReports(db, analyzer, inputs, { concurrency: conn.driver === 'postgres' ? 2 : 1, ...opts }),
    getReports: (ids) => getReports(db, ids),
    findReports: (opts) => findReports(db, opts),
    findReportSummaries: (opts) => findReportSummaries(db, opts),
    countReports: (filter) => countReports(db, filter),
    reportsByAgency: (ids) => reportsByAgency(db, ids),
    reportSummariesByAgency: (ids) => reportSummariesByAgency(db, ids),
    reportHistory: (ids) => reportHistory(db, ids),
    reportTexts: (ids) => reportTexts(db, ids),
    findingsByReport: (ids) => findingsByReport(db, ids),
    reviewFinding: (input) => reviewFinding(db, input),
    reviews: async (reportId, opts) => (await reviewsByReport(db, [reportId], opts))[0] ?? [],
    reviewsByReport: (ids, opts) => reviewsByReport(db, ids, opts),
    cellValues: (ids, paths) => cellValues(db, ids, paths),
    getAgencies: (ids) => getAgencies(db, ids),
    findAgencies: (opts) => findAgencies(db, opts),
    countAgencies: (filter) => countAgencies(db, filter),
    coverage: (query) => coverage(db, query),
    publicationsByAgency: (ids, range) => publicationsByAgency(db, ids, range),
    stats: (query) => stats(db, query),
    statsSums: (query) => statsSums(db, query),
    async isEmpty() {
      const row = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM reports) AS any`.execute(db);
      return row.rows[0]?.any !== true;
    },
    close: () => conn.close(),
  };
}
