import type { CellDef, Identity, LegacyRowDef, SectionDef, TemplateCatalogue } from './types.js';

/** Art. 32 of the 2008 条例: six items, recognised by keyword rather than heading (SPEC §6). */
const SECTIONS: readonly SectionDef[] = [
  {
    kind: 'overview',
    heading: '概述',
    variants: ['概述', '主要工作概述', '基本工作情况', '总体情况', '政府信息公开总体工作情况', '本年度政府信息公开工作的基本情况', '主要任务落实情况', '组织领导和规范化建设'],
    source: '惯例 (SPEC §6)',
  },
  {
    kind: 'proactive',
    heading: '主动公开政府信息情况',
    variants: ['主动公开政府信息情况', '主动公开情况', '主动公开政府信息的情况'],
    keywords: [['主动公开']],
    source: '条例(2008) 第三十二条（一）',
  },
  {
    kind: 'applications',
    heading: '依申请公开政府信息和不予公开政府信息的情况',
    variants: [
      '依申请公开政府信息情况',
      '政府信息依申请公开工作情况',
      '政府信息依申请公开办理情况',
      '依申请公开、不予公开及咨询政府信息情况',
      '依申请公开政府信息和不予公开政府信息的情况',
      '依申请公开办理和行政复议、申诉、诉讼情况',
      '依申请公开情况',
    ],
    keywords: [['依申请', '申请公开', '申请']],
    source: '条例(2008) 第三十二条（二）',
  },
  {
    kind: 'fees',
    heading: '政府信息公开的收费及减免情况',
    variants: [
      '政府信息公开的收费及减免情况',
      '依申请收费及减免情况',
      '公开收费情况',
      '收费及减免情况',
      '政府信息公开支出和收费情况',
      '政府支出和收费情况',
      '工作人员及信息公开事务支出情况',
      '工作人员和费用支出情况',
    ],
    keywords: [['收费', '减免', '费用']],
    source: '条例(2008) 第三十二条（三）',
  },
  {
    kind: 'reviewLitigation',
    heading: '因政府信息公开申请行政复议、提起行政诉讼的情况',
    variants: [
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '申请行政复议、提起行政诉讼和申诉的情况',
      '复议、诉讼和申诉情况',
      '行政复议和行政诉讼情况',
      '行政复议诉讼和举报投诉情况',
      '政府信息公开类行政复议和行政诉讼情况',
      '政府信息公开复议、诉讼情况',
    ],
    keywords: [['复议', '诉讼']],
    source: '条例(2008) 第三十二条（四）',
  },
  {
    kind: 'problems',
    heading: '政府信息公开工作存在的主要问题及改进情况',
    variants: [
      '政府信息公开工作存在的主要问题及改进情况',
      '政府信息公开工作存在的主要问题及改进措施',
      '存在的主要问题和改进措施',
      '主要问题和改进措施',
      '存在主要问题和整改措施',
      '存在问题及工作打算',
      '存在的主要问题及改进情况',
    ],
    keywords: [
      ['问题', '不足'],
      ['改进', '措施', '打算', '整改'],
    ],
    source: '条例(2008) 第三十二条（五）',
  },
  {
    kind: 'otherMatters',
    heading: '其他需要报告的事项',
    variants: ['其他需要报告的事项', '需要说明的事项与附表', '相关说明和指标统计表', '附相关的说明和指标统计表', '其他工作情况', '其它相关工作情况', '政府信息公开情况统计表'],
    source: '条例(2008) 第三十二条（六）',
  },
];

/** Indicators of the legacy statistics tables (Fujian/Pingtan form and the Shanghai-derived form). */
const ROWS: readonly LegacyRowDef[] = [
  { key: 'proactiveTotal', label: '主动公开文件数', aliases: ['主动公开政府信息数', '主动公开信息数'], unit: '条', kind: 'count' },
  { key: 'proactiveWebsite', label: '政府网站公开数', aliases: ['网站公开数'], unit: '条', parent: 'proactiveTotal', kind: 'count' },
  { key: 'proactiveGazette', label: '政府公报公开数', aliases: ['公报公开数'], unit: '条', parent: 'proactiveTotal', kind: 'count' },
  { key: 'applicationsTotal', label: '受理依申请公开信息总数', aliases: ['申请总数', '受理申请总数', '依申请公开信息总数'], unit: '条', kind: 'count' },
  { key: 'applicationsInPerson', label: '当面申请数', aliases: [], unit: '条', parent: 'applicationsTotal', kind: 'count' },
  { key: 'applicationsFax', label: '传真申请数', aliases: [], unit: '条', parent: 'applicationsTotal', kind: 'count' },
  { key: 'applicationsEmail', label: '电子邮件申请数', aliases: [], unit: '条', parent: 'applicationsTotal', kind: 'count' },
  { key: 'applicationsOnline', label: '网上申请数', aliases: [], unit: '条', parent: 'applicationsTotal', kind: 'count' },
  { key: 'applicationsLetterFax', label: '信函、传真申请数', aliases: ['信函传真申请数'], unit: '条', parent: 'applicationsTotal', kind: 'count' },
  { key: 'applicationsLetter', label: '信函申请数', aliases: [], unit: '条', parent: 'applicationsTotal', kind: 'count' },
  { key: 'applicationsOther', label: '其他形式申请数', aliases: ['其他申请数'], unit: '条', parent: 'applicationsTotal', kind: 'count' },
  { key: 'responsesTotal', label: '对申请的答复总数', aliases: ['答复总数'], unit: '条', kind: 'count' },
  { key: 'responsesGranted', label: '同意公开答复数', aliases: [], unit: '条', parent: 'responsesTotal', kind: 'count' },
  { key: 'responsesPartial', label: '同意部分公开答复数', aliases: [], unit: '条', parent: 'responsesTotal', kind: 'count' },
  { key: 'responsesDenied', label: '不予公开答复数', aliases: ['否决公开答复数'], unit: '条', parent: 'responsesTotal', kind: 'count' },
  { key: 'responsesOther', label: '其他类型答复数', aliases: [], unit: '条', parent: 'responsesTotal', kind: 'count' },
  { key: 'feesWaived', label: '政府信息公开收费减免金额', aliases: ['收费减免金额', '收费金额'], unit: '元', kind: 'money' },
  { key: 'complaints', label: '接受行政诉讼、举报数', aliases: ['举报投诉数', '申诉数', '行政申诉数'], unit: '件', kind: 'count' },
  { key: 'reviews', label: '行政复议数', aliases: [], unit: '件', kind: 'count' },
  { key: 'litigations', label: '行政诉讼数', aliases: [], unit: '件', kind: 'count' },
];

const cellsOf = (column: 'year' | 'cumulative'): CellDef[] =>
  ROWS.map((row) => ({
    path: `legacyStatistics.${row.key}.${column}`,
    table: 'legacyStatistics' as const,
    row: row.label,
    column: column === 'year' ? '本年度' : '历年累计',
    kind: row.kind,
  }));

/** L1 (SPEC §3): 答复总数 = its four 其中 rows; 申请总数 ≥ the 申请方式 rows (the form may not list every way). */
const IDENTITIES: readonly Identity[] = (['year', 'cumulative'] as const).flatMap((column) => [
  {
    id: `L1:responsesTotal.${column}`,
    kind: 'legacy-total' as const,
    rule: 'table-sum' as const,
    relation: 'equal' as const,
    description: '对申请的答复总数 = 同意公开 + 同意部分公开 + 不予公开 + 其他类型',
    lhs: [`legacyStatistics.responsesTotal.${column}`],
    rhs: ['responsesGranted', 'responsesPartial', 'responsesDenied', 'responsesOther'].map(
      (k) => `legacyStatistics.${k}.${column}`,
    ),
    target: `legacyStatistics.responsesTotal.${column}`,
  },
  {
    id: `L1:applicationsTotal.${column}`,
    kind: 'legacy-total' as const,
    rule: 'table-sum' as const,
    relation: 'at-least' as const,
    description: '受理依申请公开信息总数 ≥ 各申请方式之和',
    lhs: [`legacyStatistics.applicationsTotal.${column}`],
    rhs: ROWS.filter((r) => r.parent === 'applicationsTotal').map((r) => `legacyStatistics.${r.key}.${column}`),
    target: `legacyStatistics.applicationsTotal.${column}`,
  },
]);

/** Reports for 2008–2018 under the 2007 条例 (国务院令第492号); no national table format. */
export const legacy2008: TemplateCatalogue = {
  id: 'legacy-2008',
  title: '政府信息公开工作年度报告（2008年条例）',
  source: '《中华人民共和国政府信息公开条例》(2007) 第三十二条',
  years: { from: 2008, to: 2018 },
  sections: SECTIONS,
  legacyStatistics: { rows: ROWS },
  identities: IDENTITIES,
  cells: [...cellsOf('year'), ...cellsOf('cumulative')],
};
