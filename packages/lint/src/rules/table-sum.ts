import type { Identity, TemplateCatalogue } from '@xxgk/schema/templates';
import { REVIEW_GROUP_DEFS } from '@xxgk/schema/templates';
import { defineRule } from '../rule.js';
import { cellDef, cellLabel, checkIdentity, partsText, shortRow, spanForPath } from '../utils/cells.js';

/** The label of an identity's total cell: “（七）总计 · 自然人”, “一、本年新收… · 总计”, “行政复议 · 总计”. */
function targetLabel(catalogue: TemplateCatalogue, identity: Identity): string {
  if (identity.kind === 'group-total') {
    const group = identity.target.split('.')[1];
    const label = REVIEW_GROUP_DEFS.find((g) => g.key === group)?.label ?? group ?? '';
    return `${label} · 总计`;
  }
  const def = cellDef(catalogue, identity.target);
  if (def && identity.kind === 'row-total') return `${shortRow(def.row)} · 总计`;
  return cellLabel(catalogue, identity.target);
}

export default defineRule({
  meta: {
    id: 'table-sum',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Require every total cell of the template tables to equal the sum of its parts',
      recommended: true,
    },
    messages: {
      totalMismatch: '{{cell}}: {{total}} ≠ {{sum}} (= {{parts}})',
      totalBelowParts: '{{cell}}: {{total}} < {{sum}} (= {{parts}})',
    },
  },
  create(context) {
    return {
      report(report) {
        for (const identity of context.template.identities) {
          if (identity.rule !== 'table-sum') continue;
          const check = checkIdentity(report, identity);
          if (check.status !== 'failed') continue;
          context.report({
            messageId: identity.relation === 'equal' ? 'totalMismatch' : 'totalBelowParts',
            data: {
              cell: targetLabel(context.template, identity),
              total: check.lhsSum,
              sum: check.rhsSum,
              parts: partsText(check.rhs),
            },
            span: spanForPath(report, identity.target),
            path: identity.target,
          });
        }
      },
    };
  },
});
