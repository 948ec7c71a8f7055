import { cellAt, cellValue } from '@xxgk/schema';
import type { Fact, Report } from '@xxgk/schema';
import type { TemplateCatalogue } from '@xxgk/schema/templates';
import { defineRule } from '../rule.js';
import type { SourceText } from '../rule.js';

/** Units that are rates or shares, never a count of a table cell. */
const RATE_UNITS = new Set(['%', '％', '百分点', '个百分点']);

/** 行政诉讼 as a whole: a sum of two 表四 groups rather than one cell. */
const LITIGATION = new Set(['reviewLitigation.litigation', 'reviewLitigation.litigation.total']);

interface TableFigure {
  readonly value: number;
  readonly path: string;
  readonly where: string;
}

/** The label of a model path in the template catalogue (表三 row or 表四 group). */
function labelOf(template: TemplateCatalogue, path: string): string {
  const base = path.replace(/\.total$/, '');
  const row = template.applications?.rows.find((r) => r.path === base);
  if (row) return `表三“${row.label}”`;
  const groupKey = base.split('.')[1];
  const group = template.reviewLitigation?.groups.find((g) => g.key === groupKey);
  if (group && base.startsWith('reviewLitigation.') && base.split('.').length === 2) return `表四“${group.label}”`;
  const cell = template.cells.find((c) => c.path === path);
  if (cell) return `“${cell.row}·${cell.column}”`;
  return path;
}

/** The table figure a fact's quantity names (the 总计 column for a whole row), when the report has it. */
function tableFigure(report: Report, template: TemplateCatalogue, quantity: string): TableFigure | null {
  if (LITIGATION.has(quantity)) {
    const direct = cellValue(cellAt(report, 'reviewLitigation.litigationDirect.total'));
    const after = cellValue(cellAt(report, 'reviewLitigation.litigationAfterReview.total'));
    if (direct === null || after === null) return null;
    const groups = template.reviewLitigation?.groups ?? [];
    const names = ['litigationDirect', 'litigationAfterReview'].map((k) => groups.find((g) => g.key === k)?.label ?? k);
    return {
      value: direct + after,
      path: 'reviewLitigation.litigationDirect.total',
      where: `表四行政诉讼（${names.join('+')}）`,
    };
  }
  // A cell path, a 表三 row / 表四 group (its 总计 column), or the results block (its （七）总计 row).
  for (const path of [quantity, `${quantity}.total`, `${quantity}.total.total`]) {
    const cell = cellAt(report, path);
    if (cell === undefined) continue;
    const value = cellValue(cell);
    return value === null ? null : { value, path, where: labelOf(template, path) };
  }
  return null;
}

/** “共收到申请81件（含上年结转3件）”: a received count that includes last year's carried-over ones. */
function includesCarriedOver(report: Report, fact: Fact, figure: TableFigure): boolean {
  if (fact.quantity !== 'applications.newReceived' && fact.quantity !== 'applications.newReceived.total') return false;
  const carriedOver = cellValue(cellAt(report, 'applications.carriedOver.total'));
  return carriedOver !== null && carriedOver > 0 && fact.value === figure.value + carriedOver;
}

/**
 * Words that make a count a part of the agency's whole (其中…, 代表区政府受理…, 通过网上申请…, 自然人…,
 * 各部门…): such a count is not the table's 总计 and is compared with nothing.
 */
const SUBSET =
  /其中|代表|通过|当面|网上|网络|在线|信函|传真|电子邮件|邮寄|自然人|法人|企业|本级|下属|所属|分别|各级|各单位|各部门|各乡镇|各街道|各地/;

/** Words that narrow a stated absence to one kind of case (or one channel, see SUBSET). */
const NARROWED = new RegExp(`${SUBSET.source}|涉及|关于|有关|针对|秘密|隐私|复议后|重复`);

/** Words that put a count in another period (较上年…, 去年…, 历年累计…); 上年结转 is this year's figure. */
const OTHER_PERIOD = /上一?年(?!度?结转)|去年|同比|较|比上|历年|累计|以来/;

/** True when the clause names a year other than the report's (2022年收到申请60件 in a 2023 report). */
function namesOtherYear(clause: string, year: number | null): boolean {
  if (year === null) return false;
  for (const m of clause.matchAll(/((?:19|20)\d{2})\s*年/g)) if (Number(m[1]) !== year) return true;
  return false;
}

/** The clause before a fact, back to the previous comma or sentence end (line breaks kept: PDF text wraps). */
function clauseBefore(source: SourceText, fact: Fact): string {
  const before = source.text.slice(Math.max(0, fact.span.start - 60), fact.span.start);
  const cut = Math.max(...['。', '，', ',', '；', ';', '：', '！', '!', '？', '?'].map((p) => before.lastIndexOf(p)));
  return before.slice(cut + 1);
}

function sameScope(a: Fact, b: Fact): boolean {
  if (a.partOf === b.id || b.partOf === a.id) return false;
  if (RATE_UNITS.has(a.unit) !== RATE_UNITS.has(b.unit)) return false;
  if (a.negated === true || b.negated === true) return true;
  return a.unit === '' || b.unit === '' || a.unit === b.unit;
}

/**
 * One quantity stated twice with different values, in prose (收到申请2件 … 未收到申请) or between the
 * prose and the tables (SPEC §3 I9). Only facts the parser tied to the same model `quantity` are
 * compared, so 主动公开 counts never meet 依申请 counts.
 */
export default defineRule({
  meta: {
    id: 'contradiction',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Disallow one quantity stated twice with different values, in prose or between prose and tables',
      recommended: true,
    },
    messages: {
      conflictingValues: '“{{label}}”此处为{{value}}{{unit}}，第{{otherLine}}行为{{otherValue}}{{otherUnit}}，前后不一致',
      statedAbsence: '此处称没有“{{label}}”，但第{{otherLine}}行称“{{otherLabel}}”{{otherValue}}{{otherUnit}}',
      absenceContradicted: '“{{label}}”此处为{{value}}{{unit}}，但第{{otherLine}}行称没有（{{otherLabel}}）',
      tableMismatch: '正文称“{{label}}”{{value}}{{unit}}，而{{where}}为{{tableValue}}',
      absenceVsTable: '正文称没有“{{label}}”，而{{where}}为{{tableValue}}',
    },
  },
  create(context) {
    const facts: Fact[] = [];
    let year: number | null = null;
    return {
      report(report) {
        year = report.year;
      },
      fact(fact) {
        if (fact.quantity === undefined || fact.quantity === '' || fact.partOf !== undefined) return;
        const clause = clauseBefore(context.source, fact);
        if (SUBSET.test(clause) || OTHER_PERIOD.test(clause) || namesOtherYear(clause, year)) return;
        // 未收到涉及商业秘密的申请: an absence of one kind of application, not of applications.
        if (fact.negated === true && NARROWED.test(context.source.text.slice(fact.span.start, fact.span.end))) return;
        facts.push(fact);
      },
      'report:exit'(report) {
        const flagged = new Set<string>();
        const ordered = [...facts].sort((a, b) => a.span.start - b.span.start);
        const groups = new Map<string, Fact[]>();
        for (const fact of ordered) {
          const quantity = fact.quantity ?? '';
          const list = groups.get(quantity);
          if (list) list.push(fact);
          else groups.set(quantity, [fact]);
        }
        for (const list of groups.values()) {
          const first = list[0];
          if (!first) continue;
          for (const fact of list.slice(1)) {
            if (fact.value === first.value || !sameScope(first, fact)) continue;
            const otherLine = first.span.line;
            flagged.add(fact.id);
            if (fact.negated === true) {
              context.report({
                messageId: 'statedAbsence',
                data: { label: fact.label, otherLine, otherLabel: first.label, otherValue: first.value, otherUnit: first.unit },
                span: fact.span,
                ...(fact.quantity === undefined ? {} : { path: fact.quantity }),
              });
            } else if (first.negated === true) {
              context.report({
                messageId: 'absenceContradicted',
                data: { label: fact.label, value: fact.value, unit: fact.unit, otherLine, otherLabel: first.label },
                span: fact.span,
                ...(fact.quantity === undefined ? {} : { path: fact.quantity }),
              });
            } else {
              context.report({
                messageId: 'conflictingValues',
                data: {
                  label: fact.label,
                  value: fact.value,
                  unit: fact.unit,
                  otherLine,
                  otherValue: first.value,
                  otherUnit: first.unit,
                },
                span: fact.span,
                ...(fact.quantity === undefined ? {} : { path: fact.quantity }),
              });
            }
          }
        }
        for (const fact of ordered) {
          if (flagged.has(fact.id) || fact.quantity === undefined || RATE_UNITS.has(fact.unit)) continue;
          const figure = tableFigure(report, context.template, fact.quantity);
          if (!figure || figure.value === fact.value || includesCarriedOver(report, fact, figure)) continue;
          context.report({
            messageId: fact.negated === true ? 'absenceVsTable' : 'tableMismatch',
            data: { label: fact.label, value: fact.value, unit: fact.unit, where: figure.where, tableValue: figure.value },
            span: fact.span,
            path: figure.path,
          });
        }
      },
    };
  },
});
