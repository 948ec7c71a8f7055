import rule from '../../src/rules/year-mismatch.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport, textOf } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

const legacy2016 = buildReport({ template: 'legacy-2008', year: 2016 });
const copiedPeriod = buildReport({
  template: 'legacy-2008',
  year: 2016,
  periodSentence: '本报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。',
});
const unmodelledPeriod = buildReport({ periodSentence: '本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。' });

ruleTester.run('year-mismatch', rule, {
  valid: [
    { name: 'a correct 2021 report', report: buildReport() },
    { name: 'a correct 2019 report', report: buildReport({ template: 'national-2019' }) },
    { name: 'a correct legacy report with its 2016年度 statistics table', report: legacy2016 },
    {
      name: 'prose comparing with earlier years is normal',
      report: buildReport({
        paragraphs: {
          overview: ['与2022年相比，依申请公开数量增长12%；自2019年新《条例》施行以来，累计公开政府信息5000余条。'],
          problems: ['2022年年度报告中提出的解读形式单一问题，已通过制作图解加以改进。'],
        },
      }),
    },
    {
      name: 'a caption naming the report year',
      report: legacy2016,
      text: textOf(legacy2016).replace('附表：政府信息公开情况统计表', '附表：2016年度政府信息公开情况统计表'),
    },
    { name: 'an unmodelled 统计期限 sentence of the right year', report: { ...buildReport(), period: null } },
    { name: 'a 2023 draft counting 2023 (parsed)', code: GOVERNMENT_DRAFT },
    {
      name: 'an overview opening with a multi-year phrase is not a year statement',
      code: GOVERNMENT_DRAFT.replace('2023年，本市坚持', '2019年以来，本市坚持'),
    },
  ],
  invalid: [
    {
      name: 'a 2023 draft with last year’s 统计期限 (parsed)',
      code: GOVERNMENT_DRAFT.replace('统计期限自2023年1月1日起至2023年12月31日止', '统计期限自2022年1月1日起至2022年12月31日止'),
      errors: [{ messageId: 'periodYear', line: 3, column: 9 }],
    },
    {
      name: 'a 2023 draft whose 总体情况 still opens with last year (parsed)',
      code: GOVERNMENT_DRAFT.replace('2023年，本市坚持', '2022年，本市坚持'),
      errors: [{ messageId: 'openingYear', line: 6, column: 1, endColumn: 6, message: '总体情况开头写的是2022年，而本报告是2023年度报告' }],
    },
    {
      name: 'seed-shaped: last year’s 统计期限 left in a 2016 report',
      report: { ...copiedPeriod, period: { ...copiedPeriod.period!, from: '2015-01-01', to: '2015-12-31' } },
      errors: [
        {
          messageId: 'periodYear',
          line: 3,
          column: 48,
          path: 'period',
          message: '统计期限“2015年1月1日至2015年12月31日”不在标题所示的报告年度2016年内',
        },
      ],
    },
    {
      name: 'a title not updated from last year',
      report: buildReport({ year: 2023, title: '临江市交通运输局2022年政府信息公开工作年度报告' }),
      errors: [
        { messageId: 'titleYear', line: 1, column: 1, message: '标题年份为2022年，而报告年度为2023年' },
        { messageId: 'periodYear', line: 3, column: 72 },
      ],
    },
    {
      name: 'the statistics table captioned with another year',
      report: legacy2016,
      text: textOf(legacy2016).replace('附表：政府信息公开情况统计表', '附表：2015年度政府信息公开情况统计表'),
      errors: [
        {
          messageId: 'captionYear',
          line: 29,
          column: 4,
          endColumn: 9,
          message: '“附表：2015年度政府信息公开情况统计表”写的是2015年，而本报告是2016年度报告',
        },
      ],
    },
    {
      name: 'a 统计期限 sentence the parser did not model, for another year',
      report: { ...unmodelledPeriod, period: null },
      errors: [{ messageId: 'periodYear', line: 3, column: 85, endColumn: 90 }],
    },
  ],
});
