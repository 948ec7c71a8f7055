import type { RawToken } from './glued-digits.js';
import { CELL, type Stream } from './stream.js';

const BLANK_CELL_RE = /^[\s\u00a0]*(?:|[-—–－―─/／\\]+|无|空)[\s\u00a0]*$/;
const NUMERIC_CELL_RE = /^[\s\u00a0]*[-+−－]?\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|件|条|个|次|项|%)?[\s\u00a0]*$/;

export function isValueCell(text: string): boolean {
  return BLANK_CELL_RE.test(text) || NUMERIC_CELL_RE.test(text);
}

/** Exact tokens from table cells [from, to) of the flat stream. */
export function cellToken(stream: Stream, from: number, to: number): RawToken {
  let s = from;
  let e = to;
  const norm = stream.norm;
  while (s < e && /\s/.test(norm[s] ?? '')) s++;
  while (e > s && /\s/.test(norm[e - 1] ?? '')) e--;
  return { from: s, to: e, text: norm.slice(s, e).replace(/[，,]/g, (m, i: number) => (/\d/.test(norm[s + i + 1] ?? '') ? ',' : m)), exact: true };
}

/** Closing brackets, quotes and separators that may follow a label before its values. */
const LEAD_SKIP = new Set(Array.from(' \t\u00a0:)）"”’」』】]>》〉'));

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Value runs in running text from flat index `from` up to `to`: digit runs separated by spaces
 * (each possibly several cells run together), and lone dashes (blank cells). Stops at the first
 * other character. `unit` receives a unit written right after the last run (元, 万元).
 */
export function textRuns(stream: Stream, from: number, to: number): { tokens: RawToken[]; end: number; unit: string } {
  const norm = stream.norm;
  const tokens: RawToken[] = [];
  let i = from;
  let unit = '';
  const limit = Math.min(to, norm.length);
  // skip a separator right after a label
  while (i < limit && LEAD_SKIP.has(norm[i] ?? '')) i++;
  // tab-separated values (text exports of tables): each field is one cell, an empty field a blank
  let tabbed = false;
  while (i < limit) {
    const c = norm[i];
    if (c === '\t') {
      let n = 0;
      while (i < limit && norm[i] === '\t') {
        n++;
        i++;
      }
      if (tokens.length > 0) {
        tabbed = true;
        const prev = tokens[tokens.length - 1];
        if (prev) tokens[tokens.length - 1] = { ...prev, exact: true };
        for (let k = 1; k < n; k++) tokens.push({ from: i - n + k, to: i - n + k, text: '', exact: true });
      }
      continue;
    }
    if (c === '\n' && tabbed) break;
    if (c === ' ' || c === '\u00a0' || c === '\n' || c === CELL) {
      i++;
      continue;
    }
    if (isDigit(c) || ((c === '-' || c === '−') && isDigit(norm[i + 1]))) {
      const s = i;
      i++;
      while (i < limit) {
        const d = norm[i];
        if (isDigit(d)) i++;
        else if ((d === '.' || d === ',') && isDigit(norm[i + 1]) && i + 1 < limit) i++;
        else break;
      }
      tokens.push({ from: s, to: i, text: norm.slice(s, i), exact: tabbed || norm[s - 1] === '\t' });
      const u = /^(万元|元)/.exec(norm.slice(i, i + 2));
      if (u) {
        unit = u[1] ?? '';
        i += unit.length;
      }
      continue;
    }
    if ((c === '—' || c === '/' || c === '-' || c === '－') && tokens.length < 64) {
      const s = i;
      while (i < limit && (norm[i] === '—' || norm[i] === '-' || norm[i] === '/' || norm[i] === '－')) i++;
      tokens.push({ from: s, to: i, text: '', exact: true });
      continue;
    }
    break;
  }
  // A thousands-separated run is one number, not glued cells.
  return {
    tokens: tokens.map((t) => (t.text.includes(',') ? { ...t, text: t.text.replace(/,/g, ''), exact: true } : t)),
    end: i,
    unit,
  };
}
