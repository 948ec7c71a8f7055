import type { Section, Span } from '@xxgk/schema';
import { defineRule } from '../rule.js';
import type { SourceText } from '../rule.js';

/** Any word of Art. 50(四)'s three items counts as saying something about them. */
const ACCOUNTABILITY = /考核|评议|追究|问责|责任追究|奖惩/;
/** A 人民政府's 部门 or office is not the 人民政府 itself. */
const GOVERNMENT_NAME = /人民政府$/;

function headingSpan(section: Section, source: SourceText): Span {
  const at = source.text.indexOf(section.heading, section.span.start);
  const start = at >= 0 && at - section.span.start < 16 ? at : section.span.start;
  return source.span(start, start + section.heading.length);
}

/**
 * 条例 Art. 50(四): the reports of 各级人民政府 must also state the results of 工作考核、社会评议和
 * 责任追究. Since the 2021 format they belong in 一、总体情况 under 监督保障 (国办公开办函〔2021〕30号).
 */
export default defineRule({
  meta: {
    id: 'government-accountability',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: "Require a 人民政府's report to state the results of 工作考核、社会评议和责任追究",
      recommended: true,
    },
    messages: {
      missingAccountability:
        '{{agency}}是人民政府，年度报告应说明工作考核、社会评议和责任追究结果情况（《政府信息公开条例》第五十条第（四）项）',
    },
    templates: ['national-2019', 'national-2021'],
  },
  create(context) {
    let mentioned = false;
    let overview: Section | null = null;
    let problems: Section | null = null;
    return {
      section(section) {
        if (section.kind === 'overview' && overview === null) overview = section;
        if (section.kind === 'problems' && problems === null) problems = section;
      },
      line(line) {
        if (!mentioned && ACCOUNTABILITY.test(line.text)) mentioned = true;
      },
      'report:exit'(report) {
        const agency = report.agency;
        const government =
          agency.kind === 'government' || (agency.kind === undefined && GOVERNMENT_NAME.test(agency.name.trim()));
        if (!government || mentioned) return;
        // 2021: expected in 一、总体情况 (监督保障); 2019: beside the problems of Art. 50(四).
        const at: Section | null = report.template === 'national-2021' ? (overview ?? problems) : (problems ?? overview);
        context.report({
          messageId: 'missingAccountability',
          data: { agency: agency.name },
          span: at ? headingSpan(at, context.source) : (report.titleSpan ?? null),
        });
      },
    };
  },
});
