import type { Section, SectionKind } from '@xxgk/schema';
import { NATIONAL_SECTIONS_VARIANTS, TABLE_ROW_KEYS } from './catalogue.js';
import { bodyKey } from './labels.js';
import type { Stream } from './stream.js';

export interface HeadingHit {
  level: number;
  from: number;
  to: number;
  heading: string;
  kind: SectionKind;
}

const LEVEL_RES: readonly [number, RegExp][] = [
  [1, /^[ \t]*[一二三四五六七八九十]{1,3}[ \t]*[、.,][ \t]*/],
  [2, /^[ \t]*\([ \t]*[一二三四五六七八九十]{1,3}[ \t]*\)[ \t]*/],
  [3, /^[ \t]*\d{1,2}[ \t]*[、.](?!\d)[ \t]*/],
  [4, /^[ \t]*\([ \t]*\d{1,2}[ \t]*\)[ \t]*/],
];

/**
 * Section kind of a top-level heading (numbering stripped): the catalogue's variants first, then the
 * keywords of SPEC §6. Subsections are `other`: the template's sections are the top-level ones.
 */
export function sectionKind(headingBody: string, level = 1): SectionKind {
  if (level > 1) return 'other';
  const k = bodyKey(headingBody);
  for (const [variant, kind] of NATIONAL_SECTIONS_VARIANTS) if (k.startsWith(variant)) return kind;
  if (/统计表|指标统计/.test(k)) return 'statistics';
  if (/收费|减免|费用|信息处理费/.test(k)) return 'fees';
  if (/复议|诉讼/.test(k)) return 'reviewLitigation';
  if (/其他需要报告|其它需要报告/.test(k)) return 'otherMatters';
  if (/咨询/.test(k)) return 'consultation';
  if (/依申请|申请公开|收到和处理/.test(k)) return 'applications';
  if (/主动公开/.test(k)) return 'proactive';
  if (/问题|不足/.test(k)) return 'problems';
  if (/总体情况|概述|基本情况/.test(k)) return 'overview';
  return 'other';
}

function isTableRowLabel(body: string): boolean {
  const k = bodyKey(body);
  if (k.length === 0) return false;
  for (const row of TABLE_ROW_KEYS) if (k.startsWith(row)) return true;
  return false;
}

/** Headings at the start of paragraphs, and national/legacy section headings run into text dumps. */
export function findHeadings(stream: Stream, ranges: readonly { from: number; to: number }[]): HeadingHit[] {
  const hits: HeadingHit[] = [];
  const norm = stream.norm;
  for (const sb of stream.blocks) {
    if (sb.block.type === 'table') continue;
    if (sb.block.type === 'heading' && sb.block.level === 0) continue;
    if (ranges.some((r) => sb.from >= r.from && sb.to <= r.to && r.to - r.from > 0 && sb.from > r.from)) continue;
    const text = norm.slice(sb.from, sb.to);
    let matched = false;
    for (const [level, re] of LEVEL_RES) {
      const m = re.exec(text);
      if (!m) continue;
      const bodyStart = m[0].length;
      let bodyEnd = text.length;
      const stop = /[。；;!?！？]/.exec(text.slice(bodyStart));
      if (stop) bodyEnd = bodyStart + stop.index;
      if (bodyEnd - bodyStart > 60) {
        // a long first sentence: a heading only when it is a known section heading
        const inline = inlineSection(text, bodyStart);
        if (!inline) break;
        bodyEnd = inline;
      }
      const body = text.slice(bodyStart, bodyEnd).trim();
      if (body.length === 0 || /^\d/.test(body)) break;
      if (isTableRowLabel(body)) break;
      // a table row printed as text: label, then tab-separated or several numbers
      if (/\t/.test(text) || /(?:\s+[-\d.,]+){3,}\s*$/.test(text) || /[\u4e00-\u9fff)）]\d{4,}\s*$/.test(text)) break;
      hits.push({
        level,
        from: sb.from + (m[0].length - m[0].trimStart().length),
        to: sb.from + bodyEnd,
        heading: stream.flat.slice(sb.from + (m[0].length - m[0].trimStart().length), sb.from + bodyEnd).trim(),
        kind: sectionKind(body, level),
      });
      matched = true;
      break;
    }
    // Text dumps: 一、总体情况 … 二、主动公开政府信息情况 … inside one long paragraph.
    if (sb.to - sb.from > 200) {
      inlineSubheadings(stream, sb.from, sb.to, hits);
      const re = /([一二三四五六七八九十]{1,2})[ \t]*[、][ \t]*/g;
      re.lastIndex = matched ? 1 : 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m.index === 0) continue;
        const bodyStart = m.index + m[0].length;
        const end = inlineSection(text, bodyStart);
        if (!end) continue;
        const body = text.slice(bodyStart, end);
        if (isTableRowLabel(body)) continue;
        hits.push({ level: 1, from: sb.from + m.index, to: sb.from + end, heading: stream.flat.slice(sb.from + m.index, sb.from + end), kind: sectionKind(body) });
      }
    }
  }
  return hits.sort((a, b) => a.from - b.from);
}

/**
 * The sub-items of 一、总体情况 named by 国办公开办函〔2021〕30号 (SPEC §2.1): in text dumps their
 * headings run into the prose (（一）主动公开2023年，…), so only these names are recognised inline.
 */
const OVERVIEW_ITEMS_RE =
  /\([一二三四五六]\)[ \t]*(?:主动公开|依申请公开|政府信息管理|(?:政府信息公开)?(?:平台|载体|平台载体)建设|信息公开平台建设|监督保障)(?:情况|方面|工作)?/g;

function inlineSubheadings(stream: Stream, from: number, to: number, out: HeadingHit[]): void {
  const text = stream.norm.slice(from, to);
  OVERVIEW_ITEMS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OVERVIEW_ITEMS_RE.exec(text)) !== null) {
    if (m.index === 0) continue;
    const s = from + m.index;
    out.push({ level: 2, from: s, to: s + m[0].length, heading: stream.flat.slice(s, s + m[0].length), kind: 'other' });
  }
}

/** End (index in `text`) of a known section heading starting at `at`, or 0. */
function inlineSection(text: string, at: number): number {
  const window = text.slice(at, at + 40);
  const k = bodyKey(window);
  for (const [variant] of NATIONAL_SECTIONS_VARIANTS) {
    if (!k.startsWith(variant)) continue;
    // walk the original text until `variant.length` significant characters are consumed
    let seen = 0;
    let i = at;
    while (i < text.length && seen < variant.length) {
      if (bodyKey(text[i] ?? '').length > 0) seen++;
      i++;
    }
    return i;
  }
  const stat = /^[^。，,]{0,20}?统计表/.exec(window);
  if (stat) return at + stat[0].length;
  return 0;
}

/** The section tree: each heading owns the text up to the next heading of the same or a higher level. */
export function buildSections(stream: Stream, hits: readonly HeadingHit[], docEnd: number): Section[] {
  const roots: Section[] = [];
  const stack: { section: Section; from: number }[] = [];
  const ends = new Map<Section, number>();
  const close = (level: number, at: number): void => {
    while (stack.length > 0 && (stack[stack.length - 1]?.section.level ?? 0) >= level) {
      const top = stack.pop();
      if (top) ends.set(top.section, at);
    }
  };
  for (const h of hits) {
    close(h.level, h.from);
    const section: Section = { kind: h.kind, heading: h.heading, level: h.level, span: stream.span(h.from, h.to), children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.section.children.push(section);
    else roots.push(section);
    stack.push({ section, from: h.from });
  }
  close(0, docEnd);
  const fix = (s: Section, from: number): void => {
    const end = ends.get(s) ?? docEnd;
    let trimmed = end;
    while (trimmed > from && /\s/.test(stream.flat[trimmed - 1] ?? '')) trimmed--;
    s.span = stream.span(from, Math.max(trimmed, from));
  };
  const walk = (list: Section[], starts: Map<Section, number>): void => {
    for (const s of list) {
      fix(s, starts.get(s) ?? 0);
      walk(s.children, starts);
    }
  };
  const starts = new Map<Section, number>();
  let k = 0;
  const assign = (list: Section[]): void => {
    for (const s of list) {
      starts.set(s, hits[k]?.from ?? 0);
      k++;
      assign(s.children);
    }
  };
  assign(roots);
  walk(roots, starts);
  return roots;
}
