/**
 * Bordered tables from ruling lines: connected groups of horizontal and vertical segments become a
 * grid of atoms (between consecutive distinct x and y coordinates); atoms not separated by a drawn
 * wall are one cell, so merged cells come out with their row and column spans.
 */
import type { HSegment, Rulings, VSegment } from './rulings.js';

/** One grid cell: atom rows [r0, r1) and columns [c0, c1), and its box in user space. */
export interface GridCell {
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Grid {
  /** Column boundaries, left to right. */
  readonly xs: readonly number[];
  /** Row boundaries, top to bottom (descending y). */
  readonly ys: readonly number[];
  /** Cells in reading order (by r0, then c0). */
  readonly cells: readonly GridCell[];
  /** cellOf[r][c] = index into `cells` of the cell covering atom (r, c). */
  readonly cellOf: readonly (readonly number[])[];
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Coordinates closer than this are the same line. */
export const SNAP = 2;
/** Grids with more atoms than this are not read as tables. */
const MAX_ATOMS = 20_000;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    const last = group[group.length - 1];
    if (last !== undefined && v - last > SNAP) {
      out.push(group.reduce((s, n) => s + n, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((s, n) => s + n, 0) / group.length);
  return out;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let k = i;
    while (this.parent[k] !== root) {
      const next = this.parent[k] ?? root;
      this.parent[k] = root;
      k = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function touches(h: HSegment, v: VSegment): boolean {
  return v.x >= h.x1 - SNAP && v.x <= h.x2 + SNAP && h.y >= v.y1 - SNAP && h.y <= v.y2 + SNAP;
}

function buildGrid(hs: readonly HSegment[], vs: readonly VSegment[]): Grid | undefined {
  const xs = cluster(vs.map((v) => v.x));
  const ys = cluster(hs.map((h) => h.y)).reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Charts and hatching make dense meshes of lines, not tables worth reading cell by cell.
  if (rows < 1 || cols < 1 || rows * cols > MAX_ATOMS) return undefined;
  const x = (i: number): number => xs[i] ?? 0;
  const y = (i: number): number => ys[i] ?? 0;
  const vWall = (c: number, r: number): boolean => {
    const at = x(c);
    const mid = (y(r) + y(r + 1)) / 2;
    return vs.some((v) => Math.abs(v.x - at) <= SNAP && v.y1 - SNAP <= mid && v.y2 + SNAP >= mid);
  };
  const hWall = (r: number, c: number): boolean => {
    const at = y(r);
    const mid = (x(c) + x(c + 1)) / 2;
    return hs.some((h) => Math.abs(h.y - at) <= SNAP && h.x1 - SNAP <= mid && h.x2 + SNAP >= mid);
  };
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vWall(c + 1, r)) uf.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hWall(r + 1, c)) uf.union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      const box = boxes.get(root);
      if (box === undefined) boxes.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1 });
      else {
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r + 1);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c + 1);
      }
    }
  }
  const ordered = [...boxes.entries()].sort(([, a], [, b]) => a.r0 - b.r0 || a.c0 - b.c0);
  const indexOfRoot = new Map<number, number>();
  const cells: GridCell[] = ordered.map(([root, b], i) => {
    indexOfRoot.set(root, i);
    return { ...b, left: x(b.c0), right: x(b.c1), top: y(b.r0), bottom: y(b.r1) };
  });
  // A stack of boxes with no column wall (framed paragraphs, highlighted lines) is not a table.
  if (cells.length < 2 || !cells.some((c) => c.c0 > 0)) return undefined;
  const cellOf = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => indexOfRoot.get(uf.find(r * cols + c)) ?? 0),
  );
  return { xs, ys, cells, cellOf, left: x(0), right: x(cols), top: y(0), bottom: y(rows) };
}

/** Every bordered grid on a page, top to bottom. */
export function detectGrids(rulings: Rulings): Grid[] {
  const hs = rulings.horizontal;
  const vs = rulings.vertical;
  const n = hs.length + vs.length;
  if (hs.length < 2 || vs.length < 2 || n > 20_000) return [];
  const uf = new UnionFind(n);
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    if (h === undefined) continue;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j];
      if (v !== undefined && touches(h, v)) uf.union(i, hs.length + j);
    }
  }
  const groups = new Map<number, { h: HSegment[]; v: VSegment[] }>();
  const group = (i: number): { h: HSegment[]; v: VSegment[] } => {
    const root = uf.find(i);
    let g = groups.get(root);
    if (g === undefined) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    return g;
  };
  hs.forEach((h, i) => group(i).h.push(h));
  vs.forEach((v, j) => group(hs.length + j).v.push(v));
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const grid = buildGrid(g.h, g.v);
    if (grid !== undefined) grids.push(grid);
  }
  return grids.sort((a, b) => b.top - a.top);
}

/** The atom row/column containing a point, or undefined when outside the grid. */
export function atomAt(grid: Grid, px: number, py: number): { r: number; c: number } | undefined {
  if (px < grid.left || px > grid.right || py > grid.top || py < grid.bottom) return undefined;
  let c = 0;
  while (c < grid.xs.length - 2 && px > (grid.xs[c + 1] ?? Infinity)) c++;
  let r = 0;
  while (r < grid.ys.length - 2 && py < (grid.ys[r + 1] ?? -Infinity)) r++;
  return { r, c };
}
