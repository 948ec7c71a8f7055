import { parseNumber } from '../numbers.js';

/** A run of value text found after a row label: one cell (exact) or several run together (glued). */
export interface RawToken {
  readonly from: number;
  readonly to: number;
  /** The run as written (normalised: half-width digits). */
  readonly text: string;
  /** True when the run is known to be exactly one cell (a table cell). */
  readonly exact: boolean;
}

export interface CellRead {
  readonly value: number | null;
  readonly raw: string;
  readonly from: number;
  readonly to: number;
  readonly candidates?: readonly number[];
}

export interface RowInput {
  readonly key: string;
  /** Model path of each cell, in printed order. */
  readonly paths: readonly string[];
  readonly tokens: readonly RawToken[];
}

export interface Constraint {
  readonly id: string;
  readonly lhs: readonly string[];
  readonly rhs: readonly string[];
  readonly relation: 'equal' | 'at-least';
}

export interface SolveIssue {
  readonly code: 'AMBIGUOUS_DIGITS' | 'UNREADABLE_ROW' | 'INVALID_NUMBER';
  readonly message: string;
  readonly row: string;
  readonly path?: string;
  readonly from: number;
  readonly to: number;
}

export interface SolveResult {
  readonly cells: Map<string, CellRead>;
  readonly issues: SolveIssue[];
}

interface Piece {
  value: number | null;
  raw: string;
  from: number;
  to: number;
}

type Candidate = Piece[];

const MAX_ROW_CANDIDATES = 20_000;
const MAX_SOLUTIONS = 64;
const MAX_NODES = 200_000;
const MAX_DIGITS_PER_CELL = 12;

/**
 * How many ways splitRun cuts the integer digits text[from, intEnd) into `parts` numbers of 1 to
 * MAX_DIGITS_PER_CELL digits without leading zeros (counted up to `cap`, then `cap`).
 */
function countSplits(text: string, from: number, intEnd: number, parts: number, cap: number): number {
  // ways[left][pos]: ways to cut text[pos, intEnd) into `left` numbers
  let prev = new Array<number>(intEnd + 1).fill(0);
  for (let pos = from; pos < intEnd; pos++) {
    const len = intEnd - pos;
    prev[pos] = len <= MAX_DIGITS_PER_CELL && !(len > 1 && text[pos] === '0') ? 1 : 0;
  }
  for (let left = 2; left <= parts; left++) {
    const next = new Array<number>(intEnd + 1).fill(0);
    for (let pos = from; pos < intEnd; pos++) {
      let n = 0;
      const maxEnd = text[pos] === '0' ? pos + 1 : Math.min(intEnd - 1, pos + MAX_DIGITS_PER_CELL);
      for (let c = pos + 1; c <= maxEnd; c++) n += prev[c] ?? 0;
      next[pos] = Math.min(n, cap);
    }
    prev = next;
  }
  return prev[from] ?? 0;
}

/** The number text[a, b) of a run, or null when it is not one cell's value (leading zero, too long). */
function validPiece(token: RawToken, a: number, b: number): Piece | null {
  const s = token.text.slice(a, b);
  const body = s.startsWith('-') ? s.slice(1) : s;
  const intLen = body.includes('.') ? body.indexOf('.') : body.length;
  if (intLen > 1 && body.startsWith('0')) return null;
  if (intLen > MAX_DIGITS_PER_CELL || intLen === 0) return null;
  return { value: Number(s), raw: s, from: token.from + a, to: token.from + b };
}

/** Every way to cut a digit run into `parts` numbers (no leading zeros; a decimal tail stays whole). */
function splitRun(token: RawToken, parts: number, out: Piece[][], limit: number): boolean {
  const text = token.text;
  const sign = text.startsWith('-') ? 1 : 0;
  const dot = text.indexOf('.');
  const intEnd = dot >= 0 ? dot : text.length;
  const digits = intEnd - sign;
  if (parts > digits) return true;
  if (parts === 1) {
    // the common case (one run, one cell): the run whole, when it is a valid number
    const whole = validPiece(token, 0, text.length);
    if (whole) {
      if (out.length >= limit) return false;
      out.push([whole]);
    }
    return true;
  }
  const cuts: number[] = [];
  const piece = (a: number, b: number): Piece | null => validPiece(token, a, b);
  // More readings than the limit: overflow at once, without building them (a 40-digit run has millions).
  if (out.length + countSplits(text, sign, intEnd, parts, limit - out.length + 1) > limit) return false;
  let overflow = false;
  const rec = (start: number, left: number): void => {
    if (overflow) return;
    if (left === 1) {
      const p = piece(start, text.length);
      if (!p) return;
      const pieces: Piece[] = [];
      let a = 0;
      for (const c of cuts) {
        const q = piece(a, c);
        if (!q) return;
        pieces.push(q);
        a = c;
      }
      pieces.push(p);
      if (out.length >= limit) {
        overflow = true;
        return;
      }
      out.push(pieces);
      return;
    }
    // The digits after a cut must fit in the `left - 1` cells still to come (≤ MAX_DIGITS_PER_CELL each):
    // without this bound a 40-digit run was cut in millions of ways that all failed at the last cell.
    const lowest = Math.max(start + 1 + (start === 0 ? sign : 0), intEnd - (left - 1) * MAX_DIGITS_PER_CELL);
    for (let c = lowest; c <= intEnd - (left - 1); c++) {
      const first = text.slice(start === 0 ? sign : start, c);
      if (first.length > 1 && first.startsWith('0')) break;
      if (first.length > MAX_DIGITS_PER_CELL) break;
      cuts.push(c);
      rec(c, left - 1);
      cuts.pop();
    }
  };
  rec(0, parts);
  return !overflow;
}

/** Every reading of one row: how many cells each run holds, and where each run is cut. */
function rowCandidates(row: RowInput, issues: SolveIssue[] = []): { candidates: Candidate[]; overflow: boolean } {
  const invalid = new Set<RawToken>();
  const k = row.paths.length;
  const tokens = row.tokens;
  const out: Candidate[] = [];
  if (tokens.length === 0 || tokens.length > k) return { candidates: out, overflow: false };
  let overflow = false;
  const chosen: Piece[][] = [];
  const rec = (i: number, left: number): void => {
    if (overflow) return;
    const token = tokens[i];
    if (!token) {
      if (left === 0) {
        if (out.length >= MAX_ROW_CANDIDATES) overflow = true;
        else {
          // chosen.flat(), without Array#flat (slow in V8)
          const cand: Piece[] = [];
          for (const part of chosen) for (const piece of part) cand.push(piece);
          out.push(cand);
        }
      }
      return;
    }
    const restMin = tokens.length - i - 1;
    if (token.exact || !/^-?\d+(\.\d+)?$/.test(token.text)) {
      const n = parseNumber(token.text);
      if (n.error && !invalid.has(token)) {
        invalid.add(token);
        issues.push({ code: 'INVALID_NUMBER', message: `Row “${row.key}”: ${n.error}.`, row: row.key, from: token.from, to: token.to });
      }
      chosen.push([{ value: n.value, raw: token.text, from: token.from, to: token.to }]);
      rec(i + 1, left - 1);
      chosen.pop();
      return;
    }
    const sign = token.text.startsWith('-') ? 1 : 0;
    const dot = token.text.indexOf('.');
    const maxParts = Math.min(left - restMin, (dot >= 0 ? dot : token.text.length) - sign);
    for (let m = 1; m <= maxParts; m++) {
      if (i === tokens.length - 1 && m !== left) continue;
      const splits: Piece[][] = [];
      if (!splitRun(token, m, splits, MAX_ROW_CANDIDATES)) {
        overflow = true;
        return;
      }
      for (const s of splits) {
        chosen.push(s);
        rec(i + 1, left - m);
        chosen.pop();
        if (overflow) return;
      }
    }
  };
  rec(0, k);
  return { candidates: out, overflow };
}

function sum(values: (number | null | undefined)[]): number {
  let s = 0;
  for (const v of values) s += v ?? 0;
  return s;
}

function holds(c: Constraint, get: (path: string) => number | null | undefined): boolean {
  const lhsCells = c.lhs.map(get);
  if (c.lhs.length === 1 && (lhsCells[0] === null || lhsCells[0] === undefined)) return true; // blank total: skip (SPEC §4)
  const l = sum(lhsCells);
  const r = sum(c.rhs.map(get));
  return c.relation === 'equal' ? Math.abs(l - r) < 1e-9 : l >= r - 1e-9;
}

/**
 * Read a table whose rows may have their cells run together. Each row's candidate readings are those
 * that satisfy the identities inside the row (I1, I5); the table is then solved jointly under the
 * identities across rows (I2, I3, L1) by backtracking. A cell whose value differs between solutions
 * is left null with its `candidates` and an AMBIGUOUS_DIGITS issue; nothing is ever "repaired".
 */
export function solveTable(rows: readonly RowInput[], constraints: readonly Constraint[]): SolveResult {
  const cells = new Map<string, CellRead>();
  const issues: SolveIssue[] = [];
  const rowOfPath = new Map<string, number>();
  const colOfPath = new Map<string, number>();
  rows.forEach((r, i) =>
    r.paths.forEach((p, k) => {
      rowOfPath.set(p, i);
      colOfPath.set(p, k);
    }),
  );

  const inRow: Constraint[][] = rows.map(() => []);
  const across: { c: Constraint; last: number }[] = [];
  for (const c of constraints) {
    const idx = [...c.lhs, ...c.rhs].map((p) => rowOfPath.get(p));
    if (idx.some((i) => i === undefined)) continue;
    const set = new Set(idx as number[]);
    if (set.size === 1) inRow[idx[0] as number]?.push(c);
    else across.push({ c, last: Math.max(...(idx as number[])) });
  }

  const perRow: (Candidate[] | null)[] = rows.map((row, i) => {
    const { candidates, overflow } = rowCandidates(row, issues);
    const span = { from: row.tokens[0]?.from ?? 0, to: row.tokens[row.tokens.length - 1]?.to ?? 0 };
    if (overflow) {
      issues.push({ code: 'UNREADABLE_ROW', message: `Row “${row.key}”: the digits can be cut in too many ways to read.`, row: row.key, ...span });
      return null;
    }
    if (candidates.length === 0) {
      if (row.tokens.length > 0) {
        issues.push({
          code: 'UNREADABLE_ROW',
          message: `Row “${row.key}”: ${row.tokens.length} value runs (${row.tokens.map((t) => t.text).join(' ')}) cannot fill ${row.paths.length} cells.`,
          row: row.key,
          ...span,
        });
      }
      return null;
    }
    const local = inRow[i] ?? [];
    if (local.length === 0 || candidates.length === 1) return candidates;
    const col = new Map(row.paths.map((p, k) => [p, k]));
    const compiled = local.map((c) => ({
      lhs: c.lhs.map((p) => col.get(p) ?? -1),
      rhs: c.rhs.map((p) => col.get(p) ?? -1),
      relation: c.relation,
    }));
    const ok = candidates.filter((cand) =>
      compiled.every((c) => {
        const total = c.lhs.length === 1 ? cand[c.lhs[0] ?? -1]?.value : 0;
        if (c.lhs.length === 1 && (total === null || total === undefined)) return true;
        let l = 0;
        for (const k of c.lhs) l += cand[k]?.value ?? 0;
        let r = 0;
        for (const k of c.rhs) r += cand[k]?.value ?? 0;
        return c.relation === 'equal' ? Math.abs(l - r) < 1e-9 : l >= r - 1e-9;
      }),
    );
    if (ok.length > 0) return ok;
    issues.push({
      code: 'UNREADABLE_ROW',
      message: `Row “${row.key}”: no way to cut “${row.tokens.map((t) => t.text).join(' ')}” satisfies the row's total.`,
      row: row.key,
      ...span,
    });
    return null;
  });

  // Joint solve, per group of rows tied together by identities across rows.
  const parent = rows.map((_, i) => i);
  const findRoot = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  // Only a row with several readings needs the joint solve: when every row has one (the usual table),
  // no group is searched, so the groups are not built.
  const ambiguous = perRow.some((c) => c !== null && c.length > 1);
  const usable = ambiguous ? across.filter(({ c }) => [...c.lhs, ...c.rhs].every((p) => perRow[rowOfPath.get(p) ?? -1] !== null)) : [];
  for (const { c } of usable) {
    const idx = [...c.lhs, ...c.rhs].map((p) => rowOfPath.get(p) ?? 0);
    for (const i of idx) parent[findRoot(i)] = findRoot(idx[0] ?? 0);
  }
  const groups = new Map<number, number[]>();
  if (ambiguous) rows.forEach((_, i) => {
    const r = findRoot(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  });
  const jointOptions: (Candidate[] | null)[] = rows.map(() => null);
  const assignment: (Candidate | null)[] = rows.map(() => null);
  const value = (p: string): number | null | undefined => {
    const r = rowOfPath.get(p);
    if (r === undefined) return undefined;
    const cand = assignment[r];
    const row = rows[r];
    if (!cand || !row) return undefined;
    return cand[colOfPath.get(p) ?? -1]?.value;
  };
  for (const members of groups.values()) {
    if (members.length < 2 || !members.some((i) => (perRow[i]?.length ?? 0) > 1)) continue;
    const checksAt = new Map<number, Constraint[]>();
    const memberSet = new Set(members);
    for (const { c } of usable) {
      const idx = [...c.lhs, ...c.rhs].map((p) => rowOfPath.get(p) ?? -1);
      if (!idx.every((i) => memberSet.has(i))) continue;
      const last = Math.max(...idx);
      checksAt.set(last, [...(checksAt.get(last) ?? []), c]);
    }
    const solutions: Candidate[][] = [];
    let nodes = 0;
    let aborted = false;
    const search = (k: number): void => {
      if (aborted) return;
      if (++nodes > MAX_NODES || solutions.length >= MAX_SOLUTIONS) {
        aborted = true;
        return;
      }
      const r = members[k];
      if (r === undefined) {
        solutions.push(members.map((m) => assignment[m] ?? []));
        return;
      }
      for (const cand of perRow[r] ?? []) {
        assignment[r] = cand;
        if ((checksAt.get(r) ?? []).every((c) => holds(c, value))) search(k + 1);
        if (aborted) break;
      }
      assignment[r] = null;
    };
    search(0);
    if (aborted || solutions.length === 0) continue; // fall back to each row's own readings
    members.forEach((m, k) => {
      jointOptions[m] = solutions.map((sol) => sol[k] ?? []);
    });
  }

  rows.forEach((row, i) => {
    const options: Candidate[] = jointOptions[i] ?? perRow[i] ?? [];
    if (options.length === 0) return;
    const first = options[0];
    if (!first) return;
    let ambiguous = false;
    row.paths.forEach((path, k) => {
      const values = new Set(options.map((o) => o[k]?.value ?? null));
      const piece = first[k];
      if (!piece) return;
      if (values.size === 1) {
        // a copy of the first reading's piece (the same fields whether or not the readings cut alike)
        cells.set(path, { value: piece.value, raw: piece.raw, from: piece.from, to: piece.to });
      } else {
        ambiguous = true;
        const token = row.tokens.find((t) => t.from <= piece.from && piece.to <= t.to);
        const cand = [...values].filter((v): v is number => v !== null).sort((a, b) => a - b);
        cells.set(path, { value: null, raw: token?.text ?? piece.raw, from: token?.from ?? piece.from, to: token?.to ?? piece.to, candidates: cand });
      }
    });
    if (ambiguous) {
      issues.push({
        code: 'AMBIGUOUS_DIGITS',
        message: `Row “${row.key}”: “${row.tokens.map((t) => t.text).join(' ')}” can be read ${new Set(options.map((o) => o.map((p) => p.value).join('|'))).size} ways that all satisfy the template's identities; the differing cells are left blank with their candidates.`,
        row: row.key,
        from: row.tokens[0]?.from ?? 0,
        to: row.tokens[row.tokens.length - 1]?.to ?? 0,
      });
    }
  });
  return { cells, issues };
}

/** Apply a plausibility filter to an ambiguous row; returns the filtered options only when exactly one is left. */
export function uniqueUnder(row: RowInput, test: (values: (number | null)[]) => boolean): Candidate | null {
  const { candidates } = rowCandidates(row);
  const ok = candidates.filter((c) => test(c.map((p) => p.value)));
  return ok.length === 1 ? (ok[0] ?? null) : null;
}
