import { z } from 'zod';
import { SpanSchema } from './span.js';

/**
 * What a section is about. The six national-template sections (SPEC §2.2) plus the legacy
 * Art. 32 items (SPEC §6); `other` for anything else.
 */
export const SectionKindSchema = z
  .enum([
    'overview',
    'proactive',
    'applications',
    'fees',
    'reviewLitigation',
    'problems',
    'otherMatters',
    'consultation',
    'statistics',
    'other',
  ])
  .meta({ id: 'SectionKind' });

export type SectionKind = z.infer<typeof SectionKindSchema>;

export interface Section {
  kind: SectionKind;
  heading: string;
  level: number;
  span: z.infer<typeof SpanSchema>;
  children: Section[];
}

export const SectionSchema: z.ZodType<Section> = z
  .object({
    kind: SectionKindSchema,
    heading: z.string().describe('The heading as written, numbering included (一、总体情况).'),
    level: z.number().int().positive().describe('1 for 一、, 2 for （一）, 3 for 1., 4 for （1）.'),
    span: SpanSchema.describe('From the heading to the end of the section.'),
    get children() {
      return z.array(SectionSchema);
    },
  })
  .meta({ id: 'Section' });
