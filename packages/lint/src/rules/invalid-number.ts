import type { CellKind } from '@xxgk/schema/templates';
import { defineRule } from '../rule.js';
import { cellInfo, cellLabel, isBlankRaw } from '../utils/cells.js';
import type { CellInfo } from '../utils/cells.js';

/** Larger than any count a single agency can report (and beyond safe integers well before 40 digits). */
const MAX_COUNT = 1e9;
const MAX_MONEY = 1e13;
const COUNT_UNITS = new Set(['件', '条', '个', '次', '项', '人次', '家', '篇', '期']);

export default defineRule({
  meta: {
    id: 'invalid-number',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Disallow negative, fractional, absurdly large or unreadable numbers in count cells',
      recommended: true,
    },
    messages: {
      negative: '{{cell}}: 数量不能为负数（{{raw}}）',
      fractional: '{{cell}}: 数量应为整数（{{raw}}）',
      tooLarge: '{{cell}}: 数值 {{raw}} 过大，不可能是实际数量',
      ambiguous: '{{cell}}: “{{raw}}” 无法唯一读出（可能为 {{candidates}}）',
      ambiguousRun: '{{row}}: 连在一起的数字“{{raw}}”无法唯一拆分为 {{count}} 个单元格（{{columns}}）',
      unreadable: '{{cell}}: “{{raw}}” 不是可识别的数字',
      factNegative: '“{{label}}” 的数量不能为负数（{{value}}{{unit}}）',
      factFractional: '“{{label}}” 的数量应为整数（{{value}}{{unit}}）',
    },
  },
  create(context) {
    /** Ambiguous cells read from one glued run of digits share its span: reported once per run. */
    const runs = new Map<string, { info: CellInfo; labels: string[]; candidates: readonly number[] }>();
    const check = (info: CellInfo, kind: CellKind, labelOf: () => string): void => {
      if (!info.unreadable && !info.candidates && (info.value === null || (info.value >= 0 && Number.isInteger(info.value) && info.value <= MAX_COUNT && info.raw.length <= 15))) return;
      const label = labelOf();
      const data = { cell: label, raw: info.raw.trim() || String(info.value) };
      const span = info.span;
      const path = info.path === '' ? undefined : info.path;
      if (info.candidates) {
        const key = span ? `${span.start}:${span.end}:${info.raw}` : `${label}:${info.raw}`;
        const run = runs.get(key);
        if (run) run.labels.push(label);
        else runs.set(key, { info, labels: [label], candidates: info.candidates });
        return;
      }
      if (info.unreadable) {
        context.report({ messageId: 'unreadable', data, span, path });
        return;
      }
      const value = info.value;
      if (value === null) return;
      const digits = info.raw.replace(/[^0-9０-９]/g, '').length;
      const limit = kind === 'money' ? MAX_MONEY : MAX_COUNT;
      if (!Number.isFinite(value) || Math.abs(value) > limit || digits > 15) {
        context.report({ messageId: 'tooLarge', data, span, path });
        return;
      }
      if (kind === 'count' && value < 0) context.report({ messageId: 'negative', data, span, path });
      else if (kind === 'money' && value < 0) context.report({ messageId: 'negative', data, span, path });
      else if (kind !== 'money' && !Number.isInteger(value)) context.report({ messageId: 'fractional', data, span, path });
    };
    return {
      report(report) {
        const seen = new Set<string>();
        for (const def of context.template.cells) {
          const info = cellInfo(report, def.path);
          if (!info) continue;
          seen.add(def.path);
          check(info, def.kind, () => cellLabel(context.template, def.path));
        }
        // Legacy statistics rows the catalogue does not know (no key): counts unless the unit is money.
        for (const row of report.legacyStatistics?.rows ?? []) {
          if (row.key && seen.has(`legacyStatistics.${row.key}.year`)) continue;
          const kind: CellKind = row.unit !== undefined && /元/.test(row.unit) ? 'money' : 'count';
          for (const [column, cell] of [['本年度', row.year], ['历年累计', row.cumulative]] as const) {
            if (cell === undefined) continue;
            const info: CellInfo =
              cell === null || typeof cell === 'number'
                ? { path: '', cell, value: cell, raw: cell === null ? '' : String(cell), span: null, unreadable: false, blank: cell === null }
                : {
                    path: '',
                    cell,
                    value: cell.value,
                    raw: cell.raw,
                    span: cell.span,
                    unreadable: cell.value === null && ((cell.candidates?.length ?? 0) > 0 || !isBlankRaw(cell.raw)),
                    blank: cell.value === null && (cell.candidates?.length ?? 0) === 0 && isBlankRaw(cell.raw),
                    ...(cell.candidates && cell.candidates.length > 0 ? { candidates: cell.candidates } : {}),
                  };
            check(info, kind, () => `${row.label}（${column}）`);
          }
        }
        for (const { info, labels, candidates } of runs.values()) {
          const span = info.span;
          const path = info.path === '' ? undefined : info.path;
          if (labels.length === 1) {
            // An ambiguous glued run is the extraction's doubt, not a wrong figure: a warning, never an error.
            context.report({ messageId: 'ambiguous', data: { cell: labels[0] ?? '', raw: info.raw, candidates: candidates.join(' / ') }, span, path, severity: 'warn' });
            continue;
          }
          const rows = [...new Set(labels.map((l) => l.split(/ · |（/)[0] ?? l))];
          const columns = labels.map((l) => (rows.length === 1 ? l.replace(/^.*? · /, '').replace(/^.*?（(.*)）$/, '$1') : l));
          context.report({
            messageId: 'ambiguousRun',
            data: { row: rows.join('、'), raw: info.raw, count: labels.length, columns: columns.join('、') },
            span,
            path,
            severity: 'warn',
          });
        }
      },
      fact(fact) {
        if (!COUNT_UNITS.has(fact.unit)) return;
        const data = { label: fact.label, value: fact.value, unit: fact.unit };
        if (fact.value < 0) context.report({ messageId: 'factNegative', data, span: fact.span });
        else if (!Number.isInteger(fact.value)) context.report({ messageId: 'factFractional', data, span: fact.span });
      },
    };
  },
});
