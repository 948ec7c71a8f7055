import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

/** opencc-js's Converter (its bundled typings do not resolve under every type checker). */
const Converter = (OpenCC as unknown as { Converter: (options: { from: string; to: string }) => Convert }).Converter;

let twToCn: Convert | null = null;
let hkToCn: Convert | null = null;
/** Simplified form by UTF-16 code unit, 0 = not looked up yet (no code unit ≥ U+3400 maps to 0). */
const cache = new Uint16Array(0x10000);

function converters(): [Convert, Convert] {
  const tw = twToCn ?? Converter({ from: 'tw', to: 'cn' });
  const hk = hkToCn ?? Converter({ from: 'hk', to: 'cn' });
  twToCn = tw;
  hkToCn = hk;
  return [tw, hk];
}

/** Simplified form of one BMP character (itself when it has none, or when the conversion is not 1:1). */
function simplifyChar(code: number): number {
  const hit = cache[code] ?? 0;
  if (hit !== 0) return hit;
  const [tw, hk] = converters();
  const ch = String.fromCharCode(code);
  let out = tw(ch);
  if (out === ch) out = hk(ch);
  const result = out.length === 1 ? out.charCodeAt(0) : code;
  cache[code] = result;
  return result;
}

/** Characters OpenCC would change: counted to tell Traditional from Simplified text. */
export function traditionalShare(text: string): number {
  let cjk = 0;
  let changed = 0;
  const n = text.length;
  for (let i = 0; i < n && cjk < 3000; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    cjk++;
    if (simplifyChar(c) !== c) changed++;
  }
  return cjk === 0 ? 0 : changed / cjk;
}

/**
 * Traditional → Simplified, character by character (OpenCC 'tw'/'hk' → 'cn' dictionaries), so the result
 * has exactly the same length and every offset still points at the same character of the original.
 */
export function toSimplified(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const s = simplifyChar(c);
    if (s !== c) {
      parts.push(text.slice(last, i), String.fromCharCode(s));
      last = i + 1;
    }
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}
