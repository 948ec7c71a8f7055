import type { Cell } from './cell.js';
import type { Report } from './report.js';

/**
 * The cell at a catalogue path (`applications.results.denied.stateSecret.total`,
 * `proactive.licensing`, `legacyStatistics.applicationsTotal.year`), or undefined when the report
 * has no such table or cell. Paths are those of the template catalogues (`@xxgk/schema/templates`).
 */
export function cellAt(report: Pick<Report, 'proactive' | 'applications' | 'reviewLitigation' | 'legacyStatistics'>, path: string): Cell | undefined {
  const parts = path.split('.');
  if (parts[0] === 'legacyStatistics') {
    const row = report.legacyStatistics?.rows.find((r) => r.key === parts[1]);
    if (!row) return undefined;
    return parts[2] === 'cumulative' ? row.cumulative : row.year;
  }
  let node: unknown = report;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (node === undefined) return undefined;
  if (node === null || typeof node === 'number') return node;
  if (typeof node === 'object' && 'value' in node && 'raw' in node) return node as Cell;
  return undefined;
}
