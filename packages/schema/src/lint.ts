import { z } from 'zod';

export const LintSeveritySchema = z.union([z.literal(1), z.literal(2)]).meta({
  id: 'LintSeverity',
  description: '1 = warning, 2 = error (ESLint numbering).',
});

export const LintFixSchema = z
  .object({
    range: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
    text: z.string(),
  })
  .meta({ id: 'LintFix', description: 'Replace source text in [start, end) with text.' });

export const LintSuggestionSchema = z
  .object({ desc: z.string(), fix: LintFixSchema })
  .meta({ id: 'LintSuggestion' });

/** One finding, in ESLint's JSON result shape. */
export const LintMessageSchema = z
  .object({
    ruleId: z.string().nullable(),
    severity: LintSeveritySchema,
    message: z.string(),
    messageId: z.string().optional(),
    line: z.number().int().positive(),
    column: z.number().int().positive(),
    endLine: z.number().int().positive().optional(),
    endColumn: z.number().int().positive().optional(),
    path: z.string().optional().describe('Model path of the offending cell or field, when there is one.'),
    fix: LintFixSchema.optional(),
    suggestions: z.array(LintSuggestionSchema).optional(),
  })
  .meta({ id: 'LintMessage' });

/** The findings for one file, in ESLint's JSON result shape. */
export const LintResultSchema = z
  .object({
    filePath: z.string(),
    messages: z.array(LintMessageSchema),
    errorCount: z.number().int().nonnegative(),
    warningCount: z.number().int().nonnegative(),
    fixableErrorCount: z.number().int().nonnegative().optional(),
    fixableWarningCount: z.number().int().nonnegative().optional(),
    output: z.string().optional().describe('The fixed source, when fixes were applied.'),
  })
  .meta({ id: 'LintResult' });

export type LintSeverity = z.infer<typeof LintSeveritySchema>;
export type LintFix = z.infer<typeof LintFixSchema>;
export type LintSuggestion = z.infer<typeof LintSuggestionSchema>;
export type LintMessage = z.infer<typeof LintMessageSchema>;
export type LintResult = z.infer<typeof LintResultSchema>;
