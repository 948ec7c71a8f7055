import { foldText } from './util/normalize.js';

export interface ParsedNumber {
  /** The number; null for a blank cell (empty, —, /, 无) or an unreadable one. */
  readonly value: number | null;
  /** True for a blank / dash / 无 cell. */
  readonly blank: boolean;
  /** The unit written after the number (件, 条, 元, 万元 …), '' when none. */
  readonly unit: string;
  /** Why the text could not be read as a number (absent when it could, or when blank). */
  readonly error?: string;
}

const BLANKS = new Set(['', '-', '--', '—', '——', '–', '/', '\\', '无', '空', '―', '─', '－', '×', 'x', 'X', 'N/A', 'n/a']);
const UNIT_RE = /(万元|亿元|元|件次|人次|件|条|个|次|项|篇|份|期|场|%|家|人|户|余件|余条)$/;
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零三 → 103, 两千 → 2000, 三万五千 → 35000; null when not a Chinese numeral. */
export function chineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 16) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let any = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      any = true;
      continue;
    }
    const u = SMALL_UNITS[ch];
    if (u !== undefined) {
      section += (digit ?? 1) * u;
      digit = null;
      any = true;
      continue;
    }
    if (ch === '万' || ch === '亿') {
      const big = ch === '万' ? 10_000 : 100_000_000;
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  if (!any) return null;
  return total + section + (digit ?? 0);
}

const PLAIN_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const GROUPED_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Read a table cell or a number in prose: half- and full-width digits, thousands separators,
 * signs (−, －, 减少/增加), decimals, a trailing unit (件/条/元/万元 …) and Chinese numerals (两件,
 * 十二件, 一百零三条). Blank, —, / and 无 give `{ value: null, blank: true }`. Never throws: a number
 * too large to hold exactly is `{ value: null, error }`.
 */
const SIMPLE_RE = /^\d{1,15}$/;

export function parseNumber(raw: string): ParsedNumber {
  if (SIMPLE_RE.test(raw)) return { value: Number(raw), blank: false, unit: '' };
  let text = foldText(raw).replace(/[\s\u00a0]+/g, '');
  if (BLANKS.has(text)) return { value: null, blank: true, unit: '' };
  let unit = '';
  const um = UNIT_RE.exec(text);
  if (um && um.index > 0) {
    unit = um[1] ?? '';
    text = text.slice(0, um.index);
  }
  let sign = 1;
  if (text.startsWith('减少')) {
    sign = -1;
    text = text.slice(2);
  } else if (text.startsWith('增加')) {
    text = text.slice(2);
  }
  text = text.replace(/^[−–—]/, '-').replace(/，/g, ',');
  const m = PLAIN_RE.exec(text) ?? GROUPED_RE.exec(text);
  if (m) {
    const intPart = (m[2] ?? '').replace(/,/g, '');
    if (intPart.length > 15) {
      return { value: null, blank: false, unit, error: `number too large to read exactly (${intPart.length} digits)` };
    }
    const value = Number(`${intPart}${m[3] !== undefined ? `.${m[3]}` : ''}`) * (m[1] === '-' ? -1 : 1) * sign;
    return { value: Object.is(value, -0) ? 0 : value, blank: false, unit };
  }
  const zh = chineseNumeral(text);
  if (zh !== null) return { value: zh * sign, blank: false, unit };
  return { value: null, blank: false, unit, error: `not a number: ${raw.slice(0, 40)}` };
}
