import { z } from 'zod';
import { nonProseLines, textReuse } from '../compare/index.js';
import { defineRule } from '../rule.js';

const Options = z
  .object({
    /** Share of the report's prose found word for word in last year's report that is reported (0–1). */
    threshold: z.number().min(0).max(1),
    /** Reports with less prose than this (letters and digits) are not judged. */
    minChars: z.number().int().nonnegative(),
  })
  .strict();

export default defineRule({
  meta: {
    id: 'copied-text',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: {
      description: "Disallow a report whose text is mostly copied from last year's report of the same agency",
      recommended: true,
    },
    messages: {
      copied:
        '本报告正文 {{share}}% 照搬{{previousYear}}年报告（{{copiedChars}}/{{chars}} 字，{{paragraphs}} 段），此为首个照搬段落',
    },
    options: Options,
    defaultOptions: { threshold: 0.6, minChars: 200 },
    requires: ['previousReport', 'previousText'],
  },
  create(context) {
    return {
      'report:exit'(report) {
        const previous = context.previousReport;
        const previousText = context.previousText;
        if (!previous || previousText === null) return;
        const text = context.source.text;
        const reuse = textReuse(previousText, text, {
          skipBase: nonProseLines(previous, previousText),
          skipOther: nonProseLines(report, text),
        });
        if (reuse.chars < context.options.minChars || reuse.share < context.options.threshold) return;
        // Point at the first paragraph copied whole (else the first mostly copied one).
        const first = reuse.copiedParagraphs.find((p) => p.share >= 0.9) ?? reuse.copiedParagraphs[0];
        context.report({
          messageId: 'copied',
          data: {
            share: Math.round(reuse.share * 100),
            previousYear: previous.year ?? '上',
            copiedChars: reuse.copiedChars,
            chars: reuse.chars,
            paragraphs: reuse.copiedParagraphs.length,
          },
          span: first?.span ?? null,
        });
      },
    };
  },
});
