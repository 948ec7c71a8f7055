/**
 * Text fragments (pdf.js text items in user space) and how they join into visual lines.
 */

export interface Fragment {
  readonly str: string;
  /** Left edge and baseline (for vertical text: the top of the first glyph). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size in user space. */
  readonly size: number;
  readonly vertical: boolean;
  readonly top: number;
  readonly bottom: number;
}

export interface Line {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly size: number;
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFE30-\uFE4F\uFF00-\uFFEF\u2018-\u201F\u2026\u2014]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

export function centerX(f: Fragment): number {
  return f.x + f.width / 2;
}

export function centerY(f: Fragment): number {
  return (f.top + f.bottom) / 2;
}

/**
 * Build a fragment from a pdf.js text item whose `transform` is already in the page's reading frame
 * (y up, rotation applied); undefined for whitespace-only or degenerate items. Text running up or
 * down the page (rotated cell labels) and vertical-font text become vertical fragments.
 */
export function toFragment(
  str: string,
  transform: readonly number[],
  width: number,
  height: number,
): Fragment | undefined {
  // Control characters and unmapped glyphs carry no text.
  // eslint-disable-next-line no-control-regex
  const clean = str.replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFD]/gu, '').replace(/\s+/gu, ' ');
  if (clean.trim() === '') return undefined;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || height || 1;
  if (![e, f, width, size].every(Number.isFinite)) return undefined;
  if (Math.abs(b) > 0.3 * Math.abs(a)) {
    // Rotated: the baseline runs up (b > 0) or down the page; glyphs stand beside it.
    const up = b > 0;
    return {
      str: clean,
      x: up ? e - size * 0.8 : e - size * 0.2,
      y: f,
      width: size,
      size,
      vertical: true,
      top: up ? f + width : f,
      bottom: up ? f : f - width,
    };
  }
  const chars = [...clean.trim()].length;
  const vertical = chars > 1 && height > 1.5 * size && width < 1.5 * size;
  if (vertical) {
    return { str: clean, x: e, y: f, width: Math.max(width, size), size, vertical, top: f + size * 0.8, bottom: f - height + size * 0.8 };
  }
  return { str: clean, x: e, y: f, width: Math.max(width, 0), size, vertical, top: f + size * 0.8, bottom: f - size * 0.2 };
}

/** Split a fragment into one fragment per character (equal advance widths). */
export function splitChars(f: Fragment): Fragment[] {
  const chars = [...f.str];
  if (chars.length <= 1 || f.vertical) return [f];
  const step = f.width / chars.length;
  return chars.map((ch, i) => ({ ...f, str: ch, x: f.x + i * step, width: step }));
}

/** Group fragments into visual lines, top to bottom; each line's fragments left to right. */
export function groupLines(fragments: readonly Fragment[]): Fragment[][] {
  const sorted = [...fragments].sort((p, q) => centerY(q) - centerY(p) || p.x - q.x);
  const lines: { cy: number; size: number; items: Fragment[] }[] = [];
  for (const f of sorted) {
    const cy = centerY(f);
    const line = lines.find(
      (l) => !f.vertical && !l.items.some((i) => i.vertical) && Math.abs(l.cy - cy) < 0.5 * Math.max(l.size, f.size),
    );
    if (line === undefined) lines.push({ cy, size: f.size, items: [f] });
    else {
      line.items.push(f);
      line.size = Math.max(line.size, f.size);
    }
  }
  lines.sort((p, q) => q.cy - p.cy);
  return lines.map((l) => l.items.sort((p, q) => p.x - q.x));
}

/** Join the fragments of one visual line: a space where the gap is large, nothing where CJK abuts. */
export function joinFragments(items: readonly Fragment[]): string {
  let out = '';
  let prev: Fragment | undefined;
  for (const f of items) {
    const str = out === '' ? f.str.trimStart() : f.str;
    if (prev !== undefined && out !== '' && !out.endsWith(' ') && !str.startsWith(' ')) {
      const gap = f.x - (prev.x + prev.width);
      const size = Math.max(prev.size, f.size);
      const cjk = isCjk(out.at(-1)) || isCjk(str[0]);
      if (gap > (cjk ? 1.5 : 0.2) * size) out += ' ';
    }
    out += str;
    prev = f;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Join wrapped lines of one paragraph or cell: nothing at a CJK boundary, else one space. */
export function lineSeparator(before: string, after: string): string {
  if (before === '' || after === '') return '';
  return isCjk(before.at(-1)) || isCjk(after[0]) ? '' : ' ';
}

export function toLine(items: readonly Fragment[]): Line {
  return {
    text: joinFragments(items),
    left: Math.min(...items.map((f) => f.x)),
    right: Math.max(...items.map((f) => f.x + f.width)),
    top: Math.max(...items.map((f) => f.top)),
    bottom: Math.min(...items.map((f) => f.bottom)),
    size: Math.max(...items.map((f) => f.size)),
  };
}
