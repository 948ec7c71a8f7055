import { z } from 'zod';
import { CellSchema } from './cell.js';
import { SpanSchema } from './span.js';

/** What the report says of 信息处理费 (国办函〔2020〕109号) or, for legacy reports, 收费及减免. */
export const FeesSchema = z
  .object({
    mentioned: z.boolean().describe('The report says something about the fee at all.'),
    charged: z.boolean().nullable().describe('true: fees were charged; false: 未收取; null: not stated.'),
    notices: CellSchema.optional().describe('Number of fee notices issued (件), when stated.'),
    amount: CellSchema.optional().describe('Amount charged, in `unit`, when stated.'),
    unit: z.string().optional(),
    statement: z.string().optional().describe('The sentence that states it.'),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'Fees', description: '信息处理费 disclosure' });

export type Fees = z.infer<typeof FeesSchema>;
