import rule from '../../src/rules/template-version.js';
import { buildReport, ruleTester, textOf } from '../../src/testing/index.js';

ruleTester.run('template-version', rule, {
  valid: [
    { name: 'a 2023 report in the 2021 format', report: buildReport() },
    { name: 'a 2020 draft in the 2019 format, parsed', code: textOf(buildReport({ template: 'national-2019', year: 2020 })) },
    { name: 'a 2020 report in the 2019 trial format', report: buildReport({ template: 'national-2019', year: 2020 }) },
    { name: 'a 2020 report already in the 2021 format', report: buildReport({ year: 2020 }) },
    { name: 'a 2016 legacy report without national tables', report: buildReport({ template: 'legacy-2008', tables: false }) },
    { name: 'a report whose year is unknown', report: buildReport({ year: null }) },
  ],
  invalid: [
    {
      name: 'a parsed 2022 draft in the 2019 format',
      code: textOf(buildReport({ template: 'national-2019', year: 2022 })),
      errors: [{ messageId: 'oldTemplate', line: 1, column: 1 }],
    },
    {
      name: 'a 2022 report still in the 2019 trial format',
      report: buildReport({ template: 'national-2019', year: 2022 }),
      errors: [
        {
          messageId: 'oldTemplate',
          line: 1,
          column: 1,
          message:
            '2022年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但本报告使用了2019年试行格式；表二为2019年格式（本年新制作数量、其他对外管理服务事项、政府集中采购）；表三“（六）其他处理”未分为三项',
        },
      ],
    },
    {
      name: 'a 2023 report without its tables',
      report: buildReport({ tables: false }),
      errors: [
        {
          messageId: 'missingTables',
          line: 1,
          column: 1,
          severity: 2,
          message:
            '2023年度报告缺少统一格式要求的表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况）',
        },
      ],
    },
    {
      name: 'a 2019 report without tables (a warning)',
      report: buildReport({ template: 'national-2019', year: 2019, tables: false }),
      errors: [{ messageId: 'missingTables', line: 1, column: 1, severity: 1 }],
    },
    {
      name: 'seed-shaped: a 2021 report written in the pre-2019 free form with a local 统计表',
      report: buildReport({ template: 'legacy-2008', year: 2021 }),
      errors: [
        {
          messageId: 'oldTemplate',
          line: 1,
          column: 1,
          endColumn: 26,
          message: '2021年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但本报告使用了2019年以前的格式',
        },
      ],
    },
  ],
});
