/**
 * From positioned text and rulings to the intermediate document: per page, bordered tables (cells
 * filled with the text inside them) and the remaining visual lines; then over the whole document,
 * page headers/footers dropped, tables continued across a page break merged, lines grouped into
 * paragraphs, and everything written into one `text` with offsets.
 */
import type { DocBlock, DocCell, DocParagraph, DocTable, SourceDocument } from '../../document.js';
import { atomAt, type Grid } from './grid.js';
import { centerX, centerY, groupLines, joinFragments, lineSeparator, splitChars, toLine } from './text.js';
import type { Fragment, Line } from './text.js';

export interface PageTable {
  readonly grid: Grid;
  /** Text of each grid cell (same order as grid.cells). */
  readonly texts: readonly string[];
  /** Whether each cell's last line runs to the cell's right edge (its text may go on). */
  readonly full: readonly boolean[];
}

export type PageElement =
  | { readonly kind: 'line'; readonly top: number; readonly line: Line }
  | { readonly kind: 'table'; readonly top: number; readonly table: PageTable };

export interface PageLayout {
  readonly width: number;
  readonly height: number;
  /** Top to bottom. */
  readonly elements: readonly PageElement[];
}

/** Distance (user-space units) within which a point still counts as inside a grid. */
const INSIDE = 1;
/** Table edges closer than this are the same table continued on the next page. */
const SAME_EDGE = 4;

function cellIndexAt(grid: Grid, px: number, py: number): number | undefined {
  const atom = atomAt(grid, px, py);
  return atom === undefined ? undefined : grid.cellOf[atom.r]?.[atom.c];
}

function gridContaining(grids: readonly Grid[], f: Fragment): Grid | undefined {
  const cx = centerX(f);
  const cy = centerY(f);
  return grids.find(
    (g) => cx >= g.left - INSIDE && cx <= g.right + INSIDE && cy <= g.top + INSIDE && cy >= g.bottom - INSIDE,
  );
}

function clampInto(grid: Grid, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, grid.left), grid.right), Math.min(Math.max(y, grid.bottom), grid.top)];
}

/** Join the text of one cell: its visual lines, top to bottom, without breaks. */
export function cellText(fragments: readonly Fragment[]): string {
  let out = '';
  for (const items of groupLines(fragments)) {
    const line = joinFragments(items);
    out += lineSeparator(out, line) + line;
  }
  return out;
}

/** Whether the last line of a cell's text reaches the cell's right edge. */
function reachesRight(fragments: readonly Fragment[], right: number): boolean {
  const last = groupLines(fragments).at(-1);
  if (last === undefined || last.some((f) => f.vertical)) return false;
  const size = Math.max(...last.map((f) => f.size));
  return right - Math.max(...last.map((f) => f.x + f.width)) < 1.5 * size + 3;
}

/** Lay out one page: bordered tables with their cell texts, and the lines outside them. */
export function layoutPage(fragments: readonly Fragment[], grids: readonly Grid[], width: number, height: number): PageLayout {
  const perGrid = new Map<Grid, Fragment[][]>();
  for (const g of grids) perGrid.set(g, g.cells.map(() => []));
  const outside: Fragment[] = [];
  for (const f of fragments) {
    const grid = gridContaining(grids, f);
    const buckets = grid === undefined ? undefined : perGrid.get(grid);
    if (grid === undefined || buckets === undefined) {
      outside.push(f);
      continue;
    }
    const [cx, cy] = clampInto(grid, centerX(f), centerY(f));
    // An item whose first and last characters lie in different cells (one run drawn over a cell
    // wall) is split into characters, each going to its own cell.
    const half = f.vertical ? 0 : f.width / Math.max(1, [...f.str].length) / 2;
    const [lx] = clampInto(grid, f.x + half, cy);
    const [rx] = clampInto(grid, f.x + f.width - half, cy);
    const first = cellIndexAt(grid, lx, cy);
    const last = cellIndexAt(grid, rx, cy);
    const pieces = first !== last ? splitChars(f) : [f];
    for (const piece of pieces) {
      const [px, py] = pieces.length === 1 ? [cx, cy] : clampInto(grid, centerX(piece), cy);
      const index = cellIndexAt(grid, px, py);
      if (index !== undefined) buckets[index]?.push(piece);
    }
  }
  const elements: PageElement[] = [];
  for (const g of grids) {
    const buckets = perGrid.get(g) ?? [];
    const texts = buckets.map((b) => cellText(b));
    const full = buckets.map((b, i) => reachesRight(b, g.cells[i]?.right ?? 0));
    if (texts.filter((t) => t !== '').length < 2) {
      // A framed text box or an empty frame, not a table: its text stays ordinary lines.
      for (const b of buckets) outside.push(...b);
      continue;
    }
    elements.push({ kind: 'table', top: g.top, table: { grid: g, texts, full } });
  }
  for (const items of groupLines(outside)) {
    const line = toLine(items);
    if (line.text !== '') elements.push({ kind: 'line', top: line.top, line });
  }
  elements.sort((a, b) => b.top - a.top);
  return { width, height, elements };
}

const CONTINUED = /^[（(]?(?:续表|接上表)[一二三四五六七八九十\d]*[)）]?[：:]?$/u;
const PAGE_NUMBER =
  /^[-—–－_~·•\s]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?\s*(?:(?:[/／]|共)\s*[0-9０-９]{1,4}\s*页?)?[-—–－_~·•\s]*$/u;
/** Share of the page height at top and bottom where page numbers and running headers sit. */
const MARGIN = 0.1;
/** Repeated text counts as a running header/footer only this close to the edge. */
const REPEAT_MARGIN = 0.07;

/** Lines in the top or bottom margin that are page numbers, or repeated on several pages. */
function pageFurniture(pages: readonly PageLayout[]): Set<Line> {
  const drop = new Set<Line>();
  const seen = new Map<string, Line[]>();
  for (const page of pages) {
    const lines = page.elements.flatMap((e) => (e.kind === 'line' ? [e.line] : []));
    for (const line of lines) {
      const inMargin = line.bottom > page.height * (1 - MARGIN) || line.top < page.height * MARGIN;
      if (!inMargin) continue;
      if (PAGE_NUMBER.test(line.text)) {
        drop.add(line);
        continue;
      }
      const nearEdge = line.bottom > page.height * (1 - REPEAT_MARGIN) || line.top < page.height * REPEAT_MARGIN;
      if (!nearEdge) continue;
      const key = line.text.replace(/[0-9０-９]+/gu, '#');
      seen.set(key, [...(seen.get(key) ?? []), line]);
    }
  }
  if (pages.length >= 3) {
    for (const lines of seen.values()) if (lines.length >= Math.max(2, pages.length / 2)) lines.forEach((l) => drop.add(l));
  }
  return drop;
}

interface Piece {
  readonly table: PageTable;
}

interface PlacedCell {
  text: string;
  full: boolean;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

function clusterEdges(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > SAME_EDGE) out.push(v);
  }
  return out;
}

function nearest(edges: readonly number[], v: number): number {
  let best = 0;
  let bestDistance = Infinity;
  edges.forEach((e, i) => {
    const d = Math.abs(e - v);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Cells of a piece in unified columns and the piece's own rows. */
function placePiece(piece: Piece, edges: readonly number[]): PlacedCell[] {
  return piece.table.grid.cells.map((cell, i) => {
    const c0 = nearest(edges, cell.left);
    const c1 = Math.max(c0 + 1, nearest(edges, cell.right));
    return { text: piece.table.texts[i] ?? '', full: piece.table.full[i] ?? false, r0: cell.r0, r1: cell.r1, c0, c1 };
  });
}

/** Number of leading rows of `next` that repeat the header rows of `first`. */
function repeatedHeaderRows(first: readonly PlacedCell[], next: readonly PlacedCell[]): number {
  const rowsOf = (cells: readonly PlacedCell[]): number => Math.max(0, ...cells.map((c) => c.r1));
  const limit = Math.min(6, rowsOf(first) - 1, rowsOf(next) - 1);
  const signature = (cells: readonly PlacedCell[], k: number): string | undefined => {
    if (cells.some((c) => c.r0 < k && c.r1 > k)) return undefined; // a cell crosses the cut
    const head = cells.filter((c) => c.r1 <= k);
    if (!head.some((c) => c.text !== '')) return undefined;
    return head
      .map((c) => `${c.r0},${c.r1},${c.c0},${c.c1},${c.text}`)
      .sort()
      .join('\n');
  };
  for (let k = limit; k >= 1; k--) {
    const a = signature(first, k);
    if (a !== undefined && a === signature(next, k)) return k;
  }
  return 0;
}

const ROW_START = /^[（(]?[一二三四五六七八九十百\d]+[)）.、．]/u;
const NUMERIC = /^[-+]?\d[\d,.]*%?$/u;

/**
 * Whether the first row of a continuation is the rest of the previous piece's last row, broken
 * across the page (word processors allow it by default): every cell lines up with one above it,
 * and where both have text, the upper text ran to the cell's edge and the lower one neither starts
 * a new row label nor is a number.
 */
function isSplitRow(boundary: readonly PlacedCell[], firstRow: readonly PlacedCell[]): boolean {
  let continued = 0;
  for (const f of firstRow) {
    const p = boundary.find((c) => c.c0 === f.c0 && c.c1 === f.c1);
    if (p === undefined) return false;
    if (f.text === '' || p.text === '') continue;
    if (!p.full || ROW_START.test(f.text) || NUMERIC.test(f.text)) return false;
    continued++;
  }
  return continued > 0;
}

/** One table from its pieces (a table continued over page breaks). */
function assembleTable(pieces: readonly Piece[]): PlacedCell[][] {
  const edges = clusterEdges(pieces.flatMap((p) => [...p.table.grid.xs]));
  const placedPieces = pieces.map((p) => placePiece(p, edges));
  const all: PlacedCell[] = [];
  let offset = 0;
  placedPieces.forEach((cells, k) => {
    const first = placedPieces[0] ?? [];
    const skip = k === 0 ? 0 : repeatedHeaderRows(first, cells);
    const boundary = all.filter((c) => c.r1 === offset);
    const split = k > 0 && isSplitRow(boundary, cells.filter((c) => c.r0 === skip));
    // A split row's rest joins the row above, so the piece's rows move up by one more.
    const base = offset - skip - (split ? 1 : 0);
    for (const cell of cells) {
      if (cell.r0 < skip) continue;
      const placed = { ...cell, r0: cell.r0 + base, r1: cell.r1 + base };
      if (k > 0 && cell.r0 === skip) {
        const above = boundary.find((c) => c.c0 === placed.c0 && c.c1 === placed.c1);
        if (split && above !== undefined) {
          above.text += lineSeparator(above.text, cell.text) + cell.text;
          above.full = cell.text === '' ? above.full : cell.full;
          above.r1 = Math.max(above.r1, placed.r1);
          continue;
        }
        // The continuation of a cell (a row label spanning rows) cut by the page break.
        if (
          cell.text === '' &&
          above !== undefined &&
          above.text !== '' &&
          (above.r1 - above.r0 > 1 || placed.r1 - placed.r0 > 1)
        ) {
          above.r1 = placed.r1;
          continue;
        }
      }
      all.push(placed);
    }
    offset = Math.max(offset, ...all.map((c) => c.r1));
  });
  // Rows where no cell starts (all covered by taller cells) are dropped, spans shortened.
  const starts = new Set(all.map((c) => c.r0));
  const kept = Array.from({ length: offset + 1 }, (_, r) => r).filter((r) => r === offset || starts.has(r));
  const newIndex = (r: number): number => kept.filter((k) => k < r).length;
  const rows: PlacedCell[][] = Array.from({ length: kept.length - 1 }, () => []);
  for (const cell of all) {
    const moved = { ...cell, r0: newIndex(cell.r0), r1: newIndex(cell.r1) };
    rows[moved.r0]?.push(moved);
  }
  for (const row of rows) row.sort((a, b) => a.c0 - b.c0);
  return rows;
}

class TextWriter {
  private readonly parts: string[] = [];
  length = 0;

  /** Append one line; returns its start offset. */
  line(text: string): number {
    if (this.length > 0) {
      this.parts.push('\n');
      this.length += 1;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    return start;
  }

  toString(): string {
    return this.parts.join('');
  }
}

type Item =
  | { readonly kind: 'line'; readonly line: Line; readonly page: number; readonly left: number; readonly right: number }
  | { readonly kind: 'table'; readonly pieces: Piece[] };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Most common left edge of the lines of a page (rounded): the body text's margin. */
function bodyLeft(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.left), (counts.get(Math.round(l.left)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [x, n] of counts) {
    if (n > bestCount || (n === bestCount && x < best)) {
      best = x;
      bestCount = n;
    }
  }
  return best;
}

/** Whether `line` continues the paragraph whose last line is `prev`. */
function continues(prev: Item & { kind: 'line' }, next: Item & { kind: 'line' }): boolean {
  const a = prev.line;
  const b = next.line;
  if (Math.abs(a.size - b.size) > 1) return false;
  // A title centred over several lines (agency, then year and report name) is one paragraph.
  const middle = (next.left + next.right) / 2;
  const centred = (l: Line): boolean =>
    l.left > next.left + l.size && Math.abs((l.left + l.right) / 2 - middle) < 1.5 * l.size;
  if (prev.page === next.page && centred(a) && centred(b)) return a.bottom - b.top < b.size;
  if (b.left > next.left + 0.8 * b.size) return false; // indented: a new paragraph
  if (a.right < prev.right - 1.5 * a.size) return false; // the previous line stopped short
  if (prev.page === next.page && a.bottom - b.top > 2 * b.size) return false; // a blank gap
  return true;
}

/** Build the SourceDocument from laid-out pages. */
export function buildDocument(pages: readonly PageLayout[]): SourceDocument {
  const furniture = pageFurniture(pages);
  const items: Item[] = [];
  const linesOf = (page: PageLayout): Line[] =>
    page.elements.flatMap((e) => (e.kind === 'line' && !furniture.has(e.line) ? [e.line] : []));
  const allLines = pages.flatMap(linesOf);
  const docLeft = bodyLeft(allLines);
  const docRight = percentile(
    allLines.map((l) => l.right),
    0.9,
  );
  pages.forEach((page, index) => {
    const elements = page.elements.filter((e) => e.kind !== 'line' || !furniture.has(e.line));
    // Margins per page (mirrored margins), from the whole document when a page has few lines.
    const lines = linesOf(page);
    const few = lines.length < 5;
    const left = few ? docLeft : bodyLeft(lines);
    const right = few
      ? docRight
      : percentile(
          lines.map((l) => l.right),
          0.9,
        );
    // A table continued from the previous page may be introduced by a 续表 line only.
    const leading = elements.findIndex((e) => e.kind !== 'line' || !CONTINUED.test(e.line.text));
    elements.forEach((e, k) => {
      if (e.kind === 'line') {
        if (k < leading && index > 0 && items[items.length - 1]?.kind === 'table') return; // 续表
        items.push({ kind: 'line', line: e.line, page: index, left, right });
        return;
      }
      const last = items[items.length - 1];
      const firstOnPage = k === leading;
      if (firstOnPage && last?.kind === 'table' && index > 0) {
        const prev = last.pieces[last.pieces.length - 1]?.table.grid;
        const g = e.table.grid;
        if (prev !== undefined && Math.abs(prev.left - g.left) <= SAME_EDGE && Math.abs(prev.right - g.right) <= SAME_EDGE) {
          last.pieces.push({ table: e.table });
          return;
        }
      }
      items.push({ kind: 'table', pieces: [{ table: e.table }] });
    });
  });

  const writer = new TextWriter();
  const blocks: DocBlock[] = [];
  let paragraph: { lines: { start: number; text: string }[] } | undefined;
  const flush = (): void => {
    if (paragraph === undefined) return;
    let text = '';
    const offsets: number[] = [];
    for (const { start, text: line } of paragraph.lines) {
      const sep = lineSeparator(text, line);
      if (sep !== '') offsets.push(start - 1); // the joining space stands for the line break
      text += sep + line;
      for (let i = 0; i < line.length; i++) offsets.push(start + i);
    }
    const first = paragraph.lines[0];
    const last = paragraph.lines[paragraph.lines.length - 1];
    if (first !== undefined && last !== undefined) {
      const end = last.start + last.text.length;
      offsets.push(end);
      const block: DocParagraph =
        paragraph.lines.length === 1
          ? { type: 'paragraph', text, start: first.start, end }
          : { type: 'paragraph', text, start: first.start, end, offsets };
      blocks.push(block);
    }
    paragraph = undefined;
  };

  let previous: Item | undefined;
  for (const item of items) {
    if (item.kind === 'line') {
      const start = writer.line(item.line.text);
      if (paragraph === undefined || previous?.kind !== 'line' || !continues(previous, item)) {
        flush();
        paragraph = { lines: [] };
      }
      paragraph.lines.push({ start, text: item.line.text });
    } else {
      flush();
      const rows = assembleTable(item.pieces);
      const docRows: DocCell[][] = [];
      let start: number | undefined;
      let end = 0;
      for (const row of rows) {
        const lineStart = writer.line(row.map((c) => c.text).join('\t'));
        start ??= lineStart;
        let at = lineStart;
        const cells: DocCell[] = [];
        for (const cell of row) {
          cells.push({ text: cell.text, start: at, end: at + cell.text.length, rowSpan: cell.r1 - cell.r0, colSpan: cell.c1 - cell.c0 });
          at += cell.text.length + 1;
        }
        end = Math.max(lineStart, at - 1);
        docRows.push(cells);
      }
      const table: DocTable = { type: 'table', start: start ?? writer.length, end, rows: docRows };
      blocks.push(table);
    }
    previous = item;
  }
  flush();
  return { format: 'pdf', text: writer.toString(), blocks };
}
