import type { FlatRow, SynthDocument, TableLayout } from '../document.js';
import type { RenderStyle } from './style.js';
import type { TextLayoutResult } from './writer.js';
import { Writer } from './writer.js';

/** Display width of a string in a monospace terminal (CJK and full-width forms count 2). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c === 0x201c || c === 0x201d) ? 2 : 1;
  }
  return w;
}

/** A piece of a rendered table line: text, and the cell path it shows (for spans). */
export interface Piece {
  readonly text: string;
  readonly path?: string | undefined;
}

function cellPieces(row: FlatRow, separator: string): Piece[] {
  return row.cells.flatMap((text, i) => [...(i > 0 && separator ? [{ text: separator }] : []), { text, path: row.paths?.[i] }]);
}

/** The table as lines of pieces: tab-separated, or label-padded with right-aligned values. */
export function tableLines(table: TableLayout, style: RenderStyle): Piece[][] {
  // A row whose first cell is data has no label (表四).
  const unlabelled = (r: FlatRow) => r.paths?.[0] !== undefined;
  const hasBlank = table.flat.some((r) => r.path !== undefined && r.cells.slice(unlabelled(r) ? 0 : 1).some((c) => c === ''));
  const rows: readonly FlatRow[] = table.flat;
  if (style.textTableSeparator === 'tab' || hasBlank) return rows.map((r) => cellPieces(r, '\t'));
  const data = rows.filter((r) => !r.header);
  const labelWidth = Math.max(...data.filter((r) => !unlabelled(r)).map((r) => displayWidth(r.cells[0] ?? '')), 0);
  const valueWidth = Math.max(...data.flatMap((r) => r.cells.slice(unlabelled(r) ? 0 : 1).map((c) => displayWidth(c))), 1);
  return rows.map((r) => {
    if (r.header) return [{ text: r.cells.filter((c) => c !== '').join('  ') }];
    const offset = unlabelled(r) ? 0 : 1;
    const label = offset === 1 ? (r.cells[0] ?? '') : '';
    const values = r.cells.slice(offset);
    if (values.length === 0) return [{ text: label }];
    const pieces: Piece[] = offset === 1 ? [{ text: label }, { text: ' '.repeat(Math.max(0, labelWidth - displayWidth(label))) }] : [];
    values.forEach((v, i) => {
      const pad = ' '.repeat(Math.max(0, valueWidth - displayWidth(v)));
      pieces.push({ text: i === 0 && offset === 0 ? pad : `  ${pad}` }, { text: v, path: r.paths?.[i + offset] });
    });
    return pieces;
  });
}

function writeLines(w: Writer, lines: Piece[][], separator: string): void {
  lines.forEach((line, i) => {
    if (i > 0) w.write(separator);
    for (const piece of line) w.write(piece.text, piece.path ? `cell:${piece.path}` : undefined);
  });
}

/** Plain text: one paragraph, heading or table row per line. */
export function renderText(doc: SynthDocument, style: RenderStyle): TextLayoutResult {
  const w = new Writer();
  const gap = style.textBlankLines ? '\n\n' : '\n';
  doc.blocks.forEach((block, i) => {
    if (i > 0) w.write(block.type === 'table' ? '\n' : gap);
    w.beginBlock(i);
    switch (block.type) {
      case 'title':
        w.write(block.text, 'title');
        break;
      case 'heading':
        w.write(block.text);
        break;
      case 'paragraph':
        if (!block.role) w.write(style.textIndent);
        for (const run of block.runs) w.write(run.text, run.anchor);
        break;
      case 'table':
        writeLines(w, tableLines(block.table, style), '\n');
        break;
      case 'separator':
        w.write('');
        break;
    }
    w.endBlock();
  });
  w.write('\n');
  return w.result();
}

/**
 * A web-page text dump: breadcrumb chrome, then the body with table cells glued together
 * (`（一）予以公开801000081`), either all on one line or one line per paragraph and table row.
 */
export function renderTextDump(doc: SynthDocument, style: RenderStyle): TextLayoutResult {
  const w = new Writer();
  const sep = style.dumpOneLine ? '' : '\n';
  w.write(`当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报\n`);
  doc.blocks.forEach((block, i) => {
    if (i > 0) w.write(block.type === 'title' || block.type === 'separator' ? '\n' : sep);
    w.beginBlock(i);
    switch (block.type) {
      case 'title':
        w.write(block.text, 'title');
        w.endBlock();
        w.write('\n');
        return;
      case 'heading':
        w.write(block.text);
        break;
      case 'paragraph':
        for (const run of block.runs) w.write(run.text, run.anchor);
        break;
      case 'table':
        {
          const solvable = block.table.id === 'applications' || block.table.id === 'reviewLitigation';
          const glue = solvable || style.dumpGlueAll ? '' : ' ';
          writeLines(w, block.table.flat.map((r) => cellPieces(r, glue)), sep);
        }
        break;
      case 'separator':
        break;
    }
    w.endBlock();
  });
  w.write('\n打印本页 关闭窗口\n');
  return w.result();
}
