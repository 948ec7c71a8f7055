import { z } from 'zod';
import { ReportSchema } from './report.js';

/** The published JSON Schema (draft 2020-12) of a Report, generated from the zod model. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://xxgk.dev/schema/report.schema.json',
    title: 'xxgk Report',
  };
}
