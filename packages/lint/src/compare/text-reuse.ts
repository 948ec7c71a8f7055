import type { Span } from '@xxgk/schema';
import { createSourceText } from '../source-text.js';

/**
 * Text reuse between two reports: which parts of the text of report B (`other`) were copied from
 * report A (`base`). Both texts are cut into prose paragraphs (one per line; table rows, headings and
 * lines too short to say anything are left out), normalised (whitespace and punctuation dropped,
 * full-width letters and digits folded), and compared by k-grams of normalised characters (shingles),
 * hashed. A character of B counts as copied when it lies in a run of consecutive matching k-grams of at
 * least `minRun` characters (or in a short paragraph found whole), so short stock phrases
 * (政府信息公开工作年度报告) do not count while a copied sentence does, wherever its paragraph moved.
 * Linear in the length of both texts.
 */

export interface TextReuseOptions {
  /** Shingle length in normalised characters (default 8). */
  readonly k?: number;
  /** Shortest run of matching characters that counts as copied (default 16). */
  readonly minRun?: number;
  /** Share of a paragraph's characters that makes it a copied paragraph (default 0.5). */
  readonly paragraphShare?: number;
  /** Share of a sentence's characters that makes it a copied sentence (default 0.8). */
  readonly sentenceShare?: number;
  /** Lines of `other` to leave out (by source offset of their start), e.g. section headings. */
  readonly skipOther?: ReadonlySet<number>;
  /** Lines of `base` to leave out (by source offset of their start). */
  readonly skipBase?: ReadonlySet<number>;
}

export interface CopiedParagraph {
  /** Where the paragraph stands in B. */
  readonly span: Span;
  /** The paragraph as written in B. */
  readonly text: string;
  /** Normalised characters of the paragraph, and how many of them were copied. */
  readonly chars: number;
  readonly copiedChars: number;
  readonly share: number;
  /** The paragraph of A it was copied from (where most of its copied characters come from). */
  readonly sourceSpan: Span | null;
}

export interface TextReuse {
  /** Normalised prose characters of B. */
  readonly chars: number;
  /** Of which found in A. */
  readonly copiedChars: number;
  /** copiedChars / chars (0 for an empty text). */
  readonly share: number;
  readonly sentences: number;
  readonly copiedSentences: number;
  /** copiedSentences / sentences. */
  readonly sentenceShare: number;
  /** Prose paragraphs of B. */
  readonly paragraphs: number;
  /** B's paragraphs mostly copied from A, in B's order. */
  readonly copiedParagraphs: CopiedParagraph[];
}

/** A prose paragraph: its normalised characters with their source offsets. */
interface Paragraph {
  readonly start: number;
  readonly end: number;
  /** Normalised character codes. */
  readonly codes: number[];
  /** Source offset of each normalised character. */
  readonly offsets: number[];
  /** Source offsets where a sentence ends (after 。！？；…). */
  readonly sentenceEnds: number[];
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
}

const LETTER = /[\p{L}\p{N}]/u;

/** The normalised code of a character, or -1 when it is whitespace or punctuation. */
function normalise(c: number, ch: string): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
  if (c >= 0x30 && c <= 0x39) return c;
  if (c >= 0x61 && c <= 0x7a) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c < 0x80) return -1;
  if (isCjk(c)) return c;
  return LETTER.test(ch) ? c : -1;
}

const DIGIT = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Lines that are table rows: cells split by tabs or pipes, or mostly numbers. */
function isTableRow(line: string, codes: readonly number[]): boolean {
  if (line.includes('\t') || /^\s*\|.*\|\s*$/.test(line)) return true;
  // Columns padded with spaces (a text table laid out for a monospace terminal): prose never has them.
  if (/\S[ \u3000]{2,}\S/.test(line)) return true;
  let digits = 0;
  for (const c of codes) if (DIGIT(c)) digits++;
  return digits * 2 >= codes.length;
}

/** Prose paragraphs of a text (one per non-empty line). */
function paragraphs(text: string, skip: ReadonlySet<number> | undefined, minChars: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of createSourceText(text).lines) {
    if (skip?.has(line.start)) continue;
    const codes: number[] = [];
    const offsets: number[] = [];
    const sentenceEnds: number[] = [];
    const s = line.text;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      let ch = s[i]!;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        c = s.codePointAt(i)!;
        ch = String.fromCodePoint(c);
      }
      const n = normalise(c, ch);
      if (n >= 0) {
        codes.push(n);
        offsets.push(line.start + i);
      } else if (SENTENCE_END.has(ch)) {
        sentenceEnds.push(line.start + i + 1);
      }
      if (ch.length === 2) i++;
    }
    if (codes.length < minChars || isTableRow(s, codes)) continue;
    // The paragraph without its indentation and trailing spaces.
    const lead = s.length - s.replace(/^[\s\u3000]+/, '').length;
    const trail = s.length - s.replace(/[\s\u3000]+$/, '').length;
    out.push({ start: line.start + lead, end: line.start + s.length - trail, codes, offsets, sentenceEnds });
  }
  return out;
}

/** A 53-bit hash of codes[i, i + k). */
function hashAt(codes: readonly number[], i: number, k: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let j = i; j < i + k; j++) {
    const c = codes[j]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Measures how much of `other` (B) was copied from `base` (A). */
export function textReuse(base: string, other: string, options: TextReuseOptions = {}): TextReuse {
  const k = options.k ?? 8;
  const minRun = Math.max(k, options.minRun ?? 16);
  const paragraphShare = options.paragraphShare ?? 0.5;
  const sentenceShare = options.sentenceShare ?? 0.8;
  const a = paragraphs(base, options.skipBase, k);
  const b = paragraphs(other, options.skipOther, k);

  // Every k-gram of A, with the (first) paragraph of A it occurs in.
  const seen = new Map<number, number>();
  a.forEach((p, index) => {
    for (let i = 0; i + k <= p.codes.length; i++) {
      const h = hashAt(p.codes, i, k);
      if (!seen.has(h)) seen.set(h, index);
    }
  });

  const baseSource = createSourceText(base);
  const otherSource = createSourceText(other);
  let chars = 0;
  let copiedChars = 0;
  let sentences = 0;
  let copiedSentences = 0;
  const copiedParagraphs: CopiedParagraph[] = [];
  for (const p of b) {
    const n = p.codes.length;
    chars += n;
    // Mark characters covered by a matching k-gram; remember where in A the first match came from.
    const covered = new Uint8Array(n);
    const from = new Int32Array(n).fill(-1);
    for (let i = 0; i + k <= n; i++) {
      const at = seen.get(hashAt(p.codes, i, k));
      if (at === undefined) continue;
      from[i] = at;
      covered.fill(1, i, i + k);
    }
    // Keep runs of at least minRun characters.
    let own = 0;
    for (let i = 0; i < n; ) {
      if (!covered[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && covered[j]) j++;
      // A short paragraph found whole counts too.
      if (j - i >= minRun || (i === 0 && j === n)) own += j - i;
      else covered.fill(0, i, j);
      i = j;
    }
    copiedChars += own;
    // Sentences: normalised characters between sentence ends.
    let e = 0;
    const ends = [...p.sentenceEnds, Number.POSITIVE_INFINITY];
    for (const end of ends) {
      let total = 0;
      let hit = 0;
      while (e < n && p.offsets[e]! < end) {
        total++;
        hit += covered[e]!;
        e++;
      }
      if (total > 0) {
        sentences++;
        if (hit >= total * sentenceShare) copiedSentences++;
      }
      if (e >= n) break;
    }
    if (n > 0 && own >= n * paragraphShare) {
      // The paragraph of A most of its kept k-grams come from.
      const votes = new Map<number, number>();
      for (let i = 0; i < n; i++) if (covered[i] && from[i]! >= 0) votes.set(from[i]!, (votes.get(from[i]!) ?? 0) + 1);
      let best = -1;
      let bestVotes = 0;
      for (const [index, count] of votes) {
        if (count > bestVotes || (count === bestVotes && index < best)) {
          best = index;
          bestVotes = count;
        }
      }
      const source = a[best];
      const sourceSpan: Span | null = source ? baseSource.span(source.start, source.end) : null;
      copiedParagraphs.push({
        span: otherSource.span(p.start, p.end),
        text: other.slice(p.start, p.end),
        chars: n,
        copiedChars: own,
        share: own / n,
        sourceSpan,
      });
    }
  }
  return {
    chars,
    copiedChars,
    share: chars === 0 ? 0 : copiedChars / chars,
    sentences,
    copiedSentences,
    sentenceShare: sentences === 0 ? 0 : copiedSentences / sentences,
    paragraphs: b.length,
    copiedParagraphs,
  };
}
