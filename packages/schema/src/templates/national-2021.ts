import {
  APPLICANT_COLUMN_DEFS,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  CORNER_NOTE,
  NATIONAL_SECTIONS,
  REVIEW_CELLS,
  REVIEW_COLUMN_DEFS,
  REVIEW_GROUP_DEFS,
  applicationCells,
  nationalIdentities,
} from './national-common.js';
import type { CellDef, RowDef, TemplateCatalogue } from './types.js';

const R = 'applications.results';

const ROWS: readonly RowDef[] = [
  ...APPLICATION_ROWS_HEAD,
  { path: null, label: '（六）其他处理', block: '三', group: '（六）' },
  {
    path: `${R}.otherHandling.overdueCorrection`,
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    block: '三',
    group: '（六）',
  },
  {
    path: `${R}.otherHandling.overdueFee`,
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    block: '三',
    group: '（六）',
  },
  { path: `${R}.otherHandling.other`, label: '3.其他', block: '三', group: '（六）' },
  ...APPLICATION_ROWS_TAIL,
];

const PROACTIVE_CELLS: readonly CellDef[] = [
  ...(['regulations', 'normativeDocuments'] as const).flatMap((row) =>
    (
      [
        ['issued', '本年制发件数'],
        ['repealed', '本年废止件数'],
        ['inForce', '现行有效件数'],
      ] as const
    ).map(([key, column]) => ({
      path: `proactive.${row}.${key}`,
      table: 'proactive' as const,
      row: row === 'regulations' ? '规章' : '行政规范性文件',
      column,
      kind: 'count' as const,
    })),
  ),
  { path: 'proactive.licensing', table: 'proactive', row: '行政许可', column: '本年处理决定数量', kind: 'count' },
  { path: 'proactive.penalty', table: 'proactive', row: '行政处罚', column: '本年处理决定数量', kind: 'count' },
  { path: 'proactive.enforcement', table: 'proactive', row: '行政强制', column: '本年处理决定数量', kind: 'count' },
  {
    path: 'proactive.feesAmount',
    table: 'proactive',
    row: '行政事业性收费',
    column: '本年收费金额（单位：万元）',
    kind: 'money',
  },
];

/** 国办公开办函〔2021〕30号: the format for reports of 2021 onward. */
export const national2021: TemplateCatalogue = {
  id: 'national-2021',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  source: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  sections: NATIONAL_SECTIONS,
  proactive: {
    captions: ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    cells: PROACTIVE_CELLS,
  },
  applications: { columns: APPLICANT_COLUMN_DEFS, rows: ROWS, cornerNote: CORNER_NOTE },
  reviewLitigation: { groups: REVIEW_GROUP_DEFS, columns: REVIEW_COLUMN_DEFS },
  identities: nationalIdentities(ROWS),
  cells: [...PROACTIVE_CELLS, ...applicationCells(ROWS), ...REVIEW_CELLS],
};
