import type { DocBlock, DocCell, SourceDocument } from '../document.js';
import type { SourceFormat } from '@xxgk/schema';

/**
 * Re-base blocks on a text of their own: one line per paragraph, one line per table row (cells
 * separated by a tab). Used for binary formats (DOCX), whose spans point into the extracted text.
 */
export function flattenBlocks(format: SourceFormat, blocks: readonly DocBlock[]): SourceDocument {
  const parts: string[] = [];
  let pos = 0;
  const out: DocBlock[] = [];
  const add = (s: string): number => {
    const at = pos;
    parts.push(s);
    pos += s.length;
    return at;
  };
  for (const block of blocks) {
    if (block.type === 'table') {
      const start = pos;
      const rows: DocCell[][] = [];
      for (const row of block.rows) {
        const cells: DocCell[] = [];
        row.forEach((cell, k) => {
          if (k > 0) add('\t');
          const at = add(cell.text);
          cells.push({ text: cell.text, start: at, end: at + cell.text.length, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
        });
        add('\n');
        rows.push(cells);
      }
      out.push({ type: 'table', start, end: Math.max(start, pos - 1), rows });
    } else {
      const at = add(block.text);
      add('\n');
      out.push(block.type === 'heading'
        ? { type: 'heading', text: block.text, start: at, end: at + block.text.length, ...(block.level !== undefined ? { level: block.level } : {}) }
        : { type: 'paragraph', text: block.text, start: at, end: at + block.text.length });
    }
  }
  return { format, text: parts.join(''), blocks: out };
}
