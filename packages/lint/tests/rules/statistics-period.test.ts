import type { Report } from '@xxgk/schema';
import rule from '../../src/rules/statistics-period.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

/** The report with its 统计期限 model changed (the sentence's span is kept). */
function period(report: Report, from: string, to: string): Report {
  return { ...report, period: { ...report.period!, from, to } };
}

ruleTester.run('statistics-period', rule, {
  valid: [
    { name: 'a 2021 report counting 1月1日 to 12月31日', report: buildReport() },
    { name: 'a legacy report counting the whole year', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: '2008 counts from 5月1日, when the 条例 came into force',
      report: period(
        buildReport({
          template: 'legacy-2008',
          year: 2008,
          periodSentence: '本报告所列数据的统计期限自2008年5月1日起至2008年12月31日止。',
        }),
        '2008-05-01',
        '2008-12-31',
      ),
    },
    {
      name: 'no 统计期限 sentence; figures given 截至12月31日 and a mid-year milestone',
      report: {
        ...buildReport({
          periodSentence: null,
          paragraphs: {
            overview: ['截至2023年12月31日，本局累计公开政府信息1342条。', '截至2023年6月30日，已完成全部政务公开事项目录的梳理，共梳理事项218项。'],
          },
        }),
        period: null,
      },
    },
    {
      name: 'a period wholly in another year is left to year-mismatch',
      report: period(buildReport(), '2022-01-01', '2022-12-31'),
    },
    { name: 'a draft counting the whole of 2023 (parsed)', code: GOVERNMENT_DRAFT },
  ],
  invalid: [
    {
      name: 'a draft counting to 12月20日 (parsed)',
      code: GOVERNMENT_DRAFT.replace('至2023年12月31日止', '至2023年12月20日止'),
      errors: [{ messageId: 'cutOffEarly', line: 3, column: 9 }],
    },
    {
      name: 'seed-shaped: figures counted only 截至12月8日',
      report: {
        ...buildReport({
          template: 'legacy-2008',
          year: 2015,
          periodSentence: null,
          paragraphs: { overview: ['截至2015年12月8日，本会在区政府门户网站发布各类信息46条，其中工作动态31条。'] },
        }),
        period: null,
      },
      errors: [
        {
          messageId: 'cutOffEarly',
          line: 10,
          column: 1,
          endColumn: 13,
          severity: 1,
          message: '统计数据截至2015年12月8日，未覆盖2015年12月31日前的全部时间',
        },
      ],
    },
    {
      name: 'a cut-off without a year: 截至12月15日',
      report: {
        ...buildReport({
          periodSentence: null,
          paragraphs: { proactive: ['截至12月15日，本局通过政务新媒体发布信息268条。'] },
        }),
        period: null,
      },
      errors: [{ messageId: 'cutOffEarly', line: 26, column: 1, endColumn: 9 }],
    },
    {
      name: '统计期限 ending on 11月30日',
      report: period(buildReport(), '2023-01-01', '2023-11-30'),
      errors: [
        { messageId: 'cutOffEarly', line: 3, column: 72, path: 'period', message: '统计数据截至2023年11月30日，未覆盖2023年12月31日前的全部时间' },
      ],
    },
    {
      name: '统计期限 starting on 3月1日',
      report: period(buildReport(), '2023-03-01', '2023-12-31'),
      errors: [{ messageId: 'notFullYear', line: 3, column: 72, message: '统计期限为2023年3月1日至2023年12月31日，不是2023年1月1日至12月31日的完整年度' }],
    },
    {
      name: '统计期限 straddling two years',
      report: period(buildReport(), '2022-12-01', '2023-11-30'),
      errors: [{ messageId: 'notFullYear', line: 3, column: 72 }],
    },
  ],
});
