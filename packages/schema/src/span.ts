import { z } from 'zod';

/**
 * A place in the decoded source text. `start`/`end` are UTF-16 offsets (end exclusive);
 * `line`/`column`/`endLine`/`endColumn` are 1-based, as ESLint reports them.
 */
export const SpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    line: z.number().int().positive(),
    column: z.number().int().positive(),
    endLine: z.number().int().positive(),
    endColumn: z.number().int().positive(),
  })
  .meta({ id: 'Span', description: 'A range of the decoded source text (offsets 0-based, lines and columns 1-based).' });

export type Span = z.infer<typeof SpanSchema>;
