import rule from '../../src/rules/required-section.js';
import { buildReport, ruleTester, textOf } from '../../src/testing/index.js';

ruleTester.run('required-section', rule, {
  valid: [
    { name: 'a national-2021 report with its six sections', report: buildReport() },
    { name: 'a legacy draft, parsed', code: textOf(buildReport({ template: 'legacy-2008' })) },
    { name: 'a national-2019 report with its six sections', report: buildReport({ template: 'national-2019' }) },
    { name: 'a legacy report with the Art. 32 items', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'legacy: 收费 folded into the 依申请公开 section counts (keywords, not headings)',
      report: buildReport({
        template: 'legacy-2008',
        tables: false,
        omitSections: ['fees'],
        paragraphs: { applications: ['办理依申请公开未向申请人收取任何费用。'] },
      }),
    },
    {
      name: 'a heading variant the parser left as kind other',
      report: (() => {
        const report = buildReport();
        return {
          ...report,
          sections: report.sections.map((s) => (s.kind === 'problems' ? { ...s, kind: 'other' as const, heading: '五、政府信息公开工作存在的主要问题及改进情况' } : s)),
        };
      })(),
    },
  ],
  invalid: [
    {
      name: 'a parsed 2021-format draft without 六、其他需要报告的事项',
      code: textOf(buildReport({ omitSections: ['otherMatters'] })),
      errors: [{ messageId: 'missingSection', line: 1, column: 1, message: '缺少“六、其他需要报告的事项”部分（条例 第五十条（五））' }],
    },
    {
      name: 'a 2021-format report without 五、存在的主要问题及改进情况',
      report: buildReport({ omitSections: ['problems'] }),
      errors: [{ messageId: 'missingSection', line: 1, column: 1, severity: 2, message: '缺少“五、存在的主要问题及改进情况”部分（条例 第五十条（四））' }],
    },
    {
      name: 'a 2019-format report without sections 四 and 六',
      report: buildReport({ template: 'national-2019', omitSections: ['reviewLitigation', 'otherMatters'] }),
      errors: [
        { messageId: 'missingSection', line: 1, column: 1, message: '缺少“四、政府信息公开行政复议、行政诉讼情况”部分（条例 第五十条（三））' },
        { messageId: 'missingSection', line: 1, column: 1, message: '缺少“六、其他需要报告的事项”部分（条例 第五十条（五））' },
      ],
    },
    {
      name: 'seed-shaped: a legacy report that says nothing of 收费及减免 nor of problems and improvements (warnings)',
      report: buildReport({ template: 'legacy-2008', tables: false, omitSections: ['fees', 'problems'] }),
      errors: [
        { messageId: 'missingItem', line: 1, column: 1, severity: 1, message: '未报告“政府信息公开的收费及减免情况”的内容（条例(2008) 第三十二条（三））' },
        { messageId: 'missingItem', line: 1, column: 1, severity: 1, message: '未报告“政府信息公开工作存在的主要问题及改进情况”的内容（条例(2008) 第三十二条（五））' },
      ],
    },
  ],
});
