import DataLoader from 'dataloader';
import type { ReportSummary, ReportVersion, Store, StoredReport } from '@xxgk/store';

/** Reports by id: one statement per tick, whatever the number of ids. */
export function createReportLoader(store: Store): DataLoader<number, StoredReport | null> {
  return new DataLoader((ids) => store.getReports(ids));
}

/** Every report of each agency, newest first, without the models (loaded by the report loader when a field needs one). */
export function createAgencyReportsLoader(store: Store): DataLoader<number, ReportSummary[]> {
  return new DataLoader((ids) => store.reportSummariesByAgency(ids));
}

/** Earlier versions of each report. */
export function createReportHistoryLoader(store: Store): DataLoader<number, ReportVersion[]> {
  return new DataLoader((ids) => store.reportHistory(ids));
}
