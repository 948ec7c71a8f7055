import rule from '../../src/rules/document-kind.js';
import { buildReport, ruleTester, textOf } from '../../src/testing/index.js';

ruleTester.run('document-kind', rule, {
  valid: [
    { name: 'an annual report', report: buildReport() },
    { name: 'an annual report, parsed', code: textOf(buildReport()) },
    { name: 'a Traditional-Chinese title', report: buildReport({ title: '臨江市交通運輸局2023年政府信息公開工作年度報告', documentKind: undefined }) },
    { name: 'a title that says 年报', report: buildReport({ title: '临江市交通运输局2023年政府信息公开年报', documentKind: undefined }) },
  ],
  invalid: [
    {
      name: 'a parsed 工作总结',
      code: textOf(buildReport({ template: 'legacy-2008', title: '临江市交通运输局2016年政府信息公开工作总结' })),
      errors: [{ messageId: 'workSummary', line: 1, column: 1 }],
    },
    {
      name: 'the parser recognised a 工作总结',
      report: buildReport({ title: '临江市交通运输局2023年政府信息公开工作总结', documentKind: 'work-summary' }),
      errors: [
        {
          messageId: 'workSummary',
          line: 1,
          column: 1,
          endColumn: 24,
          severity: 1,
          message: '“临江市交通运输局2023年政府信息公开工作总结”是工作总结，不是《条例》要求的政府信息公开工作年度报告',
        },
      ],
    },
    {
      name: 'a 工作计划 title',
      report: buildReport({ title: '临江市交通运输局2024年政务公开工作计划', documentKind: 'unknown' }),
      errors: [{ messageId: 'workPlan', line: 1, column: 1 }],
    },
    {
      name: 'a title that does not say what the document is',
      report: buildReport({ title: '临江市交通运输局2023年政府信息公开情况', documentKind: undefined }),
      errors: [{ messageId: 'notAnnualReport', line: 1, column: 1, message: '标题“临江市交通运输局2023年政府信息公开情况”中没有“年度报告”，文种不明确' }],
    },
    {
      name: 'seed-shaped: a summary of one year and plan for the next filed as the annual report',
      report: buildReport({
        template: 'legacy-2008',
        title: '临江市文联2016年政府信息公开工作总结及2017年工作计划',
        documentKind: undefined,
      }),
      errors: [{ messageId: 'workSummary', line: 1, column: 1 }],
    },
  ],
});
