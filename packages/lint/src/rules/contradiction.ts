import { cellAt, cellValue } from '@xxgk/schema';
import type { Fact, Report } from '@xxgk/schema';
import type { TemplateCatalogue } from '@xxgk/schema/templates';
import { defineRule } from '../rule.js';

/** Units that are rates or shares, never a count of a table cell. */
const RATE_UNITS = new Set(['%', '％', '百分点', '个百分点']);

/** Quantities that are a sum of table cells rather than one cell. */
const LITIGATION = 'reviewLitigation.litigation';

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
  if (group && base.startsWith('reviewLitigation.')) return `表四“${group.label}”`;
  const cell = template.cells.find((c) => c.path === path);
  if (cell) return `“${cell.row}”`;
  return path;
}

/** The table figure a fact's quantity names (the 总计 column for a whole row), when the report has it. */
function tableFigure(report: Report, template: TemplateCatalogue, quantity: string): TableFigure | null {
  if (quantity === LITIGATION) {
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
    return {
      fact(fact) {
        if (fact.quantity !== undefined && fact.quantity !== '') facts.push(fact);
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
          if (!figure || figure.value === fact.value) continue;
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
