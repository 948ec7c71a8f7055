import type { Cell, Report, Span } from '@xxgk/schema';
import { cellAt } from '@xxgk/schema';
import type { CellDef, Identity, TemplateCatalogue } from '@xxgk/schema/templates';

/** Texts that mean “blank / not applicable” (SPEC §4): the model reads them as null. */
const BLANK = new Set(['', '-', '—', '——', '－', '–', '/', '／', '\\', '无', '空', 'N/A', 'n/a']);

export function isBlankRaw(raw: string): boolean {
  return BLANK.has(raw.replace(/[\s\u00a0\u3000]+/g, ''));
}

export interface CellInfo {
  readonly path: string;
  readonly cell: Cell;
  readonly value: number | null;
  readonly raw: string;
  readonly span: Span | null;
  /** A value the parser could not read (ambiguous digits or unreadable text). */
  readonly unreadable: boolean;
  /** Blank (null, nothing or a dash written). */
  readonly blank: boolean;
  readonly candidates?: readonly number[];
}

const infoCache = new WeakMap<Report, Map<string, CellInfo | null>>();

function cacheOf(report: Report): Map<string, CellInfo | null> {
  let cache = infoCache.get(report);
  if (!cache) {
    cache = new Map();
    infoCache.set(report, cache);
  }
  return cache;
}

function cached(report: Report, cache: Map<string, CellInfo | null>, path: string): CellInfo | undefined {
  const hit = cache.get(path);
  if (hit !== undefined) return hit ?? undefined;
  const info = readCellInfo(report, path);
  cache.set(path, info ?? null);
  return info;
}

/** The cell at a catalogue path, or undefined when the report has no such table/cell (cached per report). */
export function cellInfo(report: Report, path: string): CellInfo | undefined {
  return cached(report, cacheOf(report), path);
}

const PATH_PARTS = new Map<string, readonly string[]>();

/** cellAt without re-splitting the path on every call (paths are few and repeat across reports). */
function fastCellAt(report: Report, path: string): Cell | undefined {
  let parts = PATH_PARTS.get(path);
  if (!parts) {
    parts = path.split('.');
    PATH_PARTS.set(path, parts);
  }
  if (parts[0] === 'legacyStatistics') return cellAt(report, path);
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

function readCellInfo(report: Report, path: string): CellInfo | undefined {
  const cell = fastCellAt(report, path);
  if (cell === undefined) return undefined;
  if (cell === null) return { path, cell, value: null, raw: '', span: null, unreadable: false, blank: true };
  if (typeof cell === 'number') {
    return { path, cell, value: cell, raw: String(cell), span: null, unreadable: false, blank: false };
  }
  if (cell.value !== null) {
    return { path, cell, value: cell.value, raw: cell.raw, span: cell.span, unreadable: false, blank: false };
  }
  const ambiguous = cell.candidates !== undefined && cell.candidates.length > 0;
  const unreadable = ambiguous || !isBlankRaw(cell.raw);
  const info: CellInfo = { path, cell, value: null, raw: cell.raw, span: cell.span, unreadable, blank: !unreadable };
  return ambiguous ? { ...info, candidates: cell.candidates } : info;
}

function objectSpan(node: unknown): Span | null {
  if (node !== null && typeof node === 'object' && 'span' in node) {
    const span = (node as { span?: unknown }).span;
    if (span !== null && typeof span === 'object' && 'line' in span) return span as Span;
  }
  return null;
}

/**
 * Where a finding about a cell points: the cell's span, else its row's, else its table's
 * (null: the linter falls back to the title line).
 */
export function spanForPath(report: Report, path: string): Span | null {
  const info = cellInfo(report, path);
  if (info?.span) return info.span;
  const parts = path.split('.');
  if (parts[0] === 'legacyStatistics') {
    const row = report.legacyStatistics?.rows.find((r) => r.key === parts[1]);
    return row?.span ?? report.legacyStatistics?.span ?? null;
  }
  let node: unknown = report;
  const chain: unknown[] = [];
  for (const part of parts) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[part];
    chain.push(node);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const span = objectSpan(chain[i]);
    if (span) return span;
  }
  return null;
}

/** A short row label (the 部分公开 annotation dropped). */
export function shortRow(label: string): string {
  const m = /^(（[一二三四五六七八九十]+）[^（]+)（/.exec(label);
  return m?.[1] ?? label;
}

const defCache = new WeakMap<TemplateCatalogue, Map<string, CellDef>>();

/** The catalogue definition of a cell path. */
export function cellDef(catalogue: TemplateCatalogue, path: string): CellDef | undefined {
  let defs = defCache.get(catalogue);
  if (!defs) {
    defs = new Map(catalogue.cells.map((c) => [c.path, c]));
    defCache.set(catalogue, defs);
  }
  return defs.get(path);
}

/** “row · column” for a cell path, from the catalogue. */
export function cellLabel(catalogue: TemplateCatalogue, path: string): string {
  const def = cellDef(catalogue, path);
  if (!def) return path;
  if (def.table === 'legacyStatistics') return `${def.row}（${def.column}）`;
  return `${shortRow(def.row)} · ${def.column}`;
}

export interface IdentityCheck {
  readonly identity: Identity;
  readonly lhs: readonly CellInfo[];
  readonly rhs: readonly CellInfo[];
  readonly lhsSum: number;
  readonly rhsSum: number;
  /**
   * ok; failed; blankTotal (a total cell on the lhs — or the （七）总计 of a balance — is blank: skipped);
   * blankPart (a part is itself a blank 总计: skipped);
   * unreadable (a cell could not be read: skipped, invalid-number reports it); absent (no such table).
   */
  readonly status: 'ok' | 'failed' | 'blankTotal' | 'blankPart' | 'unreadable' | 'absent';
  /** The blank total cell, for blankTotal. */
  readonly blankCell?: CellInfo;
}

/** True when a cell is a 总计 (row total, （七）总计 row, 表四 总计) — blank ones skip their identity. */
export function isTotalPath(path: string): boolean {
  return path.endsWith('.total') || path.includes('.results.total.') || /^legacyStatistics\.\w+Total\./.test(path);
}

const checkCache = new WeakMap<Report, Map<Identity, IdentityCheck>>();

/**
 * Evaluates an identity of the catalogue on a report (cached per report: table-sum, blank-total and
 * application-balance share the work). A null part counts as 0; a null total skips the identity (SPEC §4).
 */
export function checkIdentity(report: Report, identity: Identity): IdentityCheck {
  let cache = checkCache.get(report);
  if (!cache) {
    cache = new Map();
    checkCache.set(report, cache);
  }
  const cached = cache.get(identity);
  if (cached) return cached;
  const check = evaluateIdentity(report, identity);
  cache.set(identity, check);
  return check;
}

function collect(report: Report, paths: readonly string[]): { cells: CellInfo[]; missing: number; sum: number } {
  const cache = cacheOf(report);
  const cells: CellInfo[] = [];
  let missing = 0;
  let sum = 0;
  for (const path of paths) {
    const info = cached(report, cache, path);
    if (info === undefined) missing++;
    else {
      cells.push(info);
      sum += info.value ?? 0;
    }
  }
  return { cells, missing, sum };
}

const TOTAL_PATHS = new Map<string, boolean>();
function isTotal(path: string): boolean {
  let total = TOTAL_PATHS.get(path);
  if (total === undefined) {
    total = isTotalPath(path);
    TOTAL_PATHS.set(path, total);
  }
  return total;
}

function evaluateIdentity(report: Report, identity: Identity): IdentityCheck {
  const l = collect(report, identity.lhs);
  const r = collect(report, identity.rhs);
  const lhs = l.cells;
  const rhs = r.cells;
  const base = { identity, lhs, rhs, lhsSum: l.sum, rhsSum: r.sum };
  const legacy = identity.kind === 'legacy-total';
  const first = lhs[0];
  if (first === undefined || first.path !== identity.lhs[0] || (!legacy && (l.missing > 0 || r.missing > 0))) {
    return { ...base, status: 'absent' };
  }
  if (legacy && rhs.every((c) => c.blank)) return { ...base, status: 'absent' };
  if (lhs.some((c) => c.unreadable) || rhs.some((c) => c.unreadable)) return { ...base, status: 'unreadable' };
  // The balance (I3) has no total of its own: a blank cell in it counts as 0, as the published table
  // states it (a blank 结转 总计 under 34 + 2 received leaves 35 handled unexplained), unless the whole
  // column is blank. Row and column totals (I1, I2, I5) are skipped when the total is blank.
  const blankTotal =
    identity.kind === 'balance'
      ? lhs.every((c) => c.blank) && rhs.every((c) => c.blank)
        ? (lhs[0] ?? rhs[0])
        : undefined
      : first.blank
        ? first
        : undefined;
  if (blankTotal) return { ...base, status: 'blankTotal', blankCell: blankTotal };
  // A part that is itself a blank 总计 (a blank row total inside the 总计 column) is unknown, not 0.
  if (identity.kind !== 'balance' && rhs.some((c) => c.blank && isTotal(c.path))) return { ...base, status: 'blankPart' };
  const ok = identity.relation === 'equal' ? l.sum === r.sum : l.sum >= r.sum;
  return { ...base, status: ok ? 'ok' : 'failed' };
}

/** “7 + 1 + …”: the non-zero parts (at most `max`), or 0. */
export function partsText(cells: readonly CellInfo[], max = 8): string {
  const values = cells.map((c) => c.value ?? 0).filter((v) => v !== 0);
  if (values.length === 0) return '0';
  const shown = values.slice(0, max).join(' + ');
  return values.length > max ? `${shown} + …` : shown;
}
