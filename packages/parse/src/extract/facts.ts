import type { Fact, Fees } from '@xxgk/schema';
import { parseNumber } from '../numbers.js';
import { CELL as CELL_MARK, type Stream } from './stream.js';

const NUM = String.raw`(\d[\d,]{0,15}(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]{1,8})`;
const UNIT = String.raw`(件|条|个|项|篇|次|万元|元|家)`;
const TOTAL_RE = new RegExp(String.raw`${NUM}\s*${UNIT}\s*(?:,\s*)?(?:其中|中包括|中包含|中有)\s*[,:]?`, 'g');
const PART_RE = new RegExp(String.raw`${NUM}\s*${UNIT}(?![\d%])`, 'g');

interface QuantityPattern {
  readonly quantity: string;
  readonly re: RegExp;
  readonly label: string;
  /** A literal every match contains: the pattern is not run on a paragraph without it (a pattern that
   * begins with a number is otherwise tried at every digit of the text). */
  readonly needs?: string;
}

/**
 * Prose statements of the quantities the tables hold (SPEC §3 I9). Group 1 is the number. The quantity
 * is the model path of the cell it states (as @xxgk/synth writes it); legacy reports map to their
 * 统计表 rows in `legacyQuantity`.
 */
const QUANTITIES: readonly QuantityPattern[] = [
  { quantity: 'proactive.total', label: '主动公开政府信息', re: new RegExp(String.raw`(?<!应)主动公开[^,。;:：\d]{0,16}?(?:信息|文件)(?:数)?(?:为|共)?\s*${NUM}\s*条`, 'g'), needs: '主动公开' },
  { quantity: 'applications.carriedOver.total', label: '上年结转申请', re: new RegExp(String.raw`上年结转[^,。;\d]{0,20}?${NUM}\s*件`, 'g'), needs: '上年结转' },
  { quantity: 'applications.newReceived.total', label: '收到申请', re: new RegExp(String.raw`(?:收到|新收|接收|接到|受理)[^,。;\d]{0,30}?(?:公开|信息)[^,。;\d]{0,12}?申请[^,。;\d]{0,6}?${NUM}\s*(?:件|条)`, 'g'), needs: '申请' },
  { quantity: 'applications.newReceived.total', label: '收到申请', re: new RegExp(String.raw`(?:收到|接收|接到|受理)\s*${NUM}\s*件[^,。;\d]{0,12}?申请`, 'g'), needs: '申请' },
  { quantity: 'applications.newReceived.total', label: '依申请公开', re: new RegExp(String.raw`依申请公开(?:政府信息|信息)?\s*${NUM}\s*件`, 'g'), needs: '依申请公开' },
  { quantity: 'applications.results.total.total', label: '办结申请', re: new RegExp(String.raw`办结[^,。;\d]{0,15}?${NUM}\s*件`, 'g'), needs: '办结' },
  { quantity: 'applications.carriedForward.total', label: '结转下年度', re: new RegExp(String.raw`${NUM}\s*件\s*结转下一?年度`, 'g'), needs: '结转下' },
  { quantity: 'applications.carriedForward.total', label: '结转下年度', re: new RegExp(String.raw`(?:结转|转)下一?年度[^,。;\d]{0,12}?${NUM}\s*件`, 'g'), needs: '年度' },
  { quantity: 'reviewLitigation.review.total', label: '行政复议', re: new RegExp(String.raw`行政复议(?:案件|申请)?(?:数)?(?:为|共)?\s*${NUM}\s*(?:件|起|宗)`, 'g'), needs: '行政复议' },
  { quantity: 'reviewLitigation.review.total', label: '行政复议', re: new RegExp(String.raw`(?:有|共)\s*${NUM}\s*(?:件|起|宗)[^,。;\d]{0,20}?行政复议`, 'g'), needs: '行政复议' },
  { quantity: 'reviewLitigation.litigation', label: '行政诉讼', re: new RegExp(String.raw`行政诉讼(?:案件)?(?:数)?(?:为|共)?\s*${NUM}\s*(?:件|起|宗)`, 'g'), needs: '行政诉讼' },
];

/** Legacy reports state their 统计表 rows in prose: 已答复3件，其中同意公开3件、同意部分公开0件… */
const LEGACY_ONLY: readonly QuantityPattern[] = [
  { quantity: 'legacyStatistics.responsesTotal.year', label: '已答复', re: new RegExp(String.raw`(?:已|共)答复[^,。;\d]{0,8}?${NUM}\s*件`, 'g'), needs: '答复' },
  { quantity: 'legacyStatistics.responsesGranted.year', label: '同意公开', re: new RegExp(String.raw`(?<!部分)同意公开[^,。;\d、]{0,6}?${NUM}\s*件`, 'g'), needs: '同意公开' },
  { quantity: 'legacyStatistics.responsesPartial.year', label: '同意部分公开', re: new RegExp(String.raw`同意部分公开[^,。;\d、]{0,6}?${NUM}\s*件`, 'g'), needs: '同意部分公开' },
  { quantity: 'legacyStatistics.responsesDenied.year', label: '不予公开', re: new RegExp(String.raw`不予公开[^,。;\d、]{0,6}?${NUM}\s*件`, 'g'), needs: '不予公开' },
  { quantity: 'legacyStatistics.responsesOther.year', label: '其他类型答复', re: new RegExp(String.raw`其他类型(?:答复)?[^,。;\d、]{0,6}?${NUM}\s*件`, 'g'), needs: '其他类型' },
];

const ABSENCE_RE = /(?:未|没有|无|尚未)(?:收到|接到|受理|发生|产生|出现)[^。;,]{0,30}?(?:申请|行政复议|行政诉讼|复议|诉讼)[^。;,]{0,20}/g;

/** Stated totals and their parts, table quantities in prose, and statements of absence, each with its span. */
export function extractFacts(stream: Stream, legacy = false): Fact[] {
  const facts: Fact[] = [];
  const bySpan = new Map<string, Fact>();
  let n = 0;
  const add = (from: number, to: number, label: string, value: number, unit: string, extra: Partial<Fact> = {}): Fact => {
    const k = extra.negated ? `${from}:${to}:${extra.quantity ?? ''}` : `${from}:${to}`;
    const existing = bySpan.get(k);
    if (existing) {
      if (extra.quantity && !existing.quantity) existing.quantity = extra.quantity;
      if (extra.partOf && !existing.partOf) existing.partOf = extra.partOf;
      return existing;
    }
    const fact: Fact = { id: `f${++n}`, label: label.trim().slice(-40), value, unit, span: stream.span(from, to), ...extra };
    facts.push(fact);
    bySpan.set(k, fact);
    return fact;
  };
  const patterns = legacy ? [...QUANTITIES, ...LEGACY_ONLY] : QUANTITIES;
  for (const sb of stream.blocks) {
    if (sb.block.type === 'table') continue;
    const text = stream.norm.slice(sb.from, sb.to);
    const numeric = /\d|[一二两三四五六七八九十]/.test(text);
    const labelBefore = (i: number): string => {
      const before = text.slice(Math.max(0, i - 40), i);
      const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf('。'), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('、'));
      return before.slice(cut + 1).replace(/^(其中|共|共计|合计)/, '');
    };
    // totals and their parts
    TOTAL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    // every TOTAL_RE match holds 中 (其中|中包括|中包含|中有)
    const totals = numeric && text.includes('中');
    while (totals && (m = TOTAL_RE.exec(text)) !== null) {
      const numText = m[1] ?? '';
      const unit = m[2] ?? '';
      const value = parseNumber(numText).value;
      if (value === null) continue;
      const numFrom = m.index;
      const total = add(sb.from + numFrom, sb.from + numFrom + numText.length + unit.length + (m[0].indexOf(unit) - numText.length), labelBefore(numFrom), value, unit);
      const clauseEnd = (() => {
        const e = text.indexOf('。', m.index + m[0].length);
        return e < 0 ? text.length : e;
      })();
      const clause = text.slice(m.index + m[0].length, clauseEnd);
      const aboutReview = /复议|诉讼/.test(total.label);
      PART_RE.lastIndex = 0;
      let p: RegExpExecArray | null;
      let lastEnd = 0;
      while ((p = PART_RE.exec(clause)) !== null) {
        const between = clause.slice(lastEnd, p.index);
        if (!aboutReview && /复议|诉讼/.test(between)) break;
        const after = clause.slice(p.index + p[0].length, p.index + p[0].length + 4);
        if (/^\s*(?:,\s*)?(?:其中|中包括|中包含|中有)/.test(after)) break; // a nested total starts here
        lastEnd = p.index + p[0].length;
        if ((p[2] ?? '') !== unit) continue;
        const v = parseNumber(p[1] ?? '').value;
        if (v === null) continue;
        const at = sb.from + m.index + m[0].length + p.index;
        const label = (() => {
          const before = clause.slice(Math.max(0, p.index - 30), p.index);
          const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('、'));
          return before.slice(cut + 1);
        })();
        add(at, at + p[0].length, label, v, p[2] ?? '', { partOf: total.id });
      }
    }
    // quantities
    for (const q of numeric ? patterns : []) {
      if (q.needs !== undefined && !text.includes(q.needs)) continue;
      q.re.lastIndex = 0;
      let qm: RegExpExecArray | null;
      while ((qm = q.re.exec(text)) !== null) {
        const numText = qm[1] ?? '';
        const value = parseNumber(numText).value;
        if (value === null) continue;
        const rel = qm[0].indexOf(numText);
        const numFrom = sb.from + qm.index + rel;
        // the number with its unit
        const unitMatch = /^\s*(件|条|起|宗)/.exec(text.slice(qm.index + rel + numText.length));
        const to = numFrom + numText.length + (unitMatch?.[0].length ?? 0);
        add(numFrom, to, q.label, value, unitMatch?.[1] ?? '件', { quantity: q.quantity });
      }
    }
    // 办结的申请中，予以公开10件，部分公开2件…: parts of the stated results total
    const among = numeric ? /(?:办结|答复|处理)的(?:申请|件)中\s*[,:]?/.exec(text) : null;
    if (among) {
      const whole = [...facts].reverse().find((f) => f.quantity === 'applications.results.total.total' || f.quantity === 'legacyStatistics.responsesTotal.year');
      const clauseStart = among.index + among[0].length;
      const clauseEnd = text.indexOf('。', clauseStart) < 0 ? text.length : text.indexOf('。', clauseStart);
      const clause = text.slice(clauseStart, clauseEnd);
      PART_RE.lastIndex = 0;
      let p: RegExpExecArray | null;
      let lastEnd = 0;
      while (whole && (p = PART_RE.exec(clause)) !== null) {
        if (/复议|诉讼/.test(clause.slice(lastEnd, p.index))) break;
        lastEnd = p.index + p[0].length;
        if ((p[2] ?? '') !== whole.unit) continue;
        const v = parseNumber(p[1] ?? '').value;
        if (v === null) continue;
        const at = sb.from + clauseStart + p.index;
        const before = clause.slice(Math.max(0, p.index - 20), p.index);
        const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('、'));
        add(at, at + p[0].length, before.slice(cut + 1), v, p[2] ?? '', { partOf: whole.id });
      }
    }
    // statements of absence
    ABSENCE_RE.lastIndex = 0;
    let am: RegExpExecArray | null;
    while ((am = ABSENCE_RE.exec(text)) !== null) {
      const phrase = am[0];
      const from = sb.from + am.index;
      const to = from + phrase.length;
      const review = /复议/.test(phrase);
      const litigation = /诉讼/.test(phrase);
      if (review) add(from, to, phrase, 0, '件', { quantity: 'reviewLitigation.review.total', negated: true });
      if (litigation) add(from, to, phrase, 0, '件', { quantity: 'reviewLitigation.litigation', negated: true });
      if (!review && !litigation && /申请/.test(phrase)) add(from, to, phrase, 0, '件', { quantity: 'applications.newReceived.total', negated: true });
    }
  }
  return facts;
}

const LEGACY_QUANTITIES: Readonly<Record<string, string>> = {
  'applications.newReceived.total': 'legacyStatistics.applicationsTotal.year',
  'applications.results.total.total': 'legacyStatistics.responsesTotal.year',
  'reviewLitigation.review.total': 'legacyStatistics.reviews.year',
  'reviewLitigation.litigation': 'legacyStatistics.litigations.year',
};

/** The quantity a fact states in a legacy (2008–2018) report, whose numbers live in the 统计表. */
export function legacyQuantity(quantity: string): string {
  return LEGACY_QUANTITIES[quantity] ?? quantity;
}

/** The 信息处理费 (legacy: 收费及减免) statement. */
export function extractFees(stream: Stream, skip: readonly { start: number; end: number }[] = []): Fees | null {
  const norm = stream.norm;
  const inTable = (i: number): boolean => stream.blockAt(i)?.block.type === 'table';
  // sentences holding a keyword, found with indexOf (no regex scan over long runs)
  const sentences: { index: number; text: string }[] = [];
  const isStop = (c: string | undefined): boolean => c === '。' || c === '\n' || c === CELL_MARK;
  for (const kw of ['信息处理费', '收费', '减免', '收取']) {
    let at = norm.indexOf(kw);
    let guard = 0;
    while (at >= 0 && guard++ < 200) {
      let a = at;
      while (a > 0 && at - a < 400 && !isStop(norm[a - 1])) a--;
      let b = at + kw.length;
      while (b < norm.length && b - at < 400 && !isStop(norm[b])) b++;
      if (!sentences.some((x) => x.index === a)) sentences.push({ index: a, text: norm.slice(a, b) });
      at = norm.indexOf(kw, b);
    }
  }
  sentences.sort((x, y) => x.index - y.index);
  let best: { from: number; to: number; charged: boolean | null; amount?: { from: number; to: number; value: number; unit: string } } | null = null;
  for (const m of sentences) {
    const s = m.text;
    if (inTable(m.index)) continue;
    const src = stream.source(m.index);
    if (skip.some((r) => src >= r.start && src < r.end)) continue; // a table row printed as text
    if (/行政事业性收费|收费金额|收费标准|收费项目/.test(s) && !/信息处理费/.test(s)) continue;
    let charged: boolean | null = null;
    if (/(?:未|没有|无|不|暂不|免于?)(?:收取|发生|产生|涉及)?[^。]{0,14}?(?:信息处理费|收费|费用)|无收费|不收费|免费/.test(s)) charged = false;
    const amount = /(?:收取|收费)[^。\d]{0,16}?(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/.exec(s);
    let amountInfo: { from: number; to: number; value: number; unit: string } | undefined;
    if (amount) {
      const v = parseNumber(amount[1] ?? '').value;
      if (v !== null) {
        const at = m.index + amount.index + amount[0].indexOf(amount[1] ?? '');
        amountInfo = { from: at, to: at + (amount[1]?.length ?? 0), value: v, unit: amount[2] ?? '元' };
        if (charged === null) charged = v > 0;
      }
    }
    const candidate = { from: m.index, to: m.index + s.length, charged, ...(amountInfo ? { amount: amountInfo } : {}) };
    const strong = /信息处理费/.test(s);
    if (!best || (strong && best.charged === null) || (best.charged === null && charged !== null)) best = candidate;
    if (strong && charged !== null) break;
  }
  if (!best) return null;
  let from = best.from;
  while (from < best.to && /\s/.test(norm[from] ?? '')) from++;
  const fees: Fees = {
    mentioned: true,
    charged: best.charged,
    statement: stream.flat.slice(from, best.to).trim(),
    span: stream.span(from, best.to),
  };
  // 收费通知: how many were issued (109号 disclosure), 0 when none were
  const notice = /(?:发出|开具|送达|下发)[^。,;\d]{0,8}?收费通知(?:书)?[^。,;\d]{0,4}?(\d{1,6})\s*(?:件|份|次)/.exec(norm);
  const noNotice = /(?:未|没有|无)(?:发出|开具|送达|下发)[^。,;\d]{0,8}?收费通知/.exec(norm);
  if (notice?.[1]) {
    const at = notice.index + notice[0].lastIndexOf(notice[1]);
    fees.notices = { value: Number(notice[1]), raw: stream.flat.slice(at, at + notice[1].length), span: stream.span(at, at + notice[1].length) };
  } else if (noNotice) {
    fees.notices = { value: 0, raw: stream.flat.slice(noNotice.index, noNotice.index + noNotice[0].length), span: stream.span(noNotice.index, noNotice.index + noNotice[0].length) };
  }
  if (best.amount) {
    fees.amount = { value: best.amount.value, raw: stream.flat.slice(best.amount.from, best.amount.to), span: stream.span(best.amount.from, best.amount.to) };
    fees.unit = best.amount.unit;
  }
  return fees;
}
