import rule from '../../src/rules/publication-deadline.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

ruleTester.run('publication-deadline', rule, {
  valid: [
    { name: 'a 部门 report dated 1月20日', report: buildReport() },
    { name: 'a 部门 report dated on the deadline, 1月31日', report: buildReport({ year: 2023, publishedOn: '2024-01-31' }) },
    {
      name: 'a 本级政府 report dated 3月10日',
      report: buildReport({ year: 2023, publishedOn: '2024-03-10', agency: { name: '临江市人民政府', kind: 'government' } }),
    },
    {
      name: 'a legacy 部门 report dated 3月25日',
      report: buildReport({ template: 'legacy-2008', year: 2016, publishedOn: '2017-03-25' }),
    },
    {
      name: 'a 管委会 of unknown kind: 3月31日 applies',
      report: buildReport({ year: 2023, publishedOn: '2024-03-08', agency: { name: '临江经济技术开发区管理委员会', kind: undefined } }),
    },
    {
      name: 'an issuer whose kind the name does not tell: 3月31日 applies',
      report: buildReport({ year: 2022, publishedOn: '2023-02-20', agency: { name: '临江市', kind: undefined } }),
    },
    { name: 'an undated report', report: buildReport({ publishedOn: null }) },
    { name: 'a 本级政府 draft dated 3月10日 (parsed)', code: GOVERNMENT_DRAFT },
  ],
  invalid: [
    {
      name: 'the 本级政府 draft dated 4月2日 (parsed)',
      code: GOVERNMENT_DRAFT.replace('2024年3月10日', '2024年4月2日'),
      errors: [{ messageId: 'late', line: 17, column: 1, endColumn: 10 }],
    },
    {
      name: 'a 部门 draft dated 2月20日 (parsed)',
      code: GOVERNMENT_DRAFT.replaceAll('临江市人民政府', '临江市自然资源局').replace('2024年3月10日', '2024年2月20日'),
      errors: [{ messageId: 'late', line: 17, column: 1 }],
    },
    {
      name: 'a 部门 report dated 2月5日',
      report: buildReport({ year: 2023, publishedOn: '2024-02-05' }),
      errors: [
        {
          messageId: 'late',
          line: 77,
          column: 1,
          severity: 1,
          path: 'publishedOn',
          message: '2023年度报告落款日期为2024年2月5日，晚于法定公布期限2024年1月31日（《政府信息公开条例》第四十九条：政府部门每年1月31日前公布）',
        },
      ],
    },
    {
      name: 'a 本级政府 report dated 4月2日',
      report: buildReport({ year: 2023, publishedOn: '2024-04-02', agency: { name: '临江市人民政府', kind: 'government' } }),
      errors: [{ messageId: 'late', line: 77, column: 1 }],
    },
    {
      name: 'seed-shaped: a 街道办事处 2016 report dated in May',
      report: buildReport({
        template: 'legacy-2008',
        year: 2016,
        publishedOn: '2017-05-08',
        agency: { name: '临江市城关街道办事处', kind: 'other', level: 'township' },
      }),
      errors: [
        {
          messageId: 'late',
          line: 49,
          column: 1,
          message: '2016年度报告落款日期为2017年5月8日，晚于法定公布期限2017年3月31日（《政府信息公开条例》（2007年）第三十一条：每年3月31日前公布）',
        },
      ],
    },
    {
      name: 'unknown kind but clearly a 部门 (…局) after 1月31日',
      report: buildReport({ year: 2023, publishedOn: '2024-02-20', agency: { name: '临江市自然资源局', kind: undefined } }),
      errors: [{ messageId: 'late', line: 77, column: 1 }],
    },
    {
      name: 'a 镇人民政府 (not 县级以上): 1月31日',
      report: buildReport({
        year: 2023,
        publishedOn: '2024-02-15',
        agency: { name: '临江市石门镇人民政府', kind: 'government', level: 'township' },
      }),
      errors: [{ messageId: 'late', line: 77, column: 1 }],
    },
  ],
});
