import { z } from 'zod';

export const SourceFormatSchema = z.enum(['text', 'markdown', 'html', 'docx', 'pdf']).meta({ id: 'SourceFormat' });

export const SourceSchema = z
  .object({
    format: SourceFormatSchema,
    encoding: z.string().describe('Encoding the bytes were decoded from, e.g. UTF-8, GB18030, Big5, UTF-16LE.'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    name: z.string().optional(),
  })
  .meta({ id: 'Source', description: 'The document the report was read from.' });

export type SourceFormat = z.infer<typeof SourceFormatSchema>;
export type Source = z.infer<typeof SourceSchema>;
