import type { DocBlock, DocCell, DocTable, FormatProcessor, ProcessorInput, SourceDocument } from '../document.js';
import { isSpace, lineBlocks } from './text.js';

const SEPARATOR_RE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** The cells of one pipe-table line, trimmed, with offsets into the text. */
function pipeCells(text: string, start: number, end: number): DocCell[] {
  const bars: number[] = [];
  for (let j = start; j < end; j++) if (text[j] === '|' && text[j - 1] !== '\\') bars.push(j);
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  let last = end;
  while (last > first && isSpace(text.charCodeAt(last - 1))) last--;
  const bounds: number[] = [];
  if (bars[0] !== first) bounds.push(first - 1);
  bounds.push(...bars);
  if (bars[bars.length - 1] !== last - 1) bounds.push(last);
  const cells: DocCell[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    let s = (bounds[k] ?? 0) + 1;
    let t = bounds[k + 1] ?? s;
    while (s < t && isSpace(text.charCodeAt(s))) s++;
    while (t > s && isSpace(text.charCodeAt(t - 1))) t--;
    cells.push({ text: text.slice(s, t), start: s, end: t, rowSpan: 1, colSpan: 1 });
  }
  return cells;
}

/** Markdown: ATX headings and pipe tables become blocks; everything else is a paragraph per line. */
export const markdownProcessor: FormatProcessor = {
  format: 'markdown',
  extensions: ['.md', '.markdown'],
  sniff(bytes: Uint8Array): boolean {
    const head = new TextDecoder().decode(bytes.subarray(0, 4096));
    return /^#{1,6}\s/m.test(head) || /^\s*\|.*\|\s*$/m.test(head);
  },
  toDocument(input: ProcessorInput): SourceDocument {
    const text = input.text ?? '';
    const blocks: DocBlock[] = [];
    let table: { start: number; end: number; rows: DocCell[][] } | null = null;
    const flush = (): void => {
      if (table && table.rows.length > 0) {
        const t: DocTable = { type: 'table', start: table.start, end: table.end, rows: table.rows };
        blocks.push(t);
      }
      table = null;
    };
    let i = 0;
    while (i <= text.length) {
      let e = text.indexOf('\n', i);
      if (e < 0) e = text.length;
      const line = text.slice(i, e);
      const trimmed = line.trim();
      if (trimmed.startsWith('|')) {
        if (SEPARATOR_RE.test(trimmed)) {
          if (table) table.end = e;
        } else {
          table ??= { start: i + line.indexOf('|'), end: e, rows: [] };
          table.rows.push(pipeCells(text, i, e));
          table.end = e;
        }
      } else {
        flush();
        const h = /^([ \t]{0,3})(#{1,6})[ \t]+/.exec(line);
        if (h) {
          const ts = i + h[0].length;
          let te = e;
          while (te > ts && isSpace(text.charCodeAt(te - 1))) te--;
          while (te > ts && text[te - 1] === '#') te--;
          while (te > ts && isSpace(text.charCodeAt(te - 1))) te--;
          const content = text.slice(ts, te);
          blocks.push({ type: 'heading', level: h[2]?.length ?? 1, text: content, start: ts, end: te });
        } else if (trimmed.length > 0) {
          blocks.push(...lineBlocks(text, i, e));
        }
      }
      if (e >= text.length) break;
      i = e + 1;
    }
    flush();
    return { format: 'markdown', text, blocks };
  },
};
