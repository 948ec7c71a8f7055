import rule from '../../src/rules/application-balance.js';
import { buildReport, ruleTester, textOf } from '../../src/testing/index.js';

ruleTester.run('application-balance', rule, {
  valid: [
    { name: 'a balanced national-2021 report', report: buildReport() },
    { name: 'a balanced draft, parsed', code: textOf(buildReport()) },
    { name: 'a balanced national-2019 report', report: buildReport({ template: 'national-2019' }) },
    {
      name: 'blank cells in a column with no applications count as 0',
      report: buildReport({
        cells: {
          'applications.newReceived.socialWelfare': null,
          'applications.carriedOver.socialWelfare': null,
          'applications.carriedForward.socialWelfare': { value: null, raw: '—' },
        },
      }),
    },
    {
      name: 'a column left wholly blank (nothing published in it) is not checked',
      report: buildReport({
        cells: {
          'applications.newReceived.research': null,
          'applications.carriedOver.research': null,
          'applications.results.total.research': null,
          'applications.carriedForward.research': null,
        },
      }),
    },
    {
      name: 'legacy reports have no 表三',
      report: buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.responsesTotal.year': 99 } }),
    },
  ],
  invalid: [
    {
      name: 'a blank 结转下年度 总计 counts as nothing published: the 总计 column does not balance as printed',
      report: buildReport({ cells: { 'applications.carriedForward.total': null } }),
      errors: [{ messageId: 'unbalanced', line: 60, column: 25, message: '总计: 78 + 3 ≠ 76 + （空）', path: 'applications.carriedForward.total' }],
    },
    {
      name: 'a parsed draft whose 自然人 column does not balance',
      code: textOf(buildReport({ cells: { 'applications.newReceived.naturalPerson': 65 } })),
      errors: [
        { messageId: 'unbalanced', line: 60, column: 13, message: '自然人: 65 + 3 ≠ 63 + 4' },
        { messageId: 'unbalanced', line: 60, column: 25 },
      ],
    },
    {
      name: '自然人 column: 新收 + 上年结转 ≠ 办理结果 + 结转',
      report: buildReport({ cells: { 'applications.newReceived.naturalPerson': 65 } }),
      errors: [
        { messageId: 'unbalanced', line: 60, column: 13, message: '自然人: 65 + 3 ≠ 63 + 4', path: 'applications.carriedForward.naturalPerson' },
        { messageId: 'unbalanced', line: 60, column: 25, message: '总计: 79 + 3 ≠ 76 + 5', path: 'applications.carriedForward.total' },
      ],
    },
    {
      name: 'a legal-service column that lost its carried-forward application (2019 format)',
      report: buildReport({ template: 'national-2019', cells: { 'applications.newReceived.legalService': 4 } }),
      errors: [
        { messageId: 'unbalanced', line: 61, column: 21, message: '法律服务机构: 4 + 0 ≠ 3 + 0' },
        { messageId: 'unbalanced', line: 61, column: 25, message: '总计: 79 + 3 ≠ 76 + 5' },
      ],
    },
    {
      name: 'seed-shaped: 本年新收 already includes the 上年结转 applications, which are then added again',
      report: buildReport({ cells: { 'applications.newReceived.naturalPerson': 67 } }),
      errors: [
        { messageId: 'unbalanced', line: 60, column: 13, message: '自然人: 67 + 3 ≠ 63 + 4' },
        { messageId: 'unbalanced', line: 60, column: 25, message: '总计: 81 + 3 ≠ 76 + 5' },
      ],
    },
  ],
});
