import type { Span } from '@xxgk/schema';
import type { DocBlock, SourceDocument } from '../document.js';
import { toSimplified } from '../decode/to-simplified.js';
import { foldText } from '../util/normalize.js';
import { LineIndex } from '../util/spans.js';

/** Marks a table-cell boundary in the flat stream. */
export const CELL = '\u001f';

export interface StreamBlock {
  readonly block: DocBlock;
  readonly index: number;
  /** [from, to) in the flat stream. */
  readonly from: number;
  readonly to: number;
  /** Table rows: [from, to) of each row, and of each cell. */
  readonly rows?: readonly { from: number; to: number; cells: readonly { from: number; to: number }[] }[];
}

/**
 * The document as one string for matching: block texts in reading order, table cells separated by
 * CELL and rows by '\n'. `norm` is the same string folded (full-width → half-width) and simplified
 * (Traditional → Simplified, char by char) — same length, so an index is valid in both. Every index
 * maps back to a source offset (`srcStart`, `srcEnd`), which is what spans point at.
 */
export class Stream {
  readonly flat: string;
  readonly norm: string;
  readonly blocks: readonly StreamBlock[];
  private readonly srcStart: Int32Array;
  private readonly srcEnd: Int32Array;
  private readonly lines: LineIndex;

  constructor(readonly doc: SourceDocument, simplify: boolean) {
    const parts: string[] = [];
    let total = 0;
    for (const block of doc.blocks) {
      if (block.type === 'table') for (const row of block.rows) {
        total += row.length + 2;
        for (const cell of row) total += cell.text.length;
      }
      else total += block.text.length + 1;
    }
    const starts = new Int32Array(total + 1);
    const ends = new Int32Array(total + 1);
    const blocks: StreamBlock[] = [];
    let pos = 0;
    const emit = (text: string, start: number, offsets: readonly number[] | undefined): void => {
      parts.push(text);
      if (offsets) {
        for (let i = 0; i < text.length; i++) {
          const s = offsets[i] ?? start + i;
          const e = offsets[i + 1] ?? s + 1;
          starts[pos + i] = s;
          ends[pos + i] = Math.max(s + 1, Math.min(e, s + 16));
        }
      } else {
        for (let i = 0; i < text.length; i++) {
          starts[pos + i] = start + i;
          ends[pos + i] = start + i + 1;
        }
      }
      pos += text.length;
    };
    const sep = (ch: string, at: number): void => {
      parts.push(ch);
      starts[pos] = at;
      ends[pos] = at;
      pos += 1;
    };
    doc.blocks.forEach((block, index) => {
      const from = pos;
      if (block.type === 'table') {
        const rows: { from: number; to: number; cells: { from: number; to: number }[] }[] = [];
        block.rows.forEach((row, r) => {
          const last = r === block.rows.length - 1;
          const rowFrom = pos;
          const cells: { from: number; to: number }[] = [];
          for (const cell of row) {
            sep(CELL, cell.start);
            const cf = pos;
            emit(cell.text, cell.start, cell.offsets);
            cells.push({ from: cf, to: pos });
          }
          // the table's last mark maps to the table's end (a Markdown row's closing '|', </table>)
          sep(CELL, last ? block.end : (row[row.length - 1]?.end ?? block.start));
          rows.push({ from: rowFrom, to: pos, cells });
          sep('\n', last ? block.end : (row[row.length - 1]?.end ?? block.start));
        });
        blocks.push({ block, index, from, to: pos, rows });
      } else {
        emit(block.text, block.start, block.offsets);
        blocks.push({ block, index, from, to: pos });
        sep('\n', block.end);
      }
    });
    this.flat = parts.join('');
    starts[pos] = doc.text.length;
    ends[pos] = doc.text.length;
    this.srcStart = starts;
    this.srcEnd = ends;
    const folded = foldText(this.flat);
    this.norm = simplify ? toSimplified(folded) : folded;
    this.blocks = blocks;
    this.lines = new LineIndex(doc.text);
  }

  /** Source offset where flat index `i` starts. */
  source(i: number): number {
    return this.srcStart[Math.max(0, Math.min(i, this.srcStart.length - 1))] ?? 0;
  }

  /** Span of the flat range [from, to). */
  span(from: number, to: number): Span {
    if (to <= from) {
      const at = this.source(from);
      return this.lines.span(at, at);
    }
    const s = this.srcStart[from] ?? 0;
    const e = Math.max(s, this.srcEnd[to - 1] ?? s);
    return this.lines.span(s, e);
  }

  /** Span of a source range [start, end) of document.text. */
  sourceSpan(start: number, end: number): Span {
    return this.lines.span(start, end);
  }

  /** The block containing flat index `i` (binary search). */
  blockAt(i: number): StreamBlock | undefined {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid];
      if (!b) break;
      if (i < b.from) hi = mid - 1;
      else if (i > b.to) lo = mid + 1;
      else return b;
    }
    return undefined;
  }
}
