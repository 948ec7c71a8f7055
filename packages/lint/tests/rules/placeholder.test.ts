import rule from '../../src/rules/placeholder.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

ruleTester.run('placeholder', rule, {
  valid: [
    { name: 'a complete 2021 report', report: buildReport() },
    { name: 'a complete 2019 report', report: buildReport({ template: 'national-2019' }) },
    { name: 'a complete legacy report', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'Chinese numerals with 〇 are dates, not slots',
      report: buildReport({
        paragraphs: { overview: ['自二〇〇八年五月一日《条例》施行以来，本局累计主动公开政府信息九千余条，二〇二三年新增一千三百余条。'] },
      }),
    },
    {
      name: '【】 used as a heading, ×, and a URL with xx',
      report: buildReport({
        paragraphs: {
          proactive: ['【政策解读】本年度围绕重点工作发布政策解读材料12篇，其中图解6篇。'],
          otherMatters: ['本机关政府信息公开专栏网址：http://xxgk.linjiang.gov.cn/xxgk/index.html，公开场所设在市民中心3×4号窗口。'],
        },
      }),
    },
    {
      name: 'Markdown bold is markup, not a 20**年 slot',
      report: {
        ...buildReport({ paragraphs: { overview: ['**年度重点工作**：围绕优化营商环境，集中公开涉企政策。'] } }),
        source: { format: 'markdown', encoding: 'UTF-8', sha256: '0'.repeat(64), bytes: 1 },
      },
    },
    { name: 'a complete draft (parsed)', code: GOVERNMENT_DRAFT },
  ],
  invalid: [
    {
      name: 'a draft still holding the template’s slots (parsed)',
      code: GOVERNMENT_DRAFT.replace('临江市人民政府2023年', 'XX市人民政府20**年').replace('自2023年1月1日起至2023年12月31日止', '自至'),
      errors: [
        { messageId: 'slot', line: 1, column: 1, endColumn: 3 },
        { messageId: 'slot', line: 1, column: 8, endColumn: 12 },
        { messageId: 'emptyPeriod', line: 3, column: 13, endColumn: 15 },
      ],
    },
    {
      name: 'seed-shaped: 20**年 in the title and **年 in the body',
      report: buildReport({
        template: 'legacy-2008',
        year: 2016,
        title: '20**年临江市卫生健康委员会政府信息公开工作年度报告',
        paragraphs: { overview: ['截至**年12月底，本委通过门户网站发布工作动态、法规公文等信息。'] },
      }),
      errors: [
        { messageId: 'slot', line: 1, column: 1, endColumn: 5, message: '模板占位符“20**”未替换为实际内容' },
        { messageId: 'slot', line: 10, column: 3, endColumn: 5 },
      ],
    },
    {
      name: 'XX市 left from the template',
      report: buildReport({ paragraphs: { overview: ['根据XX市人民政府办公室统一部署，本局制定了年度政务公开工作要点。'] } }),
      errors: [{ messageId: 'slot', line: 10, column: 3, endColumn: 5 }],
    },
    {
      name: '20XX年度',
      report: buildReport({ paragraphs: { overview: ['现将20XX年度政府信息公开工作情况报告如下。'] } }),
      errors: [{ messageId: 'slot', line: 10, column: 3, endColumn: 7 }],
    },
    {
      name: '×× and ○○ name slots',
      report: buildReport({
        paragraphs: {
          overview: ['本局指导○○镇人民政府完成基层政务公开标准化建设。'],
          otherMatters: ['政府信息公开工作机构设在××局办公室，联系电话：0795-××××××××。'],
        },
      }),
      errors: [
        { messageId: 'slot', line: 10, column: 5, endColumn: 7 },
        { messageId: 'slot', line: 76, column: 13, endColumn: 15 },
        { messageId: 'slot', line: 76, column: 30, endColumn: 38 },
      ],
    },
    {
      name: 'the template instruction 【填写…】',
      report: buildReport({ paragraphs: { overview: ['【填写本机关年度主要做法】'] } }),
      errors: [{ messageId: 'instruction', line: 10, column: 1, endColumn: 14, message: '模板填写说明“【填写本机关年度主要做法】”未删除' }],
    },
    {
      name: '统计期限自至 with both dates missing',
      report: buildReport({ periodSentence: '本报告所列数据的统计期限自至。' }),
      errors: [{ messageId: 'emptyPeriod', line: 3, column: 84, endColumn: 86 }],
    },
    {
      name: 'an empty date slot 2024年  月  日',
      report: buildReport({ paragraphs: { otherMatters: ['填报日期：2024年  月  日'] } }),
      errors: [{ messageId: 'emptyDate', line: 75, column: 10, endColumn: 17 }],
    },
  ],
});
