import { APPLICANT_COLUMN_DEFS } from '@xxgk/schema/templates';
import { defineRule } from '../rule.js';
import { cellInfo, spanForPath } from '../utils/cells.js';

export default defineRule({
  meta: {
    id: 'carryover-mismatch',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: "Require this year's 上年结转 to equal last year's 结转下年度 for the same agency",
      recommended: true,
    },
    messages: {
      totalMismatch: '上年结转 {{thisYear}} 件，但{{previousYear}}年报告的结转下年度为 {{lastYear}} 件',
      columnMismatch: '{{column}}: 上年结转 {{thisYear}} ≠ {{previousYear}}年结转下年度 {{lastYear}}',
    },
    templates: ['national-2019', 'national-2021'],
    requires: ['previousReport'],
  },
  create(context) {
    return {
      report(report) {
        const previous = context.previousReport;
        if (!previous?.applications || !report.applications) return;
        if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) return;
        const previousYear = previous.year ?? (report.year === null ? '上' : report.year - 1);
        const pair = (column: string) => ({
          now: cellInfo(report, `applications.carriedOver.${column}`),
          last: cellInfo(previous, `applications.carriedForward.${column}`),
        });
        const total = pair('total');
        const totalsKnown = total.now?.value != null && total.last?.value != null;
        if (totalsKnown && total.now?.value !== total.last?.value) {
          // Totals that differ are an error; column-level differences under equal totals stay warnings (SPEC §7).
          context.report({
            messageId: 'totalMismatch',
            data: { thisYear: total.now?.value ?? 0, lastYear: total.last?.value ?? 0, previousYear },
            span: spanForPath(report, 'applications.carriedOver.total'),
            path: 'applications.carriedOver.total',
            severity: 'error',
          });
          return;
        }
        for (const column of APPLICANT_COLUMN_DEFS) {
          if (column.key === 'total') continue;
          const { now, last } = pair(column.key);
          if (now?.value == null || last?.value == null || now.value === last.value) continue;
          const path = `applications.carriedOver.${column.key}`;
          context.report({
            messageId: 'columnMismatch',
            data: { column: column.label, thisYear: now.value, lastYear: last.value, previousYear },
            span: spanForPath(report, path),
            path,
          });
        }
      },
    };
  },
});
