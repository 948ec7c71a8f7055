import type { Section } from '@xxgk/schema';
import type { SectionDef } from '@xxgk/schema/templates';
import { defineRule } from '../rule.js';
import { normaliseHeading } from '../utils/headings.js';

/** Every section of the tree (iteratively: a hostile document may nest very deep). */
function flatten(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const stack = [...sections];
  for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
    out.push(s);
    for (const child of s.children) stack.push(child);
  }
  return out;
}

function hasSection(sections: readonly Section[], def: SectionDef): boolean {
  return sections.some((s) => s.kind === def.kind || def.variants.includes(normaliseHeading(s.heading)));
}

export default defineRule({
  meta: {
    id: 'required-section',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Require every section the report template (or Art. 32 of the 2008 条例) prescribes',
      recommended: true,
    },
    messages: {
      missingSection: '缺少“{{ordinal}}、{{heading}}”部分（{{source}}）',
      missingItem: '未报告“{{heading}}”的内容（{{source}}）',
    },
  },
  create(context) {
    return {
      report(report) {
        const sections = flatten(report.sections);
        if (report.template !== 'legacy-2008') {
          for (const def of context.template.sections) {
            if (hasSection(sections, def)) continue;
            context.report({
              messageId: 'missingSection',
              data: { ordinal: def.ordinal ?? '', heading: def.heading, source: def.source },
            });
          }
          return;
        }
        // Legacy reports: Art. 32 items by keyword, anywhere in the text (SPEC §6).
        const text = context.source.text;
        for (const def of context.template.sections) {
          if (!def.keywords) continue;
          if (hasSection(sections, def)) continue;
          if (def.keywords.every((group) => group.some((word) => text.includes(word)))) continue;
          context.report({ messageId: 'missingItem', data: { heading: def.heading, source: def.source }, severity: 'warn' });
        }
      },
    };
  },
});
