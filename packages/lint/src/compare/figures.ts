import type { Report } from '@xxgk/schema';
import { cellAt, cellValue } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import type { CellDef } from '@xxgk/schema/templates';

/** One template table figure of two reports. */
export interface FigureChange {
  /** Catalogue path (`applications.newReceived.total`). */
  readonly path: string;
  readonly table: CellDef['table'];
  /** Row and column labels of the template (Chinese), and both joined. */
  readonly row: string;
  readonly column: string;
  readonly label: string;
  /** The figure in A (base) and B (other): null when blank or when the report has no such cell. */
  readonly before: number | null;
  readonly after: number | null;
  /** after − before when both are known. */
  readonly delta: number | null;
  /** delta / before when both are known and before ≠ 0. */
  readonly relative: number | null;
  /** Whether each report's template has this cell. */
  readonly inBase: boolean;
  readonly inOther: boolean;
}

function label(def: CellDef): string {
  return def.column && def.column !== def.row ? `${def.row} / ${def.column}` : def.row;
}

/**
 * Every template table figure of both reports, in the catalogue's reading order (A's template first,
 * then the cells only B's template has).
 */
export function compareFigures(base: Report, other: Report): FigureChange[] {
  const baseCells = getTemplate(base.template).cells;
  const otherCells = getTemplate(other.template).cells;
  const inBase = new Set(baseCells.map((c) => c.path));
  const inOther = new Set(otherCells.map((c) => c.path));
  const defs: CellDef[] = [...baseCells, ...otherCells.filter((c) => !inBase.has(c.path))];
  return defs.map((def) => {
    const hasBase = inBase.has(def.path) && cellAt(base, def.path) !== undefined;
    const hasOther = inOther.has(def.path) && cellAt(other, def.path) !== undefined;
    const before = hasBase ? cellValue(cellAt(base, def.path)) : null;
    const after = hasOther ? cellValue(cellAt(other, def.path)) : null;
    // Rounded to 1e-6: amounts of money (万元) have decimals, and 41.57 − 53.79 is not −12.22 in floating point.
    const delta = before !== null && after !== null ? Math.round((after - before) * 1e6) / 1e6 : null;
    const relative = delta !== null && before !== null && before !== 0 ? delta / before : null;
    return {
      path: def.path,
      table: def.table,
      row: def.row,
      column: def.column,
      label: label(def),
      before,
      after,
      delta,
      relative,
      inBase: hasBase,
      inOther: hasOther,
    };
  });
}
