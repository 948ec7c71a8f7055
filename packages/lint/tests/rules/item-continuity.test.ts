import rule from '../../src/rules/item-continuity.js';
import { buildReport, ruleTester } from '../../src/testing/index.js';

/** 2019: 行政许可 42 (−3), 其他对外管理服务事项 15 (+2), 行政处罚 120 (0), 行政强制 18 (0), 收费 6 (−1). */
const report2019 = buildReport({ template: 'national-2019', year: 2019 });

ruleTester.run('item-continuity', rule, {
  valid: [
    {
      name: "this year's 上一年项目数量 = last year's + 本年增/减",
      report: buildReport({
        template: 'national-2019',
        year: 2020,
        cells: {
          'proactive.licensing.prevYearItems': 39,
          'proactive.otherServices.prevYearItems': 17,
          'proactive.fees.prevYearItems': 5,
        },
      }),
      previousReport: report2019,
    },
    {
      name: 'a blank 本年增/减 last year is not compared',
      report: buildReport({ template: 'national-2019', year: 2020, cells: { 'proactive.licensing.prevYearItems': 39, 'proactive.otherServices.prevYearItems': 17, 'proactive.fees.prevYearItems': 5 } }),
      previousReport: buildReport({ template: 'national-2019', year: 2019, cells: { 'proactive.penalty.delta': null } }),
    },
    { name: 'national-2021 reports have no item counts', report: buildReport(), previousReport: buildReport({ year: 2022 }) },
    {
      name: 'glued digits read two ways, one of which continues last year (not flagged: it may be right)',
      report: buildReport({
        template: 'national-2019',
        year: 2020,
        cells: {
          'proactive.licensing.prevYearItems': { value: null, raw: '3940', candidates: [39, 394] },
          'proactive.otherServices.prevYearItems': 17,
          'proactive.fees.prevYearItems': 5,
        },
      }),
      previousReport: report2019,
    },
  ],
  invalid: [
    {
      name: 'glued digits read two ways, neither of which continues last year',
      report: buildReport({
        template: 'national-2019',
        year: 2020,
        cells: {
          'proactive.licensing.prevYearItems': { value: null, raw: '4240', candidates: [42, 424] },
          'proactive.otherServices.prevYearItems': 17,
          'proactive.fees.prevYearItems': 5,
        },
      }),
      previousReport: report2019,
      errors: [
        {
          messageId: 'discontinuousEveryReading',
          line: 18,
          column: 6,
          message: '行政许可: 上一年项目数量（可读作 42 / 424）与2019年的上一年项目数量（42）加本年增/减（-3）在任何读法下都不相等',
          path: 'proactive.licensing.prevYearItems',
        },
      ],
    },
    {
      name: '行政许可 and 行政事业性收费 ignore last year’s change',
      report: buildReport({
        template: 'national-2019',
        year: 2020,
        cells: { 'proactive.otherServices.prevYearItems': 17, 'proactive.fees.prevYearItems': 6 },
      }),
      previousReport: report2019,
      errors: [
        {
          messageId: 'discontinuous',
          line: 18,
          column: 6,
          message: '行政许可: 上一年项目数量 42 ≠ 2019年的 42 + (-3) = 39',
          path: 'proactive.licensing.prevYearItems',
        },
        { messageId: 'discontinuous', line: 26, column: 9, message: '行政事业性收费: 上一年项目数量 6 ≠ 2019年的 6 + (-1) = 5' },
      ],
    },
    {
      name: 'seed-shaped: a 2020 report that copies the 2019 table unchanged (all five rows)',
      report: buildReport({ template: 'national-2019', year: 2020 }),
      previousReport: buildReport({
        template: 'national-2019',
        year: 2019,
        cells: { 'proactive.penalty.delta': 5, 'proactive.enforcement.delta': -2 },
      }),
      errors: [
        { messageId: 'discontinuous', line: 18, column: 6 },
        { messageId: 'discontinuous', line: 19, column: 12, message: '其他对外管理服务事项: 上一年项目数量 15 ≠ 2019年的 15 + (2) = 17' },
        { messageId: 'discontinuous', line: 22, column: 6, message: '行政处罚: 上一年项目数量 120 ≠ 2019年的 120 + (5) = 125' },
        { messageId: 'discontinuous', line: 23, column: 6 },
        { messageId: 'discontinuous', line: 26, column: 9 },
      ],
    },
  ],
});
