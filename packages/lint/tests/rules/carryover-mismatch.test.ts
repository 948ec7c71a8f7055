import rule from '../../src/rules/carryover-mismatch.js';
import { buildReport, ruleTester } from '../../src/testing/index.js';

/** 2022: 结转下年度 自然人 4, 商业企业 1 (总计 5). */
const lastYear = buildReport({ year: 2022 });

ruleTester.run('carryover-mismatch', rule, {
  valid: [
    {
      name: "上年结转 equals last year's 结转下年度 in every column",
      report: buildReport({ cells: { 'applications.carriedOver.naturalPerson': 4, 'applications.carriedOver.commercial': 1 } }),
      previousReport: lastYear,
    },
    { name: 'no previous report: the rule does not run', report: buildReport() },
    {
      name: 'a previous report that is not of the year before is ignored',
      report: buildReport(),
      previousReport: buildReport({ year: 2020, template: 'national-2019' }),
    },
    {
      name: 'blank cells are not compared',
      report: buildReport({
        cells: { 'applications.carriedOver.total': null, 'applications.carriedOver.naturalPerson': null, 'applications.carriedOver.commercial': null },
      }),
      previousReport: lastYear,
    },
  ],
  invalid: [
    {
      name: "the 总计 differs from last year's 结转下年度 (an error)",
      report: buildReport(),
      previousReport: lastYear,
      errors: [
        {
          messageId: 'totalMismatch',
          line: 32,
          column: 30,
          severity: 2,
          message: '上年结转 3 件，但2022年报告的结转下年度为 5 件',
          path: 'applications.carriedOver.total',
        },
      ],
    },
    {
      name: 'equal totals, different applicant columns (warnings)',
      report: buildReport({ cells: { 'applications.carriedOver.naturalPerson': 5 } }),
      previousReport: lastYear,
      errors: [
        { messageId: 'columnMismatch', line: 32, column: 18, severity: 1, message: '自然人: 上年结转 5 ≠ 2022年结转下年度 4' },
        { messageId: 'columnMismatch', line: 32, column: 20, severity: 1, message: '商业企业: 上年结转 0 ≠ 2022年结转下年度 1' },
      ],
    },
    {
      name: 'seed-shaped: a 2020 report that starts from zero although 2019 carried applications forward',
      report: buildReport({
        template: 'national-2019',
        year: 2020,
        cells: { 'applications.carriedOver.naturalPerson': 0 },
      }),
      previousReport: buildReport({ template: 'national-2019', year: 2019 }),
      errors: [{ messageId: 'totalMismatch', line: 36, column: 30, message: '上年结转 0 件，但2019年报告的结转下年度为 5 件' }],
    },
  ],
});
