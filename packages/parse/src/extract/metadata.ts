import type { Agency, AgencyKind, AgencyLevel, DocumentKind, DocumentPart, Period, Span } from '@xxgk/schema';
import type { Stream } from './stream.js';

export interface TitleInfo {
  title: string;
  span: Span | null;
  from: number;
  to: number;
}

const TITLE_WORDS = /(年度报告|年报|工作报告|工作总结|总结|工作计划|情况报告|报告)\s*(\[\d+\])?$/;
const HEADER_TITLE = /^(?:标题|题目|Title)\s*[:：]\s*/;

/** The title: a “标题:” header, the HTML <title>/first heading, or the first short line naming a report. */
export function extractTitle(stream: Stream): TitleInfo {
  const blocks = stream.blocks.filter((b) => b.block.type !== 'table').slice(0, 40);
  for (const b of blocks) {
    const text = stream.norm.slice(b.from, b.to);
    const m = HEADER_TITLE.exec(text);
    if (m && text.length - m[0].length > 3) return mk(stream, b.from + m[0].length, b.to);
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    const text = stream.norm.slice(b.from, b.to).trim();
    if (text.length === 0 || text.length > 80 || text === '正文') continue;
    if (/^(当前位置|您的位置|首页)|\s>\s|>>/.test(text)) continue; // breadcrumbs
    if (/信息公开|政务公开/.test(text) && TITLE_WORDS.test(text)) return mk(stream, b.from, b.to);
    // a title broken over two lines (PDF → Markdown): 2024 年上海市科委政府信息公开工作 / 年度报告
    const next = blocks[i + 1];
    if (next && /信息公开|政务公开/.test(text) && !/[。，,；]/.test(text)) {
      const nt = stream.norm.slice(next.from, next.to).trim();
      if (nt.length <= 12 && TITLE_WORDS.test(nt)) {
        return { title: `${stream.flat.slice(b.from, b.to).trim()}${stream.flat.slice(next.from, next.to).trim()}`, span: stream.span(b.from, next.to), from: b.from, to: next.to };
      }
    }
  }
  const first = blocks.find((b) => stream.norm.slice(b.from, b.to).trim().length > 0);
  if (!first) return { title: '', span: null, from: 0, to: 0 };
  return mk(stream, first.from, Math.min(first.to, first.from + 80));
}

function mk(stream: Stream, from: number, to: number): TitleInfo {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(stream.flat[s] ?? '')) s++;
  while (e > s && /\s/.test(stream.flat[e - 1] ?? '')) e--;
  return { title: stream.flat.slice(s, e), span: stream.span(s, e), from: s, to: e };
}

/** Reporting year from the title (the first 4-digit year), else from the statistics period. */
export function extractYear(titleNorm: string, period: Period | null): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(titleNorm) ?? /((?:19|20)\d{2})/.exec(titleNorm);
  if (m) return Number(m[1]);
  const from = period?.from ?? period?.to;
  return from ? Number(from.slice(0, 4)) : null;
}

export function documentKind(titleNorm: string): DocumentKind {
  const t = titleNorm.replace(/\s+/g, '');
  if (/年度报告|年报|工作报告/.test(t)) return 'annual-report';
  const summary = t.search(/总结/);
  const plan = t.search(/工作计划|工作要点|工作安排|计划$/);
  if (summary >= 0 && (plan < 0 || summary < plan)) return 'work-summary';
  if (plan >= 0) return 'work-plan';
  if (/报告/.test(t)) return 'annual-report';
  return 'unknown';
}

const DEPT_SUFFIX = /(局|委员会|委|办公室|办|厅|部|署|中心|妇联|联合会|总工会|团委|院|所|队|站|社|会)$/;
const REGION_RE = /^((?:[\u4e00-\u9fa5]{1,8}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区|区|县|自治县|旗|镇|乡|街道))+)/;
const MUNICIPALITIES = /^(北京|上海|天津|重庆)/;

/** Agency name (from the title, before the year or 政府信息公开), its kind, level and region. */
export function extractAgency(title: string, titleNorm: string): Agency {
  let name = '';
  const t = titleNorm.replace(/\s+/g, '');
  const raw = title.replace(/\s+/g, '');
  const year = /(?:19|20)[\d*]{2}\s*年度?/.exec(t);
  const gi = t.search(/政府信息公开|政务公开|信息公开/);
  if (year && year.index > 1 && (gi < 0 || year.index < gi)) name = raw.slice(0, year.index);
  else if (year && year.index <= 1 && gi > year.index + year[0].length) name = raw.slice(year.index + year[0].length, gi);
  else if (gi > 0) name = raw.slice(0, gi);
  name = name.replace(/^[\d\s年度*]+/, '').replace(/关于$/, '');
  const normName = t.slice(raw.indexOf(name), raw.indexOf(name) + name.length) || name;
  const agency: Agency = { name };
  if (!name) return agency;
  let kind: AgencyKind;
  if (/街道办事处$|街道$|派出|管理委员会$|管委会$/.test(normName)) kind = 'other';
  else if (/人民政府$|政府$/.test(normName)) kind = 'government';
  else if (DEPT_SUFFIX.test(normName)) kind = 'department';
  else if (REGION_RE.exec(normName)?.[1] === normName) kind = 'government';
  else kind = 'other';
  agency.kind = kind;
  if (/^(中国|中华人民共和国|国务院|国家)/.test(normName)) {
    agency.level = 'national';
    return agency;
  }
  const region = REGION_RE.exec(normName.replace(/人民政府$/, ''));
  if (region?.[1]) {
    let rname = region[1];
    // 城市管理局, 市场监督管理局 …: the unit word belongs to the department's name
    for (let guard = 0; guard < 4; guard++) {
      const tail = /(城市|城区|城乡|市场|社区|小区|园区|景区|辖区)$/.exec(rname);
      if (!tail) break;
      rname = REGION_RE.exec(rname.slice(0, rname.length - tail[0].length))?.[1] ?? '';
    }
    agency.region = { name: rname };
    let level: AgencyLevel | undefined;
    if (!rname) return agency;
    if (MUNICIPALITIES.test(rname) && /^(北京|上海|天津|重庆)市$/.test(rname)) level = 'provincial';
    else if (/(镇|乡|街道)$/.test(rname)) level = 'township';
    else if (/(区|县|旗|实验区|新区|开发区)$/.test(rname)) level = 'county';
    else if (/(市|州|盟|地区)$/.test(rname)) level = 'prefectural';
    else if (/(省|自治区)$/.test(rname)) level = 'provincial';
    if (level) agency.level = level;
  }
  return agency;
}

const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;

function iso(y: string | number, m: string | number, d: string | number): string | null {
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  if (!(mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)) return null;
  const date = new Date(Date.UTC(yy, mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1) return null;
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Publication date: the last standalone date line, else a “发布时间:” header. */
export function extractPublishedOn(stream: Stream, end = Number.POSITIVE_INFINITY): { date: string | null; span: Span | null } {
  const blocks = stream.blocks.filter((b) => b.from < end);
  for (let i = blocks.length - 1; i >= 0 && i >= blocks.length - 25; i--) {
    const b = blocks[i];
    if (!b || b.block.type === 'table') continue;
    const text = stream.norm.slice(b.from, b.to);
    const m = DATE_LINE.exec(text);
    if (m) {
      const date = iso(m[1] ?? '', m[2] ?? '', m[3] ?? '');
      if (date) return { date, span: stream.span(b.from + (text.length - text.trimStart().length), b.to) };
    }
  }
  // a text dump: the signature and date run into the last paragraph (…办公室2024年1月23日)
  let seen = 0;
  for (let i = blocks.length - 1; i >= 0 && seen < 3; i--) {
    const b = blocks[i];
    if (!b || b.block.type === 'table') continue;
    const text = stream.norm.slice(Math.max(b.from, b.to - 40), b.to);
    if (/^(打印|关闭|返回|分享|【|\[)/.test(text.trim()) || text.trim().length < 12) continue;
    seen++;
    const m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(text);
    if (m) {
      const date = iso(m[1] ?? '', m[2] ?? '', m[3] ?? '');
      const at = b.to - text.length + m.index;
      if (date) return { date, span: stream.span(at, at + m[0].trimEnd().length) };
    }
  }
  const head = stream.norm.slice(0, 3000);
  const m = /(?:发布时间|发布日期|成文日期)\s*[:：]\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(head);
  if (m) {
    const date = iso(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    if (date) return { date, span: stream.span(m.index, m.index + m[0].length) };
  }
  return { date: null, span: null };
}

const PERIOD_RE =
  /统计(?:期限|周期|时间段|时间|区间|时限)\s*(?:为|是|:)?\s*(?:自|从)?\s*(?:((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)?\s*(?:起)?\s*(?:至|到|—|-|~)\s*(?:((?:19|20)\d{2})\s*年\s*)?(?:(\d{1,2})\s*月\s*(\d{1,2})\s*日)?\s*止?/;

/** 统计期限自…至… (also the residue “统计期限自至”, with both ends null). */
export function extractPeriod(stream: Stream): Period | null {
  const m = PERIOD_RE.exec(stream.norm);
  if (!m) {
    const cut = /截至\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(stream.norm);
    if (cut) {
      const to = iso(cut[1] ?? '', cut[2] ?? '', cut[3] ?? '');
      return { from: null, to, raw: stream.flat.slice(cut.index, cut.index + cut[0].length), span: stream.span(cut.index, cut.index + cut[0].length) };
    }
    return null;
  }
  const fromYear = m[1];
  const from = fromYear ? iso(fromYear, m[2] ?? '', m[3] ?? '') : null;
  const toYear = m[4] ?? fromYear;
  const to = toYear && m[5] ? iso(toYear, m[5], m[6] ?? '') : null;
  const end = m.index + m[0].length;
  return { from, to, raw: stream.flat.slice(m.index, end).trim(), span: stream.span(m.index, end) };
}

/** Every report in the file: the title, then each “篇N:” article and each later report title (a second copy). */
export function extractDocuments(stream: Stream, title: TitleInfo): { parts: DocumentPart[]; starts: number[] } {
  const parts: DocumentPart[] = [];
  const starts: number[] = [];
  if (title.span) parts.push({ title: title.title, span: title.span });
  let bodySeen = false;
  for (const b of stream.blocks) {
    if (b.block.type === 'table') continue;
    if (b.block.type === 'heading' && b.block.level === 0) continue;
    if (b.to <= title.to) continue;
    const text = stream.norm.slice(b.from, b.to).trim();
    const m = /^篇\s*\d{1,3}\s*[:：]\s*(.{2,80})$/.exec(text);
    if (m) {
      parts.push({ title: stream.flat.slice(b.from, b.to).trim(), span: stream.span(b.from, b.to) });
      starts.push(b.from);
      bodySeen = false;
      continue;
    }
    if (bodySeen && text.length <= 60 && /(?:19|20)[\d*]{2}/.test(text) && /信息公开|政务公开/.test(text) && TITLE_WORDS.test(text)) {
      parts.push({ title: stream.flat.slice(b.from, b.to).trim(), span: stream.span(b.from, b.to) });
      starts.push(b.from);
      bodySeen = false;
      continue;
    }
    if (text.length >= 50) bodySeen = true;
  }
  return { parts, starts };
}
