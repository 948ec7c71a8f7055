import type { Report } from '@xxgk/schema';
import rule from '../../src/rules/fee-disclosure.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport, textOf } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

/** The report's text with one sentence rewritten to one of the same length (so every span still holds). */
function rewrite(report: Report, from: string, to: string): string {
  const text = textOf(report);
  if (!text.includes(from) || from.length !== to.length) throw new Error(`cannot rewrite "${from}"`);
  return text.replace(from, to);
}

const report2022 = buildReport({ year: 2022 });

ruleTester.run('fee-disclosure', rule, {
  valid: [
    { name: 'a 2021-template report that states 未收取信息处理费', report: buildReport() },
    {
      name: 'fees charged and stated',
      report: {
        ...report2022,
        fees: { mentioned: true, charged: true, notices: 2, amount: 60, unit: '元', statement: '2022年，发出收费通知2件，收取信息处理费60元。' },
      },
      text: rewrite(report2022, '2022年，本机关未收取信息处理费，未发出收费通知。', '2022年，发出收费通知2件，收取信息处理费60元。'),
    },
    {
      name: 'the parser did not fill `fees` but the text speaks of 信息处理费',
      report: { ...buildReport({ year: 2024 }), fees: null },
    },
    { name: 'a 2019-template report (no 信息处理费 before 2021)', report: { ...buildReport({ template: 'national-2019' }), fees: null } },
    { name: 'a legacy report', report: { ...buildReport({ template: 'legacy-2008' }), fees: null } },
    { name: 'a draft stating 未收取信息处理费 (parsed)', code: GOVERNMENT_DRAFT },
  ],
  invalid: [
    {
      name: 'a draft whose 六 says nothing of fees (parsed)',
      code: GOVERNMENT_DRAFT.replace('2023年，本市各级行政机关未收取信息处理费。', '本年度无其他需要报告的事项。'),
      errors: [{ messageId: 'missingFees', line: 13, column: 1 }],
    },
    {
      name: 'seed-shaped: 六 says only that there is nothing else to report',
      report: { ...report2022, fees: { mentioned: false, charged: null } },
      text: rewrite(report2022, '2022年，本机关未收取信息处理费，未发出收费通知。', '2022年，本机关没有其他需要向社会公众报告的事项。'),
      errors: [
        {
          messageId: 'missingFees',
          line: 72,
          column: 1,
          endColumn: 12,
          severity: 1,
          path: 'fees',
          message:
            '2022年度报告未说明信息处理费收取情况（国办函〔2020〕109号），应在“六、其他需要报告的事项”中写明收费通知件数和金额或“未收取信息处理费”',
        },
      ],
    },
    {
      name: 'no section 六 at all: the finding points at the title',
      report: { ...buildReport({ year: 2023, omitSections: ['otherMatters'] }), fees: null },
      errors: [{ messageId: 'missingFees', line: 1, column: 1 }],
    },
  ],
});
