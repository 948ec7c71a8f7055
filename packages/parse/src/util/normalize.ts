/**
 * Character-level normalisation that keeps length (one UTF-16 unit in, one out), so an offset in the
 * normalised text is the same offset in the original: full-width ASCII → half-width, ideographic
 * space → space, curly quotes → straight. Traditional → Simplified is applied separately
 * (src/decode/to-simplified.ts), also char by char.
 */
export function foldChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) {
    // keep full-width brackets and comma/colon distinct from ASCII? No: fold everything; callers match both.
    return code - 0xfee0;
  }
  if (code === 0x3000) return 0x20;
  if (code === 0x201c || code === 0x201d || code === 0x300c || code === 0x300d) return 0x22;
  if (code === 0x2018 || code === 0x2019) return 0x27;
  if (code === 0x3001) return 0x3001; // 、 stays
  if (code === 0xa0) return 0x20;
  return code;
}

/** Fold a whole string (same length). */
export function foldText(text: string): string {
  let changed = false;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldChar(c);
    if (f !== c) {
      changed = true;
      parts.push(text.slice(last, i), String.fromCharCode(f));
      last = i + 1;
    }
  }
  if (!changed) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

/** Normalise a label for matching: fold, drop whitespace, quotes and brackets of any width. */
export function labelKey(text: string): string {
  return foldText(text).replace(/[\s"'“”‘’「」『』()（）【】[\]<>《》:：,，。.、;；]/g, '');
}
