import { z } from 'zod';
import { SpanSchema } from './span.js';

/** A number stated in prose: 共收到申请70件, 其中予以公开42件 … */
export const FactSchema = z
  .object({
    id: z.string().describe('Unique within the report (f1, f2 …); parts refer to their total by it.'),
    label: z.string().describe('What is counted, as written before the number (收到政府信息公开申请).'),
    value: z.number().describe('0 for a stated absence (未收到此类申请).'),
    unit: z.string().describe('件, 条, 个, 次, 元, 万元 … ("" when none).'),
    span: SpanSchema,
    partOf: z.string().optional().describe('Id of the stated total this number is a part of (…共X条，其中A条、B条).'),
    quantity: z
      .string()
      .optional()
      .describe('Model quantity this fact states, when recognised: applications.newReceived, reviewLitigation.review …'),
    negated: z.boolean().optional().describe('True for a stated absence (未收到 / 没有 / 无).'),
  })
  .meta({ id: 'Fact' });

export type Fact = z.infer<typeof FactSchema>;
