import type { Report } from '@xxgk/schema';
import rule from '../../src/rules/fee-disclosure.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport, textOf } from '../fixtures/build-report.js';

/** The report's text with one sentence rewritten to one of the same length (so every span still holds). */
function rewrite(report: Report, from: string, to: string): string {
  const text = textOf(report);
  if (!text.includes(from) || from.length !== to.length) throw new Error(`cannot rewrite "${from}"`);
  return text.replace(from, to);
}

const report2022 = buildReport({ year: 2022 });

/** A 本级政府 report as an editor would paste it (parsed by @xxgk/parse). */
const GOVERNMENT_DRAFT = `临江市人民政府2023年政府信息公开工作年度报告

本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。

一、总体情况
2023年，本市坚持以公开为常态、不公开为例外，全年主动公开政府信息1342条，收到政府信息公开申请78件。监督保障方面，市政府将政府信息公开工作纳入全市绩效考核，开展社会评议，全年未发生责任追究情况。

二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
一是公开及时性有待提高，二是政策解读形式较为单一。
六、其他需要报告的事项
2023年，本市各级行政机关未收取信息处理费。

临江市人民政府
2024年3月10日
`;

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
