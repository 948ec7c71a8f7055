import type { DocBlock, FormatProcessor, ProcessorInput, SourceDocument } from '../document.js';

/** Paragraph blocks, one per non-blank line, trimmed; offsets point into `text` itself. */
export function lineBlocks(text: string, from = 0, to = text.length): DocBlock[] {
  const blocks: DocBlock[] = [];
  let i = from;
  while (i < to) {
    let e = text.indexOf('\n', i);
    if (e < 0 || e > to) e = to;
    let s = i;
    let t = e;
    while (s < t && isSpace(text.charCodeAt(s))) s++;
    while (t > s && isSpace(text.charCodeAt(t - 1))) t--;
    if (t > s) blocks.push({ type: 'paragraph', text: text.slice(s, t), start: s, end: t });
    i = e + 1;
  }
  return blocks;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** Plain text, pandoc plain-text residue and web-page text dumps. */
export const textProcessor: FormatProcessor = {
  format: 'text',
  extensions: ['.txt', '.text'],
  sniff: () => true,
  toDocument(input: ProcessorInput): SourceDocument {
    const text = input.text ?? '';
    return { format: 'text', text, blocks: lineBlocks(text) };
  },
};
