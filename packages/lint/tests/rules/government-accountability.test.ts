import type { Report } from '@xxgk/schema';
import rule from '../../src/rules/government-accountability.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport, textOf } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

const ACCOUNTABILITY = '监督保障方面，将政府信息公开工作纳入年度绩效考核，邀请群众代表开展社会评议，全年未发生因政府信息公开工作被责任追究的情况。';
/** Same length as ACCOUNTABILITY, so every span of the report still points at its text. */
const TRAINING_ONLY = '监督保障方面，本机关加强政府信息公开工作人员培训，全年组织业务培训3次，参训人员覆盖各科室、各直属单位和全部乡镇（街道）。';

/** The report's text with the 监督保障 sentence reduced to training (no 考核/评议/追究). */
function withoutAccountability(report: Report): string {
  const text = textOf(report);
  if (!text.includes(ACCOUNTABILITY) || TRAINING_ONLY.length !== ACCOUNTABILITY.length) throw new Error('cannot rewrite the 监督保障 sentence');
  return text.replace(ACCOUNTABILITY, TRAINING_ONLY);
}

const cityGovernment = buildReport({ year: 2023, agency: { name: '临江市人民政府', kind: 'government', level: 'prefectural' } });
const countyGovernment2020 = buildReport({
  template: 'national-2019',
  year: 2020,
  agency: { name: '临江市清溪县人民政府', kind: undefined, level: 'county' },
});
const department = buildReport();

ruleTester.run('government-accountability', rule, {
  valid: [
    { name: 'a 人民政府 report that states 考核、评议 and 追究', report: cityGovernment },
    { name: 'a 部门 report need not', report: department, text: withoutAccountability(department) },
    {
      name: 'a 人民政府 recognised by name that reports them',
      report: buildReport({ template: 'national-2019', agency: { name: '临江市清溪县人民政府', kind: undefined } }),
    },
    {
      name: 'a 人民政府办公室 is a 部门',
      report: buildReport({ agency: { name: '临江市人民政府办公室', kind: undefined } }),
      text: withoutAccountability(buildReport({ agency: { name: '临江市人民政府办公室', kind: undefined } })),
    },
    { name: 'a 本级政府 draft reporting 考核、评议、追究 (parsed)', code: GOVERNMENT_DRAFT },
  ],
  invalid: [
    {
      name: 'a 本级政府 draft silent on them (parsed)',
      code: GOVERNMENT_DRAFT.replace('市政府将政府信息公开工作纳入全市绩效考核，开展社会评议，全年未发生责任追究情况。', '市政府组织业务培训3次。'),
      errors: [{ messageId: 'missingAccountability', line: 5, column: 1, endColumn: 7 }],
    },
    {
      name: 'a city government report silent on 考核、评议、追究 (2021: at 一、总体情况)',
      report: cityGovernment,
      text: withoutAccountability(cityGovernment),
      errors: [
        {
          messageId: 'missingAccountability',
          line: 5,
          column: 1,
          endColumn: 7,
          severity: 1,
          message: '临江市人民政府是人民政府，年度报告应说明工作考核、社会评议和责任追究结果情况（《政府信息公开条例》第五十条第（四）项）',
        },
      ],
    },
    {
      name: 'seed-shaped: a county government 2020 report known only by name (2019: at 五)',
      report: countyGovernment2020,
      text: withoutAccountability(countyGovernment2020),
      errors: [{ messageId: 'missingAccountability', line: 69, column: 1 }],
    },
  ],
});
