import type { Report } from '@xxgk/schema';
import rule from '../../src/rules/conversion-artifact.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport, textOf } from '../fixtures/build-report.js';
import { GOVERNMENT_DRAFT } from '../fixtures/drafts.js';

/** The report's text with each residue replaced (what the fixes should produce). */
function fixed(report: Report, replacements: readonly (readonly [string, string])[]): string {
  let text = textOf(report);
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`"${from}" is not in the report`);
    text = text.replace(from, to);
  }
  return text;
}

const MARKDOWN = { format: 'markdown', encoding: 'UTF-8', sha256: '0'.repeat(64), bytes: 1 } as const;
const HTML = { format: 'html', encoding: 'UTF-8', sha256: '0'.repeat(64), bytes: 1 } as const;

const withImage = buildReport({
  template: 'legacy-2008',
  year: 2013,
  paragraphs: { overview: ['（二）健全制度，强化考核。先后制定了《政府信息公开审查制度》[image: image1.png]等六项制度。'] },
});
const withBookmark = buildReport({ paragraphs: { overview: ['[bookmark: _GoBack]'] } });
const withAnchors = buildReport({
  paragraphs: { overview: ['一、组织领导和规范化建设{#_Toc27561 .anchor}', '本局按照[主要做法]{.underline}推进政务公开标准化建设。'] },
});
const withDivs = buildReport({ paragraphs: { problems: ['::: {custom-style="Body Text"}', '二是基层政务公开标准化建设仍需加强。', ':::'] } });
const withHtml = buildReport({ paragraphs: { overview: ['<p>本机关全年召开政务公开专题会议4次，&nbsp;培训120人次。</p>'] } });
const withEscapes = buildReport({ paragraphs: { problems: ['1\\. 健全制度\\*，明确责任。'] } });

ruleTester.run('conversion-artifact', rule, {
  valid: [
    { name: 'a clean 2021 report', report: buildReport() },
    { name: 'a clean legacy report', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'footnote marks and brackets that are text',
      report: buildReport({ paragraphs: { overview: ['依据《条例》[1]和《规定》[2]，本局编制了年度公开指南（2023年版）。'] } }),
    },
    {
      name: 'Markdown escapes and images are Markdown, not residue',
      report: {
        ...buildReport({ paragraphs: { overview: ['1\\. 健全制度：![工作流程图](media/flow.png)'] } }),
        source: MARKDOWN,
      },
    },
    {
      name: 'tags in an HTML source are the document itself',
      report: { ...buildReport({ paragraphs: { overview: ['<p>本机关全年召开政务公开专题会议4次。</p>'] } }), source: HTML },
    },
    { name: 'a clean draft (parsed)', code: GOVERNMENT_DRAFT },
  ],
  invalid: [
    {
      name: 'a draft converted by pandoc (parsed)',
      code: GOVERNMENT_DRAFT.replace('二、主动公开政府信息情况', '二、主动公开政府信息情况{#_Toc8721 .anchor}'),
      errors: [{ messageId: 'pandocResidue', line: 8, column: 13, endColumn: 32 }],
      output: GOVERNMENT_DRAFT,
    },
    {
      name: 'seed-shaped: [image: image1.png] in the middle of a sentence',
      report: withImage,
      errors: [
        {
          messageId: 'pandocResidue',
          line: 10,
          column: 31,
          endColumn: 50,
          severity: 1,
          message: '文档转换残留“[image: image1.png]”，应删除',
        },
      ],
      output: fixed(withImage, [['[image: image1.png]', '']]),
    },
    {
      name: '[bookmark: _GoBack] on a line of its own',
      report: withBookmark,
      errors: [{ messageId: 'pandocResidue', line: 10, column: 1 }],
      output: fixed(withBookmark, [['[bookmark: _GoBack]', '']]),
    },
    {
      name: 'heading anchors and underline spans',
      report: withAnchors,
      errors: [
        { messageId: 'pandocResidue', line: 10, column: 13 },
        { messageId: 'pandocResidue', line: 11, column: 5 },
      ],
      output: fixed(withAnchors, [
        ['{#_Toc27561 .anchor}', ''],
        ['[主要做法]{.underline}', '主要做法'],
      ]),
    },
    {
      name: 'pandoc fenced divs',
      report: withDivs,
      errors: [
        { messageId: 'pandocResidue', line: 71, column: 1 },
        { messageId: 'pandocResidue', line: 73, column: 1 },
      ],
      output: fixed(withDivs, [
        ['::: {custom-style="Body Text"}', ''],
        ['\n:::\n', '\n\n'],
      ]),
    },
    {
      name: 'HTML tags and an entity in a text draft',
      report: withHtml,
      errors: [
        { messageId: 'htmlResidue', line: 10, column: 1 },
        { messageId: 'htmlResidue', line: 10, column: 22 },
        { messageId: 'htmlResidue', line: 10, column: 36 },
      ],
      output: fixed(withHtml, [['<p>本机关全年召开政务公开专题会议4次，&nbsp;培训120人次。</p>', '本机关全年召开政务公开专题会议4次， 培训120人次。']]),
    },
    {
      name: 'backslash escapes in a text draft',
      report: withEscapes,
      errors: [{ messageId: 'escapeResidue', line: 71, column: 2, endColumn: 11 }],
      output: fixed(withEscapes, [['1\\. 健全制度\\*，', '1. 健全制度*，']]),
    },
  ],
});
