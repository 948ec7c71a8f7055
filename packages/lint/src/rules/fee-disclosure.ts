import type { Section, Span } from '@xxgk/schema';
import { defineRule } from '../rule.js';
import type { SourceText } from '../rule.js';

/** Words that, anywhere in the text, show the report does speak of the 信息处理费. */
const FEE_WORDS = /信息处理费/;

/** The span of a section's heading line (the section span runs to the section's end). */
function headingSpan(section: Section, source: SourceText): Span {
  const at = source.text.indexOf(section.heading, section.span.start);
  const start = at >= 0 && at - section.span.start < 16 ? at : section.span.start;
  return source.span(start, start + section.heading.length);
}

/**
 * Reports for 2021 on (national-2021 template) must state what they charged as 信息处理费 under
 * 国办函〔2020〕109号, in 六、其他需要报告的事项 (SPEC §2.1, §7).
 */
export default defineRule({
  meta: {
    id: 'fee-disclosure',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: 'Require a 2021-template report to state its 信息处理费 charges in 其他需要报告的事项',
      recommended: true,
    },
    messages: {
      missingFees:
        '{{year}}年度报告未说明信息处理费收取情况（国办函〔2020〕109号），应在“六、其他需要报告的事项”中写明收费通知件数和金额或“未收取信息处理费”',
    },
    templates: ['national-2021'],
  },
  create(context) {
    let otherMatters: Section | null = null;
    let mentionedInText = false;
    return {
      section(section) {
        if (section.kind === 'otherMatters' && otherMatters === null) otherMatters = section;
      },
      line(line) {
        if (!mentionedInText && FEE_WORDS.test(line.text)) mentionedInText = true;
      },
      'report:exit'(report) {
        if (report.year !== null && report.year < 2021) return;
        if (report.fees?.mentioned === true || mentionedInText) return;
        const section: Section | null = otherMatters;
        context.report({
          messageId: 'missingFees',
          data: { year: report.year ?? '本' },
          span: section ? headingSpan(section, context.source) : (report.titleSpan ?? null),
          path: 'fees',
        });
      },
    };
  },
});
