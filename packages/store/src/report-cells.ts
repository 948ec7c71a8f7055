import { cellAt, cellRaw, cellValue } from '@xxgk/schema';
import type { Report } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';

export interface CellRow {
  readonly path: string;
  readonly value: number | null;
  readonly raw: string | null;
}

type Tables = Pick<Report, 'template' | 'proactive' | 'applications' | 'reviewLitigation' | 'legacyStatistics'>;

/** Every non-blank cell of the report's template tables, by catalogue path (the fact table's rows). */
export function reportCells(report: Tables): CellRow[] {
  const rows: CellRow[] = [];
  for (const def of getTemplate(report.template).cells) {
    const cell = cellAt(report, def.path);
    if (cell === undefined || cell === null) continue;
    const value = cellValue(cell);
    const raw = cellRaw(cell);
    if (value === null && raw === '') continue;
    rows.push({ path: def.path, value, raw: typeof cell === 'number' ? null : raw });
  }
  return rows;
}

/**
 * Whether the template's arithmetic identities hold (SPEC §3): false when one fails, true when all that
 * can be checked hold, null when the report has no table figures to check. A blank cell counts as 0;
 * an identity whose cells are all blank is skipped.
 */
export function tablesBalance(report: Tables): boolean | null {
  let checked = false;
  for (const identity of getTemplate(report.template).identities) {
    const lhs = identity.lhs.map((p) => cellValue(cellAt(report, p)));
    const rhs = identity.rhs.map((p) => cellValue(cellAt(report, p)));
    if ([...lhs, ...rhs].every((v) => v === null)) continue;
    checked = true;
    const left = lhs.reduce<number>((s, v) => s + (v ?? 0), 0);
    const right = rhs.reduce<number>((s, v) => s + (v ?? 0), 0);
    const ok = identity.relation === 'equal' ? Math.abs(left - right) < 1e-9 : left >= right - 1e-9;
    if (!ok) return false;
  }
  return checked ? true : null;
}
