import { defineRule } from '../rule.js';
import { cellDef, cellInfo, spanForPath } from '../utils/cells.js';

/** 表二 rows of the 2019 format that carry 上一年项目数量 and 本年增/减 (SPEC §2.3, I7). */
const ROWS = ['licensing', 'otherServices', 'penalty', 'enforcement', 'fees'] as const;

export default defineRule({
  meta: {
    id: 'item-continuity',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: "Require this year's 上一年项目数量 to equal last year's 上一年项目数量 plus its 本年增/减",
      recommended: true,
    },
    messages: {
      discontinuous: '{{row}}: 上一年项目数量 {{thisYear}} ≠ {{previousYear}}年的 {{lastItems}} + ({{lastDelta}}) = {{expected}}',
    },
    templates: ['national-2019'],
    requires: ['previousReport'],
  },
  create(context) {
    return {
      report(report) {
        const previous = context.previousReport;
        if (report.proactive?.template !== 'national-2019' || previous?.proactive?.template !== 'national-2019') return;
        if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) return;
        for (const row of ROWS) {
          const path = `proactive.${row}.prevYearItems`;
          const now = cellInfo(report, path)?.value;
          const lastItems = cellInfo(previous, path)?.value;
          const lastDelta = cellInfo(previous, `proactive.${row}.delta`)?.value;
          if (now == null || lastItems == null || lastDelta == null) continue;
          const expected = lastItems + lastDelta;
          if (now === expected) continue;
          context.report({
            messageId: 'discontinuous',
            data: {
              row: cellDef(context.template, path)?.row ?? row,
              thisYear: now,
              previousYear: previous.year ?? '上',
              lastItems,
              lastDelta,
              expected,
            },
            span: spanForPath(report, path),
            path,
          });
        }
      },
    };
  },
});
