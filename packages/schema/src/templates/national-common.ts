import { APPLICANT_COLUMNS } from '../tables/applicant-counts.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '../tables/review-litigation.js';
import type { CellDef, ColumnDef, Identity, RowDef, SectionDef } from './types.js';

/** The six sections of both national templates (SPEC §2.2). */
export const NATIONAL_SECTIONS: readonly SectionDef[] = [
  {
    kind: 'overview',
    ordinal: '一',
    heading: '总体情况',
    variants: ['总体情况', '概述', '基本情况', '总体工作情况'],
    source: '条例 第五十条（一）; 国办公开办函〔2021〕30号',
  },
  {
    kind: 'proactive',
    ordinal: '二',
    heading: '主动公开政府信息情况',
    variants: ['主动公开政府信息情况', '主动公开情况'],
    source: '条例 第五十条（一）',
  },
  {
    kind: 'applications',
    ordinal: '三',
    heading: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的情况', '依申请公开政府信息情况'],
    source: '条例 第五十条（二）',
  },
  {
    kind: 'reviewLitigation',
    ordinal: '四',
    heading: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '政府信息公开行政复议、行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政法复议、行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '行政复议、行政诉讼情况',
    ],
    source: '条例 第五十条（三）',
  },
  {
    kind: 'problems',
    ordinal: '五',
    heading: '存在的主要问题及改进情况',
    variants: [
      '存在的主要问题及改进情况',
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题和改进情况',
      '存在的主要问题及改进措施',
    ],
    source: '条例 第五十条（四）',
  },
  {
    kind: 'otherMatters',
    ordinal: '六',
    heading: '其他需要报告的事项',
    variants: ['其他需要报告的事项', '其它需要报告的事项'],
    source: '条例 第五十条（五）',
  },
];

export const APPLICANT_COLUMN_DEFS: readonly ColumnDef[] = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'socialWelfare', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];

export const CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const R = 'applications.results';

/** 表三 rows up to （五）不予处理, identical in both templates (SPEC §2.4). */
export const APPLICATION_ROWS_HEAD: readonly RowDef[] = [
  { path: 'applications.newReceived', label: '一、本年新收政府信息公开申请数量', block: '一' },
  { path: 'applications.carriedOver', label: '二、上年结转政府信息公开申请数量', block: '二' },
  { path: null, label: '三、本年度办理结果', block: '三' },
  { path: `${R}.granted`, label: '（一）予以公开', block: '三', group: '（一）' },
  {
    path: `${R}.partiallyGranted`,
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    aliases: ['（二）部分公开'],
    block: '三',
    group: '（二）',
  },
  { path: null, label: '（三）不予公开', block: '三', group: '（三）' },
  { path: `${R}.denied.stateSecret`, label: '1.属于国家秘密', block: '三', group: '（三）' },
  { path: `${R}.denied.lawForbidden`, label: '2.其他法律行政法规禁止公开', block: '三', group: '（三）' },
  {
    path: `${R}.denied.threeSafetyOneStability`,
    label: '3.危及“三安全一稳定”',
    aliases: ['3.危及"三安全一稳定"', '3.危及三安全一稳定'],
    block: '三',
    group: '（三）',
  },
  { path: `${R}.denied.thirdPartyRights`, label: '4.保护第三方合法权益', block: '三', group: '（三）' },
  { path: `${R}.denied.internalAffairs`, label: '5.属于三类内部事务信息', block: '三', group: '（三）' },
  { path: `${R}.denied.processInfo`, label: '6.属于四类过程性信息', block: '三', group: '（三）' },
  { path: `${R}.denied.enforcementFile`, label: '7.属于行政执法案卷', block: '三', group: '（三）' },
  { path: `${R}.denied.administrativeQuery`, label: '8.属于行政查询事项', block: '三', group: '（三）' },
  { path: null, label: '（四）无法提供', block: '三', group: '（四）' },
  { path: `${R}.unableToProvide.notHeld`, label: '1.本机关不掌握相关政府信息', block: '三', group: '（四）' },
  { path: `${R}.unableToProvide.needsCreation`, label: '2.没有现成信息需要另行制作', block: '三', group: '（四）' },
  { path: `${R}.unableToProvide.unclearAfterCorrection`, label: '3.补正后申请内容仍不明确', block: '三', group: '（四）' },
  { path: null, label: '（五）不予处理', block: '三', group: '（五）' },
  { path: `${R}.notProcessed.complaint`, label: '1.信访举报投诉类申请', block: '三', group: '（五）' },
  { path: `${R}.notProcessed.duplicate`, label: '2.重复申请', block: '三', group: '（五）' },
  { path: `${R}.notProcessed.publication`, label: '3.要求提供公开出版物', block: '三', group: '（五）' },
  { path: `${R}.notProcessed.massRepeated`, label: '4.无正当理由大量反复申请', block: '三', group: '（五）' },
  {
    path: `${R}.notProcessed.confirmation`,
    label: '5.要求行政机关确认或重新出具已获取信息',
    block: '三',
    group: '（五）',
  },
];

/** 表三 rows after （六）其他处理, identical in both templates. */
export const APPLICATION_ROWS_TAIL: readonly RowDef[] = [
  { path: `${R}.total`, label: '（七）总计', block: '三', group: '（七）' },
  { path: 'applications.carriedForward', label: '四、结转下年度继续办理', block: '四' },
];

export const REVIEW_GROUP_DEFS: readonly ColumnDef[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '复议后起诉' },
];

export const REVIEW_COLUMN_DEFS: readonly ColumnDef[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** Every cell of 表三 for the given rows, row by row, columns in order. */
export function applicationCells(rows: readonly RowDef[]): CellDef[] {
  return rows.flatMap((row) =>
    row.path === null
      ? []
      : APPLICANT_COLUMN_DEFS.map((col) => ({
          path: `${row.path}.${col.key}`,
          table: 'applications' as const,
          row: row.label,
          column: col.label,
          kind: 'count' as const,
        })),
  );
}

/** Every cell of 表四, in its one printed row. */
export const REVIEW_CELLS: readonly CellDef[] = REVIEW_GROUP_DEFS.flatMap((group) =>
  REVIEW_COLUMN_DEFS.map((col) => ({
    path: `reviewLitigation.${group.key}.${col.key}`,
    table: 'reviewLitigation' as const,
    row: group.label,
    column: col.label,
    kind: 'count' as const,
  })),
);

/** I1 row totals, I2 results totals, I3 balance and I5 表四 totals (SPEC §3) for the given 表三 rows. */
export function nationalIdentities(rows: readonly RowDef[]): Identity[] {
  const dataRows = rows.filter((r): r is RowDef & { path: string } => r.path !== null);
  const parts = APPLICANT_COLUMNS.filter((c) => c !== 'total');
  const resultRows = dataRows.filter((r) => r.path.startsWith(`${R}.`) && r.path !== `${R}.total`);
  const identities: Identity[] = [];
  for (const row of dataRows) {
    identities.push({
      id: `I1:${row.path}`,
      kind: 'row-total',
      rule: 'table-sum',
      relation: 'equal',
      description: `${row.label}: 总计 = 各类申请人之和`,
      lhs: [`${row.path}.total`],
      rhs: parts.map((c) => `${row.path}.${c}`),
      target: `${row.path}.total`,
    });
  }
  for (const [i, col] of APPLICANT_COLUMNS.entries()) {
    const label = APPLICANT_COLUMN_DEFS[i]?.label ?? col;
    identities.push({
      id: `I2:${col}`,
      kind: 'column-total',
      rule: 'table-sum',
      relation: 'equal',
      description: `${label}: （七）总计 = 各项办理结果之和`,
      lhs: [`${R}.total.${col}`],
      rhs: resultRows.map((r) => `${r.path}.${col}`),
      target: `${R}.total.${col}`,
    });
  }
  for (const [i, col] of APPLICANT_COLUMNS.entries()) {
    const label = APPLICANT_COLUMN_DEFS[i]?.label ?? col;
    identities.push({
      id: `I3:${col}`,
      kind: 'balance',
      rule: 'application-balance',
      relation: 'equal',
      description: `${label}: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
      lhs: [`applications.newReceived.${col}`, `applications.carriedOver.${col}`],
      rhs: [`${R}.total.${col}`, `applications.carriedForward.${col}`],
      target: `applications.carriedForward.${col}`,
    });
  }
  for (const [i, group] of REVIEW_GROUPS.entries()) {
    const label = REVIEW_GROUP_DEFS[i]?.label ?? group;
    identities.push({
      id: `I5:${group}`,
      kind: 'group-total',
      rule: 'table-sum',
      relation: 'equal',
      description: `${label}: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
      lhs: [`reviewLitigation.${group}.total`],
      rhs: REVIEW_COLUMNS.filter((c) => c !== 'total').map((c) => `reviewLitigation.${group}.${c}`),
      target: `reviewLitigation.${group}.total`,
    });
  }
  return identities;
}
