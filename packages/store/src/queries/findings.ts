import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, StoredFinding } from '../database.js';

/** The findings of each report, in the order the linter gave them: one statement for any number of reports. */
export async function findingsByReport(db: Kysely<Database>, reportIds: readonly number[]): Promise<StoredFinding[][]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('findings')
    .select(['id', 'report_id', 'rule_id', 'severity', 'message', 'message_id', 'line', 'column', 'end_line', 'end_column', 'path', 'fingerprint'])
    .where('report_id', '=', sql<number>`ANY(${[...new Set(reportIds)]}::int[])`)
    .orderBy('report_id')
    .orderBy('ordinal')
    .execute();
  const by = new Map<number, StoredFinding[]>();
  for (const row of rows) {
    const list = by.get(row.report_id) ?? [];
    list.push({ ...toFinding(row), id: row.id, reportId: row.report_id });
    by.set(row.report_id, list);
  }
  return reportIds.map((id) => by.get(id) ?? []);
}

export function toFinding(row: {
  rule_id: string | null;
  severity: number;
  message: string;
  message_id: string | null;
  line: number;
  column: number;
  end_line: number | null;
  end_column: number | null;
  path: string | null;
  fingerprint?: string | null;
}): StoredFinding {
  return {
    ruleId: row.rule_id,
    severity: row.severity === 2 ? 2 : 1,
    message: row.message,
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    line: row.line,
    column: row.column,
    ...(row.end_line !== null ? { endLine: row.end_line } : {}),
    ...(row.end_column !== null ? { endColumn: row.end_column } : {}),
    ...(row.path !== null ? { path: row.path } : {}),
    ...(row.fingerprint != null ? { fingerprint: row.fingerprint } : {}),
  };
}
