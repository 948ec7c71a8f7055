import rule from '../../src/rules/multiple-documents.js';
import { buildReport, ruleTester, spanOf } from '../../src/testing/index.js';

const threeArticles = buildReport({
  paragraphs: {
    otherMatters: [
      '篇2：临江市交通运输局机关党委2023年信息公开工作总结',
      '今年以来，机关党委认真落实信息公开各项要求。',
      '篇3：临江市交通运输局2024年政务公开工作要点',
    ],
  },
});

const twoReports = buildReport({
  paragraphs: { otherMatters: ['临江市交通运输局2022年政府信息公开工作年度报告'] },
});

ruleTester.run('multiple-documents', rule, {
  valid: [
    { name: 'one report in the file', report: buildReport() },
    { name: 'no document list from the parser', report: { ...buildReport(), documents: undefined } },
  ],
  invalid: [
    {
      name: 'last year’s report pasted under this year’s',
      report: {
        ...twoReports,
        documents: [
          { title: twoReports.title, span: twoReports.titleSpan! },
          { title: '临江市交通运输局2022年政府信息公开工作年度报告', span: spanOf(twoReports, '临江市交通运输局2022年') },
        ],
      },
      errors: [
        {
          messageId: 'extraDocument',
          line: 75,
          column: 1,
          message: '文件中共有 2 篇报告，第 2 篇“临江市交通运输局2022年政府信息公开工作年度报告”应单独发布',
        },
      ],
    },
    {
      name: 'seed-shaped: three articles (篇2:, 篇3:) in one file',
      report: {
        ...threeArticles,
        documents: [
          { title: threeArticles.title, span: threeArticles.titleSpan! },
          { title: '临江市交通运输局机关党委2023年信息公开工作总结', span: spanOf(threeArticles, '篇2：') },
          { title: '临江市交通运输局2024年政务公开工作要点', span: spanOf(threeArticles, '篇3：') },
        ],
      },
      errors: [
        { messageId: 'extraDocument', line: 75, column: 1 },
        { messageId: 'extraDocument', line: 77, column: 1, message: '文件中共有 3 篇报告，第 3 篇“临江市交通运输局2024年政务公开工作要点”应单独发布' },
      ],
    },
  ],
});
