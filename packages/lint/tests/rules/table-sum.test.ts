import rule from '../../src/rules/table-sum.js';
import { buildReport, ruleTester, textOf } from '../../src/testing/index.js';

ruleTester.run('table-sum', rule, {
  valid: [
    { name: 'a balanced national-2021 report', report: buildReport() },
    { name: 'a balanced draft, parsed', code: textOf(buildReport({ template: 'national-2019' })) },
    { name: 'a balanced national-2019 report', report: buildReport({ template: 'national-2019' }) },
    { name: 'a legacy report whose 统计表 adds up', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'blank 总计 cells skip their identity (Shanghai-style tables)',
      report: buildReport({
        cells: {
          'applications.newReceived.total': null,
          'applications.results.granted.total': null,
          'applications.results.total.naturalPerson': null,
          'reviewLitigation.review.total': { value: null, raw: '—' },
        },
      }),
    },
    {
      name: 'a blank part counts as 0',
      report: buildReport({ cells: { 'applications.results.denied.stateSecret.naturalPerson': null } }),
    },
    {
      name: 'an unreadable cell skips the identity (invalid-number reports it)',
      report: buildReport({
        cells: { 'applications.results.granted.naturalPerson': { value: null, raw: '3O', span: null } },
      }),
    },
    {
      name: 'a legacy 统计表 that lists fewer 申请方式 than the total covers',
      report: buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.applicationsInPerson.year': 2 } }),
    },
  ],
  invalid: [
    {
      name: 'a parsed draft whose （七）总计 · 自然人 says 79',
      code: textOf(buildReport({ cells: { 'applications.results.total.naturalPerson': 79 } })),
      errors: [
        { messageId: 'totalMismatch', line: 59, column: 7, message: '（七）总计 · 自然人: 79 ≠ 63 (= 30 + 6 + 1 + 2 + 1 + 2 + 1 + 12 + …)' },
        { messageId: 'totalMismatch', line: 59, column: 20 },
      ],
    },
    {
      name: '（七）总计 · 自然人 off by the sum of its results, and the row total of （七）总计',
      report: buildReport({ cells: { 'applications.results.total.naturalPerson': 79 } }),
      errors: [
        {
          messageId: 'totalMismatch',
          line: 59,
          column: 7,
          endColumn: 9,
          message: '（七）总计 · 自然人: 79 ≠ 63 (= 30 + 6 + 1 + 2 + 1 + 2 + 1 + 12 + …)',
          path: 'applications.results.total.naturalPerson',
        },
        {
          messageId: 'totalMismatch',
          line: 59,
          column: 20,
          message: '（七）总计 · 总计: 92 ≠ 76 (= 38 + 7 + 1 + 3 + 1 + 2 + 1 + 15 + …)',
          path: 'applications.results.total.total',
        },
      ],
    },
    {
      name: 'a row total that is not the sum of its applicant columns',
      report: buildReport({ cells: { 'applications.results.granted.total': 37 } }),
      errors: [
        { messageId: 'totalMismatch', line: 34, column: 22, message: '（一）予以公开 · 总计: 37 ≠ 38 (= 30 + 4 + 1 + 2 + 1)' },
        { messageId: 'totalMismatch', line: 59, column: 20, message: '（七）总计 · 总计: 76 ≠ 75 (= 37 + 7 + 1 + 3 + 1 + 2 + 1 + 15 + …)' },
      ],
    },
    {
      name: '表四 行政复议 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
      report: buildReport({ cells: { 'reviewLitigation.review.total': 5 } }),
      errors: [{ messageId: 'totalMismatch', line: 66, column: 10, message: '行政复议 · 总计: 5 ≠ 4 (= 2 + 1 + 1)' }],
    },
    {
      name: 'seed-shaped: a 2019-format table whose （七）总计 copies 本年新收 instead of adding the results',
      report: buildReport({
        template: 'national-2019',
        cells: {
          'applications.results.total.naturalPerson': 64,
          'applications.results.total.commercial': 9,
          'applications.results.total.total': 78,
        },
      }),
      errors: [
        { messageId: 'totalMismatch', line: 60, column: 7, message: '（七）总计 · 自然人: 64 ≠ 63 (= 30 + 6 + 1 + 2 + 1 + 2 + 1 + 12 + …)' },
        { messageId: 'totalMismatch', line: 60, column: 10, message: '（七）总计 · 商业企业: 9 ≠ 8 (= 4 + 1 + 1 + 2)' },
        { messageId: 'totalMismatch', line: 60, column: 20, message: '（七）总计 · 总计: 78 ≠ 76 (= 38 + 7 + 1 + 3 + 1 + 2 + 1 + 15 + …)' },
      ],
    },
    {
      name: 'legacy 统计表: 对申请的答复总数 is not the sum of its 其中 rows',
      report: buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.responsesTotal.year': 30 } }),
      errors: [{ messageId: 'totalMismatch', line: 38, column: 12, message: '对申请的答复总数（本年度）: 30 ≠ 26 (= 18 + 3 + 2 + 3)' }],
    },
    {
      name: 'legacy 统计表: fewer applications than the 申请方式 rows add up to',
      report: buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.applicationsTotal.cumulative': 140 } }),
      errors: [{ messageId: 'totalBelowParts', line: 34, column: 18, message: '受理依申请公开信息总数（历年累计）: 140 < 152 (= 60 + 70 + 22)' }],
    },
  ],
});
