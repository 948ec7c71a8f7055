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

/** How much of a legacy-encoded input chardet reads. */
const CHARDET_SAMPLE_BYTES = 64 * 1024;

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

/** Very frequent characters of Chinese prose, in both scripts: a wrong legacy decoding yields rare ones. */
const FREQUENT = new Set(
  Array.from(
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严這個為們來說時會國對於發過動學實現當與關點從業還進開後經長問題報導區縣辦處機構條務總結況請開計劃執據網絡規範監統數門體單據認較訊'),
);

/** Share of decoded characters that are among the frequent ones. */
function frequentShare(text: string): number {
  let hits = 0;
  let cjk = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (FREQUENT.has(text[i] ?? '')) hits++;
    }
  }
  return cjk === 0 ? 0 : hits / cjk;
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
  if (bytes.length % 2 === 0 && (zeros.even > 0 || zeros.odd > 0) && tryUtf8(bytes) === null) {
    // UTF-16 without BOM and mostly CJK: few zero bytes; accept a clean, Chinese-looking decoding.
    for (const [encoding, label] of [['utf16le', 'UTF-16LE'], ['utf16-be', 'UTF-16BE']] as const) {
      const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
      if (countBad(text) === 0 && cjkShare(text) > 0.9 && frequentShare(text) > 0.2) return { text, encoding: label, bom: false };
    }
  }
  if (controlRatio(bytes) > 0.01) {
    throw new ParseError('BINARY_INPUT', 'The input is binary data, not text, DOCX or PDF.');
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8', bom: false };

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // chardet only orders the candidates (each is decoded and scored in full below): a sample is enough,
  // and chardet over a whole multi-megabyte input was the slowest step of parsing one.
  const guesses = chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE_BYTES)).map((m) => m.name.toLowerCase());
  const order: string[] = [];
  for (const g of guesses) {
    if (g.startsWith('gb') && !order.includes('GB18030')) order.push('GB18030');
    if (g.startsWith('big5') && !order.includes('Big5')) order.push('Big5');
  }
  for (const e of ['GB18030', 'Big5']) if (!order.includes(e)) order.push(e);
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const [rank, encoding] of order.entries()) {
    const text = iconv.decode(buffer, encoding);
    const score = countBad(text) * 10 - cjkShare(text) * 100 - frequentShare(text) * 200 + rank * 0.5;
    if (best === null || score < best.score) best = { text, encoding, score };
  }
  if (best === null || cjkShare(best.text) < 0.5) {
    throw new ParseError('UNKNOWN_ENCODING', 'The text is neither UTF-8, UTF-16, GB18030 nor Big5.');
  }
  return { text: best.text, encoding: best.encoding, bom: false };
}
