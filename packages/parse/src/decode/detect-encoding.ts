import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ParseError } from '../errors.js';

export interface Decoded {
  readonly text: string;
  /** Canonical name: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5. */
  readonly encoding: string;
  readonly bom: boolean;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return null;
  }
}

/** Share of zero bytes at even / odd positions (UTF-16 without BOM has many in one of them). */
function zeroProfile(bytes: Uint8Array): { even: number; odd: number } {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half };
}

/** Count of control characters that never occur in text (NUL, and C0 controls other than \t \n \r \f \v ESC). */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 11 && b !== 27) bad++;
  }
  return bad / Math.max(1, n);
}

function countBad(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) bad++;
    // Private-use area and rare compatibility ranges signal a wrong legacy decoding.
    else if (c >= 0xe000 && c <= 0xf8ff) bad++;
  }
  return bad;
}

/** Share of decoded characters that are common CJK (U+4E00–U+9FFF) or ASCII/CJK punctuation. */
function cjkShare(text: string): number {
  let good = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) good++;
  }
  return good / Math.max(1, n);
}

/**
 * Decode bytes of a text format: BOM first, then strict UTF-8, then UTF-16 without BOM, then a
 * legacy Chinese encoding chosen by chardet and checked by decoding (GB18030 vs Big5).
 * Throws BINARY_INPUT for bytes that are no text, UNKNOWN_ENCODING when no decoding is clean.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16-be'), encoding: 'UTF-16BE', bom: true };
  }
  const zeros = zeroProfile(bytes);
  if (zeros.odd > 0.3 && zeros.even < 0.05) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE', bom: false };
  }
  if (zeros.even > 0.3 && zeros.odd < 0.05) {
    return { text: iconv.decode(Buffer.from(bytes), 'utf16-be'), encoding: 'UTF-16BE', bom: false };
  }
  if (controlRatio(bytes) > 0.01) {
    throw new ParseError('BINARY_INPUT', 'The input is binary data, not text, DOCX or PDF.');
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8', bom: false };

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const guesses = chardet.analyse(bytes).map((m) => m.name.toLowerCase());
  const order: string[] = [];
  for (const g of guesses) {
    if (g.startsWith('gb') && !order.includes('GB18030')) order.push('GB18030');
    if (g.startsWith('big5') && !order.includes('Big5')) order.push('Big5');
  }
  for (const e of ['GB18030', 'Big5']) if (!order.includes(e)) order.push(e);
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const [rank, encoding] of order.entries()) {
    const text = iconv.decode(buffer, encoding);
    const score = countBad(text) * 10 - cjkShare(text) * 100 + rank * 0.5;
    if (best === null || score < best.score) best = { text, encoding, score };
  }
  if (best === null || cjkShare(best.text) < 0.5) {
    throw new ParseError('UNKNOWN_ENCODING', 'The text is neither UTF-8, UTF-16, GB18030 nor Big5.');
  }
  return { text: best.text, encoding: best.encoding, bom: false };
}
