import { defineRule } from '../rule.js';
import { cellLabel, checkIdentity, partsText, spanForPath } from '../utils/cells.js';

export default defineRule({
  meta: {
    id: 'blank-total',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: 'Disallow a blank 总计 cell whose parts are not all blank or zero',
      recommended: true,
    },
    messages: {
      blankTotal: '{{cell}} 为空，但其各分项之和为 {{sum}} (= {{parts}})；无法核对该合计',
    },
  },
  create(context) {
    return {
      report(report) {
        const seen = new Set<string>();
        for (const identity of context.template.identities) {
          if (identity.rule !== 'table-sum') continue;
          const check = checkIdentity(report, identity);
          if (check.status !== 'blankTotal' || !check.blankCell) continue;
          const path = check.blankCell.path;
          if (seen.has(path)) continue;
          if (check.rhs.every((c) => (c.value ?? 0) === 0)) continue;
          seen.add(path);
          context.report({
            messageId: 'blankTotal',
            data: { cell: cellLabel(context.template, path), sum: check.rhsSum, parts: partsText(check.rhs) },
            span: spanForPath(report, path),
            path,
          });
        }
      },
    };
  },
});
