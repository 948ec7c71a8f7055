import rule from '../../src/rules/garbled-text.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

ruleTester.run('garbled-text', rule, {
  valid: [
    { name: 'a clean 2021 report', report: buildReport() },
    { name: 'a clean legacy report', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'question marks that end real questions',
      report: buildReport({
        paragraphs: {
          overview: [
            '什么是政府信息？政府信息是指行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息。',
            '群众最关心的问题是什么？本局通过“局长信箱”逐一收集并答复。',
            '如何申请政府信息公开？',
          ],
        },
      }),
    },
    {
      name: 'a URL with a query string and an English FAQ',
      report: buildReport({
        paragraphs: {
          otherMatters: ['查询网址：http://www.linjiang.gov.cn/xxgk/list.jsp?cid=12&page=2', '英文版 FAQ? 已同步更新。'],
        },
      }),
    },
    {
      name: 'genuine Traditional Chinese text',
      report: buildReport({
        template: 'legacy-2008',
        paragraphs: { overview: ['本局持續推進政務公開標準化建設。現已覆蓋全部科室和鄉鎮。'] },
      }),
    },
    { name: 'a clean draft (parsed)', code: GOVERNMENT_DRAFT },
    { name: 'a question in English before Chinese punctuation', code: GOVERNMENT_DRAFT.replace('政策解读形式较为单一。', '政策解读形式较为单一（网民常问“How?”）。') },
  ],
  invalid: [
    {
      name: 'a draft with a lost full stop (parsed)',
      code: GOVERNMENT_DRAFT.replace('收到政府信息公开申请78件。监督保障', '收到政府信息公开申请78件?,F監督保障'),
      errors: [{ messageId: 'questionMarks', line: 6, column: 54, endColumn: 57 }],
    },
    {
      name: 'seed-shaped: 。現已 decoded as ?,F已',
      report: buildReport({
        template: 'legacy-2008',
        paragraphs: { overview: ['本局持續推進政務公開標準化建設?,F已覆蓋全部科室和鄉鎮。'] },
      }),
      errors: [{ messageId: 'questionMarks', line: 10, column: 16, endColumn: 19, message: '乱码：中文中夹杂问号“?,F”，疑为编码转换丢失的字符' }],
    },
    {
      name: 'a lost character before Chinese punctuation: 运用?F；',
      code: GOVERNMENT_DRAFT.replace('政策解读形式较为单一。', '政策解读形式较为单一，图解方式运用?F；'),
      errors: [{ messageId: 'questionMarks', line: 12, column: 32, endColumn: 34, message: '乱码：中文中夹杂问号“?F”，疑为编码转换丢失的字符' }],
    },
    {
      name: 'a run of ?? inside a word',
      report: buildReport({ template: 'legacy-2008', paragraphs: { overview: ['確保信息發布準??無誤，按時更新公開目錄。'] } }),
      errors: [{ messageId: 'questionMarks', line: 10, column: 8, endColumn: 10 }],
    },
    {
      name: 'a lone ? between Chinese characters of a statement',
      report: buildReport({ paragraphs: { proactive: ['本局主动公开?政府信息1342条。'] } }),
      errors: [{ messageId: 'questionMarks', line: 26, column: 7 }],
    },
    {
      name: 'U+FFFD replacement characters',
      report: buildReport({ paragraphs: { proactive: ['本机关\uFFFD\uFFFD公开目录已于年内更新。'] } }),
      errors: [{ messageId: 'replacementChar', line: 26, column: 4, endColumn: 6 }],
    },
    {
      name: '锟斤拷 (U+FFFD in UTF-8 read as GBK)',
      report: buildReport({ paragraphs: { proactive: ['政府信息公开锟斤拷锟斤拷工作'] } }),
      errors: [{ messageId: 'mojibake', line: 26, column: 7, endColumn: 13 }],
    },
    {
      name: 'UTF-8 read as GBK',
      report: buildReport({ paragraphs: { overview: ['鏀垮簻淇℃伅骞村害鎶ュ憡', '本局受理渚濈敵璇峰叕寮€事项。'] } }),
      errors: [
        {
          messageId: 'gbkMojibake',
          line: 10,
          column: 1,
          endColumn: 13,
          message: '乱码：“鏀垮簻淇℃伅骞村害鎶ュ憡”是把 UTF-8 文字按 GBK 解码的结果，原文应为“政府信息年度报告”',
        },
        { messageId: 'gbkMojibake', line: 11, column: 5, endColumn: 13 },
      ],
    },
    {
      name: 'UTF-8 read as Latin-1, once and twice',
      report: buildReport({
        paragraphs: { overview: ['2023å¹´åº¦æ\u008a¥å\u0091\u008a', '标题：Ã¤Â¸Â\u00adÃ¥Â\u009bÂ½'] },
      }),
      errors: [
        { messageId: 'mojibake', line: 10, column: 5 },
        { messageId: 'mojibake', line: 11, column: 4 },
      ],
    },
  ],
});
