import type { Span } from '@xxgk/schema';
import type { SourceLine, SourceText } from './rule.js';

/** Splits `text` into lines (\n, \r\n or \r) and converts offsets to 1-based line/column positions. */
export function createSourceText(text: string): SourceText {
  const lines: SourceLine[] = [];
  const starts: number[] = [];
  if (!text.includes('\r')) {
    // Fast path: \n only.
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      lines.push({ line: lines.length + 1, start, text: text.slice(start, end === -1 ? text.length : end) });
      starts.push(start);
      if (end === -1) break;
      start = end + 1;
    }
  } else {
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const ch = text.charCodeAt(i);
      if (i === text.length || ch === 10 || ch === 13) {
        lines.push({ line: lines.length + 1, start, text: text.slice(start, i) });
        starts.push(start);
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  const position = (offset: number): { line: number; column: number } => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  };
  const span = (from: number, to: number): Span => {
    const a = position(from);
    const b = position(Math.max(from, to));
    return { start: from, end: Math.max(from, to), line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  return { text, lines, position, span };
}
