import { defineRule } from '../rule.js';
import { cellDef, cellInfo, spanForPath } from '../utils/cells.js';

/** 表二 rows of the 2019 format that carry 上一年项目数量 and 本年增/减 (SPEC §2.3, I7). */
const ROWS = ['licensing', 'otherServices', 'penalty', 'enforcement', 'fees'] as const;

/** Readings of a cell: its value, or every candidate of a run of glued digits that could not be split uniquely. */
function readings(info: { value: number | null; candidates?: readonly number[] } | undefined): readonly number[] {
  if (!info) return [];
  if (info.value !== null) return [info.value];
  return info.candidates ?? [];
}

/** Whether some reading of the three cells satisfies now = lastItems + lastDelta. */
function someReadingHolds(now: readonly number[], lastItems: readonly number[], lastDelta: readonly number[]): boolean {
  const wanted = new Set(now);
  return lastItems.some((items) => lastDelta.some((delta) => wanted.has(items + delta)));
}

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
      discontinuousEveryReading:
        '{{row}}: 上一年项目数量（可读作 {{thisYear}}）与{{previousYear}}年的上一年项目数量（{{lastItems}}）加本年增/减（{{lastDelta}}）在任何读法下都不相等',
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
          const nowInfo = cellInfo(report, path);
          const lastItemsInfo = cellInfo(previous, path);
          const lastDeltaInfo = cellInfo(previous, `proactive.${row}.delta`);
          const now = nowInfo?.value;
          const lastItems = lastItemsInfo?.value;
          const lastDelta = lastDeltaInfo?.value;
          if (now == null || lastItems == null || lastDelta == null) {
            // A cell read as several candidates (glued digits): the identity is broken when no reading keeps it.
            const [a, b, c] = [readings(nowInfo), readings(lastItemsInfo), readings(lastDeltaInfo)];
            if (a.length === 0 || b.length === 0 || c.length === 0 || a.length * b.length * c.length > 10_000) continue;
            if (someReadingHolds(a, b, c)) continue;
            context.report({
              messageId: 'discontinuousEveryReading',
              data: {
                row: cellDef(context.template, path)?.row ?? row,
                thisYear: a.join(' / '),
                previousYear: previous.year ?? '上',
                lastItems: b.join(' / '),
                lastDelta: c.join(' / '),
              },
              span: spanForPath(report, path),
              path,
            });
            continue;
          }
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
