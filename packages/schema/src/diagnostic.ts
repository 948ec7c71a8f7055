import { z } from 'zod';
import { SpanSchema } from './span.js';

/** Something the parser could not read, or read with doubt. Distinct from lint findings. */
export const DiagnosticSchema = z
  .object({
    code: z.string().describe('Stable SCREAMING_SNAKE code, e.g. AMBIGUOUS_DIGITS, TABLE_NOT_FOUND.'),
    severity: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    span: SpanSchema.nullable().optional(),
    path: z.string().optional().describe('Model path the diagnostic concerns, e.g. applications.results.total.'),
  })
  .meta({ id: 'Diagnostic' });

export type Diagnostic = z.infer<typeof DiagnosticSchema>;
