import type {
  ApplicantCounts,
  Applications,
  Cell,
  CellObject,
  Diagnostic,
  LegacyStatistics,
  LegacyStatisticsRow,
  Proactive,
  ReviewLitigation,
  TemplateId,
} from '@xxgk/schema';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, isOtherHandling2021 } from '@xxgk/schema';
import {
  APPLICANT_COLUMN_DEFS,
  REVIEW_COLUMN_DEFS,
  REVIEW_GROUP_DEFS,
  legacy2008,
  national2019,
  national2021,
  type RowDef,
  type TemplateCatalogue,
} from '@xxgk/schema/templates';
import { solveTable, uniqueUnder, type CellRead, type Constraint, type RawToken, type RowInput, type SolveIssue } from './glued-digits.js';
import { Compact, arabicOrdinal, bodyKey } from './labels.js';
import { cellToken, isValueCell, textRuns } from './runs.js';
import { CELL, type Stream, type StreamBlock } from './stream.js';

export interface TablesResult {
  proactive: Proactive | null;
  applications: Applications | null;
  reviewLitigation: ReviewLitigation | null;
  legacyStatistics: LegacyStatistics | null;
  /** Shapes actually present: what the template-version rule needs to see. */
  shapes: { proactive?: TemplateId; applications?: TemplateId };
  diagnostics: Diagnostic[];
}

interface FoundLabel {
  def: RowDef;
  from: number;
  to: number;
}

/** The model path of a row: the cell itself for a one-cell row, else the cells' parent. */
function rowPath(paths: readonly string[] | undefined): string | undefined {
  if (!paths || paths.length === 0) return undefined;
  if (paths.length === 1) return paths[0];
  return paths[0]?.replace(/\.[a-zA-Z]+$/, '');
}

interface ProactiveShape {
  /** Column labels only this template has (as match keys): they tell the shapes apart. */
  readonly markers: readonly string[];
  /** Rows in template order, with every spelling either template gives the row (as match keys). */
  readonly rows: readonly { label: string; keys: string[]; paths: string[] }[];
}

function proactiveShape(own: TemplateCatalogue, other: TemplateCatalogue): ProactiveShape {
  const cells = own.proactive?.cells ?? [];
  const otherCells = other.proactive?.cells ?? [];
  const otherColumns = new Set(otherCells.map((c) => c.column));
  const markers = [...new Set(cells.map((c) => c.column).filter((c) => !otherColumns.has(c)))].map((l) => bodyKey(l));
  const rows: { label: string; keys: string[]; paths: string[] }[] = [];
  for (const c of cells) {
    let r = rows.find((x) => x.label === c.row);
    if (!r) {
      const rowKey = c.path.split('.')[1] ?? '';
      const alt = otherCells.filter((o) => o.path.split('.')[1] === rowKey).map((o) => o.row);
      r = { label: c.row, keys: [...new Set([c.row, ...alt])].map((l) => bodyKey(l)), paths: [] };
      rows.push(r);
    }
    r.paths.push(c.path);
  }
  return { markers, rows };
}

const PROACTIVE_2021 = proactiveShape(national2021, national2019);
const PROACTIVE_2019 = proactiveShape(national2019, national2021);

const REVIEW_PATHS: readonly string[] = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => `reviewLitigation.${g}.${c}`));

const pathCache = new Map<string, readonly string[]>();
/** The cell paths of a 表三 row (interned: the same strings every time, hashed once). */
function applicantPaths(rowPath: string): readonly string[] {
  let paths = pathCache.get(rowPath);
  if (!paths) {
    paths = APPLICANT_COLUMNS.map((c) => `${rowPath}.${c}`);
    pathCache.set(rowPath, paths);
  }
  return paths;
}

const keyCache = new Map<string, string>();
function key(label: string): string {
  let k = keyCache.get(label);
  if (k === undefined) {
    k = bodyKey(label);
    keyCache.set(label, k);
  }
  return k;
}

const constraintCache = new Map<string, Constraint[]>();
/** Constraints of a catalogue restricted to one table (computed once per template and table). */
function constraintsOf(catalogue: TemplateCatalogue, prefix: string): Constraint[] {
  const k = `${catalogue.id}:${prefix}`;
  const hit = constraintCache.get(k);
  if (hit) return hit;
  const out = catalogue.identities
    .filter((i) => i.target.startsWith(prefix))
    .map((i) => ({ id: i.id, lhs: i.lhs, rhs: i.rhs, relation: i.relation }));
  constraintCache.set(k, out);
  return out;
}

class TableReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly compact: Compact;

  constructor(readonly stream: Stream) {
    this.compact = new Compact(stream);
  }

  cell(read: CellRead | undefined): Cell {
    if (!read) return null;
    const raw = this.stream.flat.slice(read.from, read.to);
    const obj: CellObject = { value: read.value, raw, span: this.stream.span(read.from, read.to) };
    if (read.candidates && read.candidates.length > 0) obj.candidates = [...read.candidates];
    return obj;
  }

  diag(code: string, severity: Diagnostic['severity'], message: string, from?: number, to?: number, path?: string): void {
    this.diagnostics.push({
      code,
      severity,
      message,
      span: from !== undefined ? this.stream.span(from, to ?? from) : null,
      ...(path ? { path } : {}),
    });
  }

  issues(issues: readonly SolveIssue[], paths: (row: string) => string | undefined): void {
    for (const issue of issues) {
      const path = issue.path ?? paths(issue.row);
      this.diag(issue.code, issue.code === 'AMBIGUOUS_DIGITS' ? 'warning' : 'error', issue.message, issue.from, issue.to, path);
    }
  }

  /** Where the label text stops: trims an arabic ordinal of the next label off a digit run (…00000002.其他). */
  segmentEnd(next: FoundLabel | undefined, limit: number): number {
    if (!next) return limit;
    let start = next.from;
    const ordinal = arabicOrdinal(next.def.label);
    if (ordinal) {
      const norm = this.stream.norm;
      let i = start - 1;
      while (i >= 0 && (norm[i] === ' ' || norm[i] === '\u001f' || norm[i] === '\n')) i--;
      if (norm[i] === '.' || norm[i] === '、') {
        const s = i - ordinal.length;
        if (s >= 0 && norm.slice(s, i) === ordinal) start = s;
      }
    }
    return start;
  }

  /** Tokens after a label: the row's cells in a table, value runs in text. */
  tokensAfter(labelTo: number, end: number, width = Number.POSITIVE_INFINITY): { tokens: RawToken[]; unit: string } {
    const block = this.stream.blockAt(labelTo);
    if (block?.rows) {
      const row = block.rows.find((r) => r.from <= labelTo && labelTo <= r.to);
      if (row) {
        const cells = row.cells.filter((c) => c.from >= labelTo || (c.to > labelTo && c.from < labelTo));
        const tokens: RawToken[] = [];
        for (const c of cells) {
          const from = Math.max(c.from, labelTo);
          const text = this.stream.norm.slice(from, c.to);
          if (c.from < labelTo) {
            // the label's own cell: digits after the label inside the same cell
            const runs = textRuns(this.stream, from, c.to);
            tokens.push(...runs.tokens);
            continue;
          }
          if (!isValueCell(text)) {
            if (tokens.length > 0) break;
            continue;
          }
          tokens.push(cellToken(this.stream, from, c.to));
        }
        // blank cells past the template's width are layout (colspan filler), not values
        while (tokens.length > width && tokens[tokens.length - 1]?.text === '') tokens.pop();
        while (tokens.length > width && tokens[0]?.text === '') tokens.shift();
        return { tokens, unit: '' };
      }
    }
    const runs = textRuns(this.stream, labelTo, end);
    return { tokens: runs.tokens, unit: runs.unit };
  }

  /** Find labels in order (each after the previous), each via any of its spellings. */
  findSequential(defs: readonly RowDef[], from: number, limit: number, maxGap = 4000): FoundLabel[] {
    const found: FoundLabel[] = [];
    let cursor = from;
    for (const def of defs) {
      const spellings = [def.label, ...(def.aliases ?? [])];
      let best: { from: number; to: number } | null = null;
      for (const s of spellings) {
        const hit = this.compact.find(key(s), cursor, Math.min(limit, cursor + maxGap));
        if (hit && (!best || hit.from < best.from || (hit.from === best.from && hit.to > best.to))) best = hit;
      }
      if (best) {
        found.push({ def, ...best });
        cursor = best.to;
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- 表三

  applications(): { value: Applications | null; shape?: TemplateId; end: number; start: number } {
    const first = national2021.applications?.rows[0];
    if (!first) return { value: null, end: 0, start: 0 };
    const start = this.compact.find(key(first.label), 0);
    if (!start) return { value: null, end: 0, start: 0 };
    const rows2021 = national2021.applications?.rows ?? [];
    const rows2019 = national2019.applications?.rows ?? [];
    const sub = rows2021.find((r) => r.path?.endsWith('otherHandling.overdueCorrection'));
    const lastRow = rows2021[rows2021.length - 1];
    const endLabel = lastRow ? this.compact.find(key(lastRow.label), start.to) : null;
    const scanLimit = endLabel ? endLabel.to + 1 : this.stream.flat.length;
    const is2021 = sub ? this.compact.find(key(sub.label), start.from, scanLimit + 200) !== null : false;
    const catalogue = is2021 ? national2021 : national2019;
    const defs = is2021 ? rows2021 : rows2019;
    const startBlock = this.stream.blockAt(start.from);
    const result = startBlock?.rows
      ? this.applicationsFromTables(defs, startBlock, start.from)
      : this.applicationsFromText(defs, start.from);
    const solved = solveTable(result.rows, constraintsOf(catalogue, 'applications.'));
    this.issues(solved.issues, (row) => rowPath(result.rows.find((r) => r.key === row)?.paths));
    const counts = (path: string): ApplicantCounts => {
      const out: Record<string, unknown> = {};
      const paths = applicantPaths(path);
      APPLICANT_COLUMNS.forEach((col, k) => {
        out[col] = this.cell(solved.cells.get(paths[k] ?? ''));
      });
      const span = result.spans.get(path);
      out.span = span ? this.stream.span(span.from, span.to) : null;
      return out as ApplicantCounts;
    };
    const R = 'applications.results';
    for (const def of defs) {
      if (def.path && !result.spans.has(def.path)) {
        this.diag('ROW_NOT_FOUND', 'warning', `表三 row “${def.label}” was not found; its cells are blank.`, start.from, start.to, def.path);
      }
    }
    const value: Applications = {
      newReceived: counts('applications.newReceived'),
      carriedOver: counts('applications.carriedOver'),
      results: {
        granted: counts(`${R}.granted`),
        partiallyGranted: counts(`${R}.partiallyGranted`),
        denied: {
          stateSecret: counts(`${R}.denied.stateSecret`),
          lawForbidden: counts(`${R}.denied.lawForbidden`),
          threeSafetyOneStability: counts(`${R}.denied.threeSafetyOneStability`),
          thirdPartyRights: counts(`${R}.denied.thirdPartyRights`),
          internalAffairs: counts(`${R}.denied.internalAffairs`),
          processInfo: counts(`${R}.denied.processInfo`),
          enforcementFile: counts(`${R}.denied.enforcementFile`),
          administrativeQuery: counts(`${R}.denied.administrativeQuery`),
        },
        unableToProvide: {
          notHeld: counts(`${R}.unableToProvide.notHeld`),
          needsCreation: counts(`${R}.unableToProvide.needsCreation`),
          unclearAfterCorrection: counts(`${R}.unableToProvide.unclearAfterCorrection`),
        },
        notProcessed: {
          complaint: counts(`${R}.notProcessed.complaint`),
          duplicate: counts(`${R}.notProcessed.duplicate`),
          publication: counts(`${R}.notProcessed.publication`),
          massRepeated: counts(`${R}.notProcessed.massRepeated`),
          confirmation: counts(`${R}.notProcessed.confirmation`),
        },
        otherHandling: is2021
          ? {
              overdueCorrection: counts(`${R}.otherHandling.overdueCorrection`),
              overdueFee: counts(`${R}.otherHandling.overdueFee`),
              other: counts(`${R}.otherHandling.other`),
            }
          : counts(`${R}.otherHandling`),
        total: counts(`${R}.total`),
      },
      carriedForward: counts('applications.carriedForward'),
      span: this.stream.span(start.from, result.end),
    };
    return { value, shape: catalogue.id, end: result.end, start: start.from };
  }

  private applicationsFromText(defs: readonly RowDef[], from: number): { rows: RowInput[]; spans: Map<string, { from: number; to: number }>; end: number } {
    const found = this.findSequential(defs, from, this.stream.flat.length);
    const rows: RowInput[] = [];
    const spans = new Map<string, { from: number; to: number }>();
    let end = from;
    found.forEach((f, i) => {
      const next = found[i + 1];
      const segEnd = this.segmentEnd(next, next ? next.from : this.stream.flat.length);
      if (!f.def.path) return;
      const { tokens } = this.tokensAfter(f.to, segEnd, APPLICANT_COLUMNS.length);
      const to = tokens.length > 0 ? (tokens[tokens.length - 1]?.to ?? f.to) : f.to;
      end = Math.max(end, to);
      spans.set(f.def.path, { from: f.from, to });
      rows.push({ key: f.def.label, paths: applicantPaths(f.def.path), tokens });
    });
    return { rows, spans, end };
  }

  private applicationsFromTables(defs: readonly RowDef[], first: StreamBlock, startAt: number): { rows: RowInput[]; spans: Map<string, { from: number; to: number }>; end: number } {
    const dataDefs = defs.filter((d) => d.path !== null);
    const width = APPLICANT_COLUMN_DEFS.length;
    const entries: { def: RowDef | null; tokens: RawToken[]; from: number; to: number }[] = [];
    let end = first.from;
    let done = false;
    const reviewKey = key(REVIEW_COLUMN_DEFS[0]?.label ?? '结果维持');
    for (const block of this.stream.blocks) {
      if (done) break;
      if (block.from < first.from || !block.rows) continue;
      for (const row of block.rows) {
        if (row.to < startAt) continue; // header rows above 一、本年新收
        const labelCells: string[] = [];
        let values: RawToken[] = [];
        for (const c of row.cells) {
          const text = this.stream.norm.slice(c.from, c.to);
          if (isValueCell(text)) values.push(cellToken(this.stream, c.from, c.to));
          else {
            labelCells.push(text);
            values = [];
          }
        }
        const labelKey = bodyKey(labelCells.join(''));
        if (labelKey.includes(reviewKey)) {
          done = true;
          break;
        }
        let def: RowDef | null = null;
        let bestLen = 0;
        // data rows first: a rowspan group label (三、本年度办理结果, （三）不予公开) shares the row
        for (const d of [...defs.filter((x) => x.path !== null), ...defs.filter((x) => x.path === null)]) {
          if (def?.path && d.path === null) break;
          const k = key(d.label);
          const alias = (d.aliases ?? []).map(key);
          for (const candidate of [k, ...alias]) {
            if (candidate.length > bestLen && labelKey.includes(candidate)) {
              def = d;
              bestLen = candidate.length;
            }
          }
        }
        // trim to the template width: blanks past the last column are layout, not cells
        while (values.length > width && values[values.length - 1]?.text === '') values.pop();
        while (values.length > width && values[0]?.text === '') values.shift();
        const hasNumber = values.some((v) => v.text !== '');
        if (!hasNumber && (def === null || values.length < width)) continue;
        if (def !== null && def.path === null) continue;
        entries.push({ def, tokens: values, from: row.from, to: row.to });
        end = Math.max(end, row.to);
        if (def && def.path === 'applications.carriedForward') {
          done = true;
          break;
        }
      }
    }
    // Align rows without a label (scrambled conversions) to the template rows no labelled row took.
    const taken = new Set(entries.filter((e) => e.def).map((e) => e.def?.path));
    const rows: RowInput[] = [];
    const spans = new Map<string, { from: number; to: number }>();
    let i = 0;
    let lastIndex = -1;
    while (i < entries.length) {
      const e = entries[i];
      if (!e) break;
      if (e.def) {
        lastIndex = dataDefs.indexOf(e.def);
        i++;
        continue;
      }
      let j = i;
      while (j < entries.length && !entries[j]?.def) j++;
      const nextDef = entries[j]?.def;
      const nextIndex = nextDef ? dataDefs.indexOf(nextDef) : dataDefs.length;
      const missing = dataDefs.slice(lastIndex + 1, nextIndex).filter((d) => !taken.has(d.path));
      const orphans = entries.slice(i, j);
      if (orphans.length === missing.length) {
        orphans.forEach((o, k) => {
          o.def = missing[k] ?? null;
        });
        this.diag('ROWS_ALIGNED', 'info', `${orphans.length} 表三 row(s) without a readable label were placed by template order.`, orphans[0]?.from, orphans[orphans.length - 1]?.to);
      } else {
        this.diag('ORPHAN_ROWS', 'warning', `${orphans.length} 表三 row(s) without a readable label could not be placed (${missing.length} rows missing here).`, orphans[0]?.from, orphans[orphans.length - 1]?.to);
      }
      i = j;
    }
    for (const e of entries) {
      if (!e.def?.path) continue;
      spans.set(e.def.path, { from: e.from, to: e.to });
      rows.push({ key: e.def.label, paths: applicantPaths(e.def.path), tokens: e.tokens });
    }
    return { rows, spans, end };
  }

  // ---------------------------------------------------------------- 表四

  reviewLitigation(from: number): ReviewLitigation | null {
    const headerLabels = [REVIEW_COLUMN_DEFS[0]?.label, REVIEW_GROUP_DEFS[1]?.label, REVIEW_GROUP_DEFS[2]?.label].filter(
      (l): l is string => l !== undefined,
    );
    let header: { from: number; to: number } | null = null;
    for (const l of headerLabels) {
      const hit = this.compact.find(key(l), from);
      if (hit && (!header || hit.from < header.from)) header = hit;
    }
    if (!header) return null;
    const paths = REVIEW_PATHS;
    let tokens: RawToken[] = [];
    let end = header.to;
    const fromTable = (block: StreamBlock, startRow: number): void => {
      outer: for (const b of this.stream.blocks) {
        if (b.from < block.from || !b.rows) continue;
        for (const [ri, row] of b.rows.entries()) {
          if (b === block && ri < startRow) continue;
          const texts = row.cells.map((c) => this.stream.norm.slice(c.from, c.to));
          if (texts.some((t) => !isValueCell(t))) {
            if (tokens.length > 0) break outer;
            continue;
          }
          if (!texts.some((t) => /\d/.test(t))) continue;
          tokens.push(...row.cells.map((c) => cellToken(this.stream, c.from, c.to)));
          end = row.to;
          if (tokens.length >= paths.length) break outer;
        }
        if (tokens.length > 0) break;
      }
      while (tokens.length > paths.length && tokens[tokens.length - 1]?.text === '') tokens.pop();
    };
    const block = this.stream.blockAt(header.from);
    if (block?.rows) {
      fromTable(block, Math.max(0, block.rows.findIndex((r) => r.to >= header.from)));
    } else {
      const headerChars = new Set(Array.from([...REVIEW_COLUMN_DEFS, ...REVIEW_GROUP_DEFS].map((d) => d.label).join('') + '行政诉讼 \t\n\u001f'));
      let p = header.from;
      const norm = this.stream.norm;
      while (p < norm.length && headerChars.has(norm[p] ?? '')) p++;
      if (/\d/.test(norm[p] ?? '')) {
        const runs = textRuns(this.stream, p, this.stream.flat.length);
        tokens = runs.tokens;
        end = runs.end;
      } else {
        const next = this.stream.blocks.find((b) => b.rows && b.from > header.from && b.from - header.from < 800);
        if (next) fromTable(next, 0);
      }
    }
    if (tokens.length === 0) {
      this.diag('TABLE_UNREADABLE', 'warning', '表四: the header was found but no values after it.', header.from, header.to, 'reviewLitigation');
      return null;
    }
    const constraints = national2021.identities
      .filter((i) => i.target.startsWith('reviewLitigation.'))
      .map((i) => ({ id: i.id, lhs: i.lhs, rhs: i.rhs, relation: i.relation }));
    const solved = solveTable([{ key: '表四', paths, tokens }], constraints);
    this.issues(solved.issues, () => 'reviewLitigation');
    const group = (g: string): ReviewLitigation['review'] => {
      const out: Record<string, Cell> = {};
      for (const c of REVIEW_COLUMNS) out[c] = this.cell(solved.cells.get(`reviewLitigation.${g}.${c}`));
      return out as ReviewLitigation['review'];
    };
    return {
      review: group('review'),
      litigationDirect: group('litigationDirect'),
      litigationAfterReview: group('litigationAfterReview'),
      span: this.stream.span(header.from, end),
    };
  }

  // ---------------------------------------------------------------- 表二

  proactive(limit: number): { value: Proactive | null; shape?: TemplateId } {
    const findAny = (labels: readonly string[]): { from: number; to: number } | null => {
      let best: { from: number; to: number } | null = null;
      for (const l of labels) {
        const hit = this.compact.find(l, 0, limit);
        if (hit && (!best || hit.from < best.from)) best = hit;
      }
      return best;
    };
    const marker2021 = findAny(PROACTIVE_2021.markers);
    const marker2019 = findAny(PROACTIVE_2019.markers);
    if (!marker2021 && !marker2019) return { value: null };
    const is2021 = marker2021 !== null && (marker2019 === null || marker2021.from <= marker2019.from);
    const catalogue = is2021 ? national2021 : national2019;
    const rowOrder = (is2021 ? PROACTIVE_2021 : PROACTIVE_2019).rows;
    const regionStart = (is2021 ? marker2021 : marker2019)?.from ?? 0;
    const searchFrom = Math.max(0, (this.compact.find(key('第二十条'), Math.max(0, regionStart - 400), limit) ?? { from: regionStart }).from - 1);
    // each row on its own (converted tables may print rows out of order), then in reading order
    const found: { row: (typeof rowOrder)[number]; from: number; to: number }[] = [];
    const start = Math.min(searchFrom, regionStart);
    for (const row of rowOrder) {
      let best: { from: number; to: number } | null = null;
      for (const sp of row.keys) {
        const hit = this.compact.find(sp, start, limit);
        if (hit && (!best || hit.from < best.from || (hit.from === best.from && hit.to > best.to))) best = hit;
      }
      if (best && !found.some((f) => best.from < f.to && f.from < best.to)) found.push({ row, ...best });
    }
    found.sort((x, y) => x.from - y.from);
    const inputs: RowInput[] = [];
    let procurementUnit = '';
    let end = regionStart;
    found.forEach((f, i) => {
      const next = found[i + 1];
      const segEnd = next ? next.from : limit;
      const { tokens, unit } = this.tokensAfter(f.to, segEnd, f.row.paths.length);
      if (f.row.paths.some((p) => p.includes('procurement'))) procurementUnit = unit;
      if (tokens.length > 0) end = Math.max(end, tokens[tokens.length - 1]?.to ?? end);
      inputs.push({ key: f.row.label, paths: f.row.paths, tokens });
    });
    const solved = solveTable(inputs, []);
    // (一) rows: when the digits run together, prefer the one reading that is plausible
    // (repealed ≤ issued ≤ in force; 2019: published ≤ made ≤ total) — said in a diagnostic.
    const resolved = new Set<string>();
    for (const row of inputs) {
      if (row.paths.length !== 3 || !/regulations|normativeDocuments/.test(row.paths[0] ?? '')) continue;
      if (!row.paths.some((p) => solved.cells.get(p)?.candidates)) continue;
      const pick = uniqueUnder(row, ([a, b, c]) =>
        a !== null && a !== undefined && b !== null && b !== undefined && c !== null && c !== undefined && b <= a && c >= a,
      );
      if (pick) {
        row.paths.forEach((p, k) => {
          const piece = pick[k];
          if (piece) solved.cells.set(p, { value: piece.value, raw: piece.raw, from: piece.from, to: piece.to });
        });
        resolved.add(row.key);
        this.diag(
          'GLUED_DIGITS_PLAUSIBLE',
          'warning',
          `表二 row “${row.key}”: the digits “${row.tokens.map((t) => t.text).join(' ')}” were split by plausibility (废止 ≤ 制发 ≤ 现行有效), not by an identity.`,
          row.tokens[0]?.from,
          row.tokens[row.tokens.length - 1]?.to,
          rowPath(row.paths),
        );
      }
    }
    this.issues(
      solved.issues.filter((i) => !resolved.has(i.row)),
      (row) => rowPath(inputs.find((r) => r.key === row)?.paths),
    );
    const c = (p: string): Cell => this.cell(solved.cells.get(`proactive.${p}`));
    const span = this.stream.span(regionStart, Math.max(regionStart, end));
    if (is2021) {
      return {
        shape: catalogue.id,
        value: {
          template: 'national-2021',
          regulations: { issued: c('regulations.issued'), repealed: c('regulations.repealed'), inForce: c('regulations.inForce') },
          normativeDocuments: {
            issued: c('normativeDocuments.issued'),
            repealed: c('normativeDocuments.repealed'),
            inForce: c('normativeDocuments.inForce'),
          },
          licensing: c('licensing'),
          penalty: c('penalty'),
          enforcement: c('enforcement'),
          feesAmount: c('feesAmount'),
          span,
        },
      };
    }
    const items = (k: string) => ({ prevYearItems: c(`${k}.prevYearItems`), delta: c(`${k}.delta`), decisions: c(`${k}.decisions`) });
    return {
      shape: catalogue.id,
      value: {
        template: 'national-2019',
        regulations: { newlyMade: c('regulations.newlyMade'), newlyPublished: c('regulations.newlyPublished'), totalPublished: c('regulations.totalPublished') },
        normativeDocuments: {
          newlyMade: c('normativeDocuments.newlyMade'),
          newlyPublished: c('normativeDocuments.newlyPublished'),
          totalPublished: c('normativeDocuments.totalPublished'),
        },
        licensing: items('licensing'),
        otherServices: items('otherServices'),
        penalty: items('penalty'),
        enforcement: items('enforcement'),
        fees: { prevYearItems: c('fees.prevYearItems'), delta: c('fees.delta') },
        procurement: {
          projects: c('procurement.projects'),
          totalAmount: c('procurement.totalAmount'),
          ...(procurementUnit ? { unit: procurementUnit } : {}),
        },
        span,
      },
    };
  }

  // ---------------------------------------------------------------- legacy 统计表

  legacy(): LegacyStatistics | null {
    const defs = legacy2008.legacyStatistics?.rows ?? [];
    const header = this.compact.find(key('指标名称'), 0);
    const firstDef = defs[0];
    const anchor = header ?? (firstDef ? this.compact.find(key(firstDef.label), 0) : null);
    if (!anchor) return null;
    // a second 指标名称 header starts another table (a second copy of the report in the same file)
    const nextHeader = header ? this.compact.find(key('指标名称'), header.to, anchor.from + 6000) : null;
    const end = nextHeader ? nextHeader.from : anchor.from + 6000;
    // every spelling of every indicator; longest wins where they overlap
    const hits: { def: (typeof defs)[number]; from: number; to: number }[] = [];
    for (const def of defs) {
      for (const s of [def.label, ...def.aliases]) {
        let from = anchor.from;
        for (let guard = 0; guard < 8; guard++) {
          const hit = this.compact.find(key(s), from, end);
          if (!hit) break;
          hits.push({ def, ...hit });
          from = hit.to;
        }
      }
    }
    hits.sort((a, b) => a.from - b.from || b.to - a.to);
    const chosen: typeof hits = [];
    for (const h of hits) {
      const last = chosen[chosen.length - 1];
      if (last && h.from < last.to) continue;
      if (chosen.some((c) => c.def.key === h.def.key)) continue;
      chosen.push(h);
    }
    if (chosen.length < 3) return null;
    const twoColumns = this.compact.find(key('历年累计'), anchor.from, anchor.from + 400) !== null;
    const inputs: RowInput[] = [];
    const spans = new Map<string, { from: number; to: number }>();
    const norm = this.stream.norm;
    chosen.forEach((h, i) => {
      const next = chosen[i + 1];
      let segEnd = next ? next.from : this.stream.flat.length;
      // numbering of the next indicator (…3460853762、政府公报…) is not a value
      if (next) {
        let j = segEnd - 1;
        while (j > h.to && norm[j] === ' ') j--;
        if ((norm[j] === '、' || norm[j] === '.') && /\d/.test(norm[j - 1] ?? '')) segEnd = j - 1;
      }
      let at = h.to;
      while (at < segEnd && (norm[at] === CELL || /[\s条件元个项次人万]/.test(norm[at] ?? ''))) at++;
      const { tokens } = this.tokensAfter(at, segEnd, twoColumns ? 2 : 1);
      const paths = twoColumns ? [`legacyStatistics.${h.def.key}.year`, `legacyStatistics.${h.def.key}.cumulative`] : [`legacyStatistics.${h.def.key}.year`];
      spans.set(h.def.key, { from: h.from, to: tokens[tokens.length - 1]?.to ?? h.to });
      inputs.push({ key: h.def.label, paths, tokens });
    });
    const constraints: Constraint[] = legacy2008.identities.map((i) => ({ id: i.id, lhs: i.lhs, rhs: i.rhs, relation: i.relation }));
    if (twoColumns) {
      for (const h of chosen) {
        constraints.push({
          id: `L1:cumulative.${h.def.key}`,
          lhs: [`legacyStatistics.${h.def.key}.cumulative`],
          rhs: [`legacyStatistics.${h.def.key}.year`],
          relation: 'at-least',
        });
      }
    }
    const solved = solveTable(inputs, constraints);
    this.issues(solved.issues, (row) => `legacyStatistics.${chosen.find((c) => c.def.label === row)?.def.key ?? ''}`);
    const rows: LegacyStatisticsRow[] = chosen.map((h) => {
      const span = spans.get(h.def.key);
      const row: LegacyStatisticsRow = {
        key: h.def.key,
        label: this.stream.flat.slice(h.from, h.to),
        unit: h.def.unit,
        year: this.cell(solved.cells.get(`legacyStatistics.${h.def.key}.year`)),
        span: span ? this.stream.span(span.from, span.to) : null,
      };
      if (twoColumns) row.cumulative = this.cell(solved.cells.get(`legacyStatistics.${h.def.key}.cumulative`));
      return row;
    });
    const last = spans.get(chosen[chosen.length - 1]?.def.key ?? '');
    return { rows, span: this.stream.span(anchor.from, last?.to ?? anchor.to) };
  }
}

/** Read every template table the document holds (表二, 表三, 表四, the legacy 统计表). */
export function extractTables(stream: Stream): TablesResult {
  const reader = new TableReader(stream);
  const shapes: TablesResult['shapes'] = {};
  const apps = reader.applications();
  if (apps.shape) shapes.applications = apps.shape;
  const limit = apps.value ? apps.start : stream.flat.length;
  const pro = reader.proactive(limit);
  if (pro.shape) shapes.proactive = pro.shape;
  const otherHandling = apps.value?.results.otherHandling;
  if (apps.value && otherHandling && apps.shape === 'national-2019' && pro.shape === 'national-2021' && !isOtherHandling2021(otherHandling)) {
    // A 2021 report printing （六）其他处理 as the 2019 single row. All zero: each of the three
    // 2021 sub-rows is then 0 as well (counts are non-negative), so the split is exact.
    const cells = APPLICANT_COLUMNS.map((c) => otherHandling[c]);
    const allZero = cells.every((c) => c !== null && typeof c === 'object' && c.value === 0);
    reader.diag(
      'TEMPLATE_MIXED',
      'warning',
      `表三 prints （六）其他处理 as one row (national-2019 shape) while 表二 has the national-2021 shape${allZero ? '; the row is all zeros, so each 2021 sub-row is 0' : ''}.`,
      undefined,
      undefined,
      'applications.results.otherHandling',
    );
    if (allZero) {
      apps.value.results.otherHandling = {
        overdueCorrection: { ...otherHandling },
        overdueFee: { ...otherHandling },
        other: { ...otherHandling },
      };
    }
  }
  const review = reader.reviewLitigation(apps.value ? apps.end : 0);
  const legacy = apps.value || pro.value ? null : reader.legacy();
  return {
    proactive: pro.value,
    applications: apps.value,
    reviewLitigation: review,
    legacyStatistics: legacy,
    shapes,
    diagnostics: reader.diagnostics,
  };
}

export { APPLICANT_COLUMN_DEFS };
