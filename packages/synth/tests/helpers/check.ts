import type { Report } from '@xxgk/schema';
import { APPLICANT_COLUMNS, cellAt, cellValue } from '@xxgk/schema';
import type { Identity } from '@xxgk/schema/templates';
import { getTemplate } from '@xxgk/schema/templates';
import { deadlineFor } from '../../src/index.js';

/** The value of a catalogue path (null parts count as 0 in identities; null totals skip them). */
export function valueAt(report: Report, path: string): number | null {
  return cellValue(cellAt(report, path));
}

/** Identities of the report's template that fail (a null total skips its identity, SPEC §4). */
export function failingIdentities(report: Report): Identity[] {
  return getTemplate(report.template).identities.filter((identity) => {
    const lhsCells = identity.lhs.map((p) => cellAt(report, p));
    if (lhsCells.some((c) => c === undefined)) return false;
    if (identity.lhs.length === 1 && cellValue(lhsCells[0]) === null) return false;
    const lhs = lhsCells.reduce<number>((s, c) => s + (cellValue(c) ?? 0), 0);
    const rhs = identity.rhs.reduce((s, p) => s + (valueAt(report, p) ?? 0), 0);
    return identity.relation === 'equal' ? lhs !== rhs : lhs < rhs;
  });
}

const YEAR_IN_TEXT = /(\d{4})年/g;

/**
 * A small independent checker for the 20 problems of DESIGN.md's rule table, reading the truth and
 * the plain text. Used to prove each injected defect produces its problem and no other.
 */
export function detectProblems(report: Report, text: string, previous: Report | null): Set<string> {
  const found = new Set<string>();
  const national = report.template !== 'legacy-2008';
  const year = report.year ?? 0;
  // required-section
  const kinds = new Set(report.sections.map((s) => s.kind));
  const required = getTemplate(report.template).sections.map((s) => s.kind);
  if (required.some((k) => !kinds.has(k))) found.add('required-section');
  // table-sum / application-balance
  for (const identity of failingIdentities(report)) found.add(identity.rule);
  // carryover-mismatch
  if (previous?.applications && report.applications && previous.year === year - 1) {
    for (const c of APPLICANT_COLUMNS) {
      if (cellValue(previous.applications.carriedForward[c]) !== cellValue(report.applications.carriedOver[c])) found.add('carryover-mismatch');
    }
  }
  // item-continuity
  if (previous?.proactive?.template === 'national-2019' && report.proactive?.template === 'national-2019') {
    for (const key of ['licensing', 'otherServices', 'penalty', 'enforcement', 'fees'] as const) {
      const prev = previous.proactive[key];
      const expected = (cellValue(prev.prevYearItems) ?? 0) + (cellValue(prev.delta) ?? 0);
      if (cellValue(report.proactive[key].prevYearItems) !== expected) found.add('item-continuity');
    }
  }
  // subtotal-exceeds-total
  for (const total of report.facts) {
    const parts = report.facts.filter((f) => f.partOf === total.id);
    if (parts.length > 0 && parts.reduce((s, f) => s + f.value, 0) > total.value) found.add('subtotal-exceeds-total');
  }
  // contradiction: the same quantity twice with different values, or a prose figure ≠ its table cell
  const byQuantity = new Map<string, number>();
  for (const fact of report.facts) {
    if (!fact.quantity) continue;
    const seen = byQuantity.get(fact.quantity);
    if (seen !== undefined && seen !== fact.value) found.add('contradiction');
    byQuantity.set(fact.quantity, fact.value);
    let cell: number | null | undefined;
    if (fact.quantity === 'reviewLitigation.litigation') {
      const a = valueAt(report, 'reviewLitigation.litigationDirect.total');
      const b = valueAt(report, 'reviewLitigation.litigationAfterReview.total');
      cell = a === null || b === null ? null : a + b;
    } else if (/^(applications|reviewLitigation|legacyStatistics)\./.test(fact.quantity)) cell = valueAt(report, fact.quantity);
    if (cell !== undefined && cell !== null && cell !== fact.value) found.add('contradiction');
  }
  // fee-disclosure
  if (report.template === 'national-2021' && !text.includes('信息处理费')) found.add('fee-disclosure');
  // placeholder, garbled-text, conversion-artifact
  if (/20\*\*|XX|××|○○|【填写】|统计期限自至/.test(text)) found.add('placeholder');
  if (/[\u4e00-\u9fff][?\uFFFD]|[?\uFFFD][\u4e00-\u9fff]/.test(text)) found.add('garbled-text');
  if (/\[(image|bookmark):/.test(text)) found.add('conversion-artifact');
  // year-mismatch: every “YYYY年” but the signing date is the report year
  const [py, pm, pd] = (report.publishedOn ?? '').split('-').map(Number);
  const body = text.split(`${py}年${pm}月${pd}日`).join('');
  for (const m of body.matchAll(YEAR_IN_TEXT)) if (Number(m[1]) !== year) found.add('year-mismatch');
  // publication-deadline
  if (report.publishedOn) {
    const d = deadlineFor(report.agency, year);
    const deadline = `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    if (report.publishedOn > deadline || report.publishedOn <= `${year}-12-31`) found.add('publication-deadline');
  }
  // statistics-period
  const p = report.period;
  const fromOk = p?.from === `${year}-01-01` || (year === 2008 && p?.from === '2008-05-01');
  if (!p || !fromOk || p.to !== `${year}-12-31`) found.add('statistics-period');
  // template-version
  if (national && year >= 2021 && (report.proactive?.template !== 'national-2021' || !report.applications || !report.reviewLitigation)) {
    found.add('template-version');
  }
  // multiple-documents
  if ((report.documents?.length ?? 1) > 1 || text.split(report.title).length > 2) found.add('multiple-documents');
  // invalid-number
  for (const def of getTemplate(report.template).cells) {
    const v = valueAt(report, def.path);
    if (v === null) continue;
    if (def.kind === 'count' && (v < 0 || !Number.isInteger(v))) found.add('invalid-number');
    if (def.kind === 'signed' && !Number.isInteger(v)) found.add('invalid-number');
  }
  // government-accountability
  if (national && report.agency.kind === 'government' && !/考核|评议|追究/.test(text)) found.add('government-accountability');
  // blank-total
  for (const identity of getTemplate(report.template).identities) {
    if (identity.lhs.length !== 1 || identity.kind === 'balance') continue;
    const total = cellAt(report, identity.lhs[0]!);
    if (total !== undefined && cellValue(total) === null && identity.rhs.some((r) => (valueAt(report, r) ?? 0) !== 0)) found.add('blank-total');
  }
  // document-kind
  if (!/年度报告|年报/.test(report.title)) found.add('document-kind');
  return found;
}
