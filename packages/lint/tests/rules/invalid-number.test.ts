import type { Proactive2019, Report } from '@xxgk/schema';
import rule from '../../src/rules/invalid-number.js';
import { buildReport, ruleTester, spanOf } from '../../src/testing/index.js';

/** A 2019 表二 row flattened by a text export: three cells glued into one run of digits. */
const flat2019 = buildReport({ template: 'national-2019' });
const run = spanOf(flat2019, '42\t-3\t1180');
const glued = (candidates: number[]) => ({ value: null, raw: '42-31180', span: run, candidates });
const flattened: Report = {
  ...flat2019,
  proactive: {
    ...(flat2019.proactive as Proactive2019),
    licensing: { prevYearItems: glued([4, 42]), delta: glued([-3, -31]), decisions: glued([1180, 31180]) },
  },
};

const withFraction = buildReport({ paragraphs: { overview: ['另收到补正后的申请2.5件。'] } });
const withNegativeFact = buildReport({ paragraphs: { overview: ['较上年减少申请-3件。'] } });

ruleTester.run('invalid-number', rule, {
  valid: [
    { name: 'a national-2021 report (收费金额 is a decimal in 万元)', report: buildReport() },
    { name: 'a national-2019 report with signed 本年增/减 and a large 采购总金额', report: buildReport({ template: 'national-2019' }) },
    {
      name: 'blank, dash and 无 cells',
      report: buildReport({
        cells: {
          'applications.results.denied.stateSecret.naturalPerson': { value: null, raw: '—' },
          'applications.results.denied.stateSecret.commercial': { value: null, raw: '/' },
          'applications.results.denied.stateSecret.research': { value: null, raw: '无' },
          'proactive.regulations.issued': null,
        },
      }),
    },
    { name: 'a legacy 统计表', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'a 2019 procurement amount with cents',
      report: buildReport({ template: 'national-2019', cells: { 'proactive.procurement.totalAmount': 75394.52 } }),
    },
  ],
  invalid: [
    {
      name: 'a negative count in 表三',
      report: buildReport({ cells: { 'applications.results.granted.commercial': -4 } }),
      errors: [{ messageId: 'negative', line: 34, column: 12, message: '（一）予以公开 · 商业企业: 数量不能为负数（-4）' }],
    },
    {
      name: 'a fractional count in 表二',
      report: buildReport({ cells: { 'proactive.licensing': 1260.5 } }),
      errors: [{ messageId: 'fractional', line: 18, column: 6, message: '行政许可 · 本年处理决定数量: 数量应为整数（1260.5）' }],
    },
    {
      name: 'glued digits the parser could not split, and text that is not a number',
      report: buildReport({
        cells: {
          'applications.newReceived.naturalPerson': { value: null, raw: '640', candidates: [64, 640] },
          'applications.results.granted.naturalPerson': { value: null, raw: '3O' },
        },
      }),
      errors: [
        { messageId: 'ambiguous', line: 31, column: 18, message: '一、本年新收政府信息公开申请数量 · 自然人: “640” 无法唯一读出（可能为 64 / 640）' },
        { messageId: 'unreadable', line: 34, column: 9, message: '（一）予以公开 · 自然人: “3O” 不是可识别的数字' },
      ],
    },
    {
      name: 'cells glued into one run of digits are reported once for the run',
      report: flattened,
      errors: [
        {
          messageId: 'ambiguousRun',
          line: 18,
          column: 6,
          message: '行政许可: 连在一起的数字“42-31180”无法唯一拆分为 3 个单元格（上一年项目数量、本年增/减、处理决定数量）',
        },
      ],
    },
    {
      name: 'a 40-digit number',
      report: buildReport({
        cells: { 'proactive.penalty': { value: 1.2345678901234568e39, raw: '1234567890123456789012345678901234567890' } },
      }),
      errors: [{ messageId: 'tooLarge', line: 21, column: 6, endColumn: 46 }],
    },
    {
      name: 'a signed 2019 本年增/减 may be negative but not fractional; money may not be negative',
      report: buildReport({
        template: 'national-2019',
        cells: { 'proactive.penalty.delta': 2.5, 'proactive.procurement.totalAmount': -100 },
      }),
      errors: [
        { messageId: 'fractional', line: 22, column: 10, message: '行政处罚 · 本年增/减: 数量应为整数（2.5）' },
        { messageId: 'negative', line: 29, column: 11, message: '政府集中采购 · 采购总金额: 数量不能为负数（-100）' },
      ],
    },
    {
      name: 'prose counts: a fractional and a negative number of applications',
      report: {
        ...withFraction,
        facts: [
          ...withFraction.facts,
          { id: 'f99', label: '收到补正后的申请', value: 2.5, unit: '件', span: spanOf(withFraction, '2.5件') },
        ],
      },
      errors: [{ messageId: 'factFractional', line: 10, column: 10, message: '“收到补正后的申请” 的数量应为整数（2.5件）' }],
    },
    {
      name: 'prose counts: a negative number',
      report: {
        ...withNegativeFact,
        facts: [{ id: 'f1', label: '较上年减少申请', value: -3, unit: '件', span: spanOf(withNegativeFact, '-3件') }],
      },
      errors: [{ messageId: 'factNegative', line: 10, column: 8 }],
    },
    {
      name: 'seed-shaped: a legacy 统计表 with a letter O typed for a zero',
      report: buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.reviews.year': { value: null, raw: '1O' } } }),
      errors: [{ messageId: 'unreadable', line: 45, column: 9, message: '行政复议数（本年度）: “1O” 不是可识别的数字' }],
    },
  ],
});
