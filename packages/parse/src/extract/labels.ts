import type { Stream } from './stream.js';

/** Characters ignored when matching labels: whitespace, cell marks, quotes, brackets, punctuation. */
const IGNORED = new Set(
  Array.from(' \t\n\r\f\v\u001f\u00a0\u3000"\'“”‘’「」『』()（）【】[]<>《》〈〉:：,，。、;；·．!！?？'),
);

/** IGNORED as a lookup table by UTF-16 code unit. */
const IGNORED_CODE = (() => {
  const t = new Uint8Array(65536);
  for (const ch of IGNORED) t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** Numbering in front of a label: 一、 （一） 1. 1、 (1) */
export const ORDINAL_RE = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)])\s*/;

/** A label without its numbering, compacted for matching. */
export function bodyKey(label: string, simplify?: (s: string) => string): string {
  const body = label.replace(ORDINAL_RE, '');
  const s = simplify ? simplify(body) : body;
  // by code unit: IGNORED holds BMP characters only, and full-width folding is one unit to one
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const fold = c >= 0xff01 && c <= 0xff5e;
    if (IGNORED_CODE[c] === 1 || fold) {
      if (run < i) out += s.slice(run, i);
      run = i + 1;
      if (fold && IGNORED_CODE[c] !== 1) out += String.fromCharCode(c - 0xfee0);
    }
  }
  if (run < s.length) out += run === 0 ? s : s.slice(run);
  return out;
}

/** The digits of a label's numbering when it is arabic (1.属于国家秘密 → "1"), else null. */
export function arabicOrdinal(label: string): string | null {
  const m = /^\s*(\d{1,2})\s*[.．、]/.exec(label);
  return m ? (m[1] ?? null) : null;
}

/**
 * The normalised stream with ignorable characters removed, and the flat index of each kept
 * character, so a label can be found across line breaks, cell marks and spacing.
 */
export class Compact {
  readonly text: string;
  readonly index: Int32Array;

  constructor(stream: Stream) {
    const norm = stream.norm;
    const idx = new Int32Array(norm.length + 1);
    const parts: string[] = [];
    let n = 0;
    let runStart = -1;
    for (let i = 0; i < norm.length; i++) {
      if (IGNORED_CODE[norm.charCodeAt(i)] === 1) {
        if (runStart >= 0) {
          parts.push(norm.slice(runStart, i));
          runStart = -1;
        }
        continue;
      }
      if (runStart < 0) runStart = i;
      idx[n++] = i;
    }
    if (runStart >= 0) parts.push(norm.slice(runStart));
    idx[n] = norm.length;
    this.text = parts.join('');
    this.index = idx.subarray(0, n + 1);
  }

  /** Flat index of compact position p. */
  flat(p: number): number {
    return this.index[Math.min(p, this.index.length - 1)] ?? 0;
  }

  /** First compact position ≥ flat index i. */
  compactAt(i: number): number {
    let lo = 0;
    let hi = this.index.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.index[mid] ?? 0) < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Flat range [from, to) of the first occurrence of `key` at or after flat index `from`, before `limit`. */
  find(key: string, from: number, limit = Number.POSITIVE_INFINITY): { from: number; to: number } | null {
    if (key.length === 0) return null;
    const p = this.text.indexOf(key, this.compactAt(from));
    if (p < 0) return null;
    const start = this.flat(p);
    if (start >= limit) return null;
    return { from: start, to: this.flat(p + key.length - 1) + 1 };
  }
}
