import rule from '../../src/rules/blank-total.js';
import { buildReport, ruleTester } from '../../src/testing/index.js';

ruleTester.run('blank-total', rule, {
  valid: [
    { name: 'every 总计 filled in', report: buildReport() },
    {
      name: 'a blank 总计 whose parts are all 0 or blank',
      report: buildReport({
        cells: {
          'applications.results.denied.stateSecret.total': null,
          'reviewLitigation.litigationAfterReview.total': { value: null, raw: '/' },
        },
      }),
    },
    { name: 'a legacy 统计表 with every total filled', report: buildReport({ template: 'legacy-2008' }) },
  ],
  invalid: [
    {
      name: 'a blank row total of 一、本年新收',
      report: buildReport({ cells: { 'applications.newReceived.total': null } }),
      errors: [
        {
          messageId: 'blankTotal',
          line: 31,
          column: 31,
          message: '一、本年新收政府信息公开申请数量 · 总计 为空，但其各分项之和为 78 (= 64 + 9 + 1 + 3 + 1)；无法核对该合计',
          path: 'applications.newReceived.total',
        },
      ],
    },
    {
      name: 'a blank （七）总计 cell written as a dash',
      report: buildReport({ cells: { 'applications.results.total.naturalPerson': { value: null, raw: '—' } } }),
      errors: [{ messageId: 'blankTotal', line: 59, column: 7, message: '（七）总计 · 自然人 为空，但其各分项之和为 63 (= 30 + 6 + 1 + 2 + 1 + 2 + 1 + 12 + …)；无法核对该合计' }],
    },
    {
      name: 'seed-shaped: a 2019 table with the 总计 column left blank on the rows that have applications',
      report: buildReport({
        template: 'national-2019',
        cells: {
          'applications.results.granted.total': null,
          'applications.results.partiallyGranted.total': null,
          'reviewLitigation.review.total': null,
        },
      }),
      errors: [
        { messageId: 'blankTotal', line: 38, column: 22, message: '（一）予以公开 · 总计 为空，但其各分项之和为 38 (= 30 + 4 + 1 + 2 + 1)；无法核对该合计' },
        { messageId: 'blankTotal', line: 39, column: 42, message: '（二）部分公开 · 总计 为空，但其各分项之和为 7 (= 6 + 1)；无法核对该合计' },
        { messageId: 'blankTotal', line: 67, column: 10, message: '行政复议 · 总计 为空，但其各分项之和为 4 (= 2 + 1 + 1)；无法核对该合计' },
      ],
    },
    {
      name: 'legacy 统计表: a blank 对申请的答复总数',
      report: buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.responsesTotal.year': null } }),
      errors: [{ messageId: 'blankTotal', line: 38, column: 12, message: '对申请的答复总数（本年度） 为空，但其各分项之和为 26 (= 18 + 3 + 2 + 3)；无法核对该合计' }],
    },
  ],
});
