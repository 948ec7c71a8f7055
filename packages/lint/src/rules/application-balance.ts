import { APPLICANT_COLUMN_DEFS } from '@xxgk/schema/templates';
import { defineRule } from '../rule.js';
import { checkIdentity, spanForPath } from '../utils/cells.js';

export default defineRule({
  meta: {
    id: 'application-balance',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Require 本年新收 + 上年结转 to equal 办理结果总计 + 结转下年度 in every applicant column',
      recommended: true,
    },
    messages: {
      unbalanced: '{{column}}: {{received}} + {{carriedOver}} ≠ {{handled}} + {{carriedForward}}',
    },
    templates: ['national-2019', 'national-2021'],
  },
  create(context) {
    return {
      report(report) {
        for (const identity of context.template.identities) {
          if (identity.rule !== 'application-balance') continue;
          const check = checkIdentity(report, identity);
          if (check.status !== 'failed') continue;
          const column = identity.target.split('.').pop() ?? '';
          const [received, carriedOver] = check.lhs;
          const [handled, carriedForward] = check.rhs;
          const shown = (cell: (typeof check.lhs)[number] | undefined) => (cell === undefined || cell.blank ? '（空）' : (cell.value ?? 0));
          context.report({
            messageId: 'unbalanced',
            data: {
              column: APPLICANT_COLUMN_DEFS.find((c) => c.key === column)?.label ?? column,
              received: shown(received),
              carriedOver: shown(carriedOver),
              handled: shown(handled),
              carriedForward: shown(carriedForward),
            },
            span: spanForPath(report, identity.target),
            path: identity.target,
          });
        }
      },
    };
  },
});
