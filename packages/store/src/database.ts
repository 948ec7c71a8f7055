import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Report } from '@xxgk/schema';

/** A finding as stored with a report version (the LintMessage fields). */
export interface StoredFinding {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path?: string;
  /** The finding's identity across re-lints (@xxgk/lint findingFingerprints); absent only in versions stored before it existed. */
  fingerprint?: string;
  /** The findings row and its report, when read from the findings table (findingsByReport). */
  id?: number;
  reportId?: number;
}

export interface AgenciesTable {
  id: Generated<number>;
  key: string;
  name: string;
  level: string | null;
  kind: string | null;
  region_code: string | null;
  region_name: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface ReportsTable {
  id: Generated<number>;
  agency_id: number;
  year: number | null;
  content_id: string;
  source_sha256: string;
  title: string;
  template: string;
  published_on: string | null;
  balanced: boolean | null;
  error_count: number;
  warning_count: number;
  version: number;
  report: JSONColumnType<Report, string, string>;
  text: string | null;
  ingested_at: ColumnType<Date, never, Date>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface ReportVersionsTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  content_id: string;
  source_sha256: string;
  title: string;
  report: JSONColumnType<Report, string, string>;
  findings: JSONColumnType<StoredFinding[], string, string>;
  ingested_at: Date;
  replaced_at: ColumnType<Date, never, never>;
}

/** The `cells` view (read it): cell_values with each path id replaced by its path. */
export interface CellsTable {
  report_id: number;
  path: string;
  value: number | null;
  raw: string | null;
}

/** The catalogue paths cells are stored under (migration 0003). */
export interface CellPathsTable {
  id: Generated<number>;
  path: string;
}

/** Where cells are written: one row per non-blank cell, by path id. */
export interface CellValuesTable {
  report_id: number;
  path_id: number;
  value: number | null;
  raw: string | null;
}

export interface FindingsTable {
  id: Generated<number>;
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
  fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReviewsTable {
  id: Generated<number>;
  report_id: number | null;
  agency_id: number;
  year: number | null;
  report_version: number;
  fingerprint: string;
  rule_id: string | null;
  message: string;
  decision: 'accepted' | 'dismissed';
  comment: string | null;
  reviewer: string;
  created_at: ColumnType<Date, never, never>;
  resolved_at: ColumnType<Date | null, never, Date | null>;
  superseded_at: ColumnType<Date | null, never, Date | null>;
  superseded_by: ColumnType<number | null, never, number | null>;
}

export interface MigrationsTable {
  name: string;
  applied_at: ColumnType<Date, never, never>;
}

/** The store's tables, for Kysely. */
export interface Database {
  agencies: AgenciesTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  cells: CellsTable;
  cell_paths: CellPathsTable;
  cell_values: CellValuesTable;
  findings: FindingsTable;
  reviews: ReviewsTable;
  xxgk_migrations: MigrationsTable;
}
