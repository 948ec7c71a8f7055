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
import type { CellDef, CellKind, RowDef, TemplateCatalogue } from './types.js';

const ROWS: readonly RowDef[] = [
  ...APPLICATION_ROWS_HEAD,
  { path: 'applications.results.otherHandling', label: '（六）其他处理', block: '三', group: '（六）' },
  ...APPLICATION_ROWS_TAIL,
];

function cell(path: string, row: string, column: string, kind: CellKind = 'count'): CellDef {
  return { path: `proactive.${path}`, table: 'proactive', row, column, kind };
}

const ITEM_COLUMNS = [
  ['prevYearItems', '上一年项目数量', 'count'],
  ['delta', '本年增/减', 'signed'],
  ['decisions', '处理决定数量', 'count'],
] as const;

const PROACTIVE_CELLS: readonly CellDef[] = [
  ...(
    [
      ['regulations', '规章'],
      ['normativeDocuments', '规范性文件'],
    ] as const
  ).flatMap(([key, row]) => [
    cell(`${key}.newlyMade`, row, '本年新制作数量'),
    cell(`${key}.newlyPublished`, row, '本年新公开数量'),
    cell(`${key}.totalPublished`, row, '对外公开总数量'),
  ]),
  ...(
    [
      ['licensing', '行政许可'],
      ['otherServices', '其他对外管理服务事项'],
      ['penalty', '行政处罚'],
      ['enforcement', '行政强制'],
    ] as const
  ).flatMap(([key, row]) => ITEM_COLUMNS.map(([col, label, kind]) => cell(`${key}.${col}`, row, label, kind))),
  cell('fees.prevYearItems', '行政事业性收费', '上一年项目数量'),
  cell('fees.delta', '行政事业性收费', '本年增/减', 'signed'),
  cell('procurement.projects', '政府集中采购', '采购项目数量'),
  cell('procurement.totalAmount', '政府集中采购', '采购总金额', 'money'),
];

/** 国办公开办函〔2019〕60号: the trial format for reports of 2019 and 2020. */
export const national2019: TemplateCatalogue = {
  id: 'national-2019',
  title: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  source: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections: NATIONAL_SECTIONS,
  proactive: {
    captions: [
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ],
    cells: PROACTIVE_CELLS,
  },
  applications: { columns: APPLICANT_COLUMN_DEFS, rows: ROWS, cornerNote: CORNER_NOTE },
  reviewLitigation: { groups: REVIEW_GROUP_DEFS, columns: REVIEW_COLUMN_DEFS },
  identities: nationalIdentities(ROWS),
  cells: [...PROACTIVE_CELLS, ...applicationCells(ROWS), ...REVIEW_CELLS],
};
