import type { FlatRow, SynthDocument, TableLayout } from '../document.js';
import type { TextLayoutResult } from './writer.js';
import { Writer } from './writer.js';

function writeTable(w: Writer, table: TableLayout): void {
  const width = Math.max(...table.flat.map((r) => r.cells.length));
  const row = (r: FlatRow) => {
    w.write('| ');
    for (let i = 0; i < width; i++) {
      if (i > 0) w.write(' | ');
      const path = r.paths?.[i];
      w.write((r.cells[i] ?? '').replace(/\|/g, '\\|'), path ? `cell:${path}` : undefined);
    }
    w.write(' |');
  };
  const [head, ...rest] = table.flat;
  row(head ?? { cells: [] });
  w.write(`\n|${' --- |'.repeat(width)}`);
  for (const r of rest) {
    w.write('\n');
    row(r);
  }
}

/** Markdown: `#` title, `##`/`###` headings, paragraphs, pipe tables (merged cells flattened). */
export function renderMarkdown(doc: SynthDocument): TextLayoutResult {
  const w = new Writer();
  doc.blocks.forEach((block, i) => {
    if (i > 0) w.write('\n\n');
    switch (block.type) {
      case 'title':
        w.write('# ');
        w.beginBlock(i);
        w.write(block.text, 'title');
        break;
      case 'heading':
        w.write(block.level === 1 ? '## ' : '### ');
        w.beginBlock(i);
        w.write(block.text);
        break;
      case 'paragraph':
        w.beginBlock(i);
        for (const run of block.runs) w.write(run.text, run.anchor);
        break;
      case 'table':
        w.beginBlock(i);
        writeTable(w, block.table);
        break;
      case 'separator':
        w.beginBlock(i);
        w.write('---');
        break;
    }
    w.endBlock();
  });
  w.write('\n');
  return w.result();
}
