import { expect, it } from 'vitest';
import { printSchemaSDL } from '../src/yoga.js';

it('schema.graphql is the printed SDL (run vitest -u after an API change)', async () => {
  const sdl = printSchemaSDL();
  for (const field of ['node(id: ID!): Node', 'agencies(', 'reports(', 'report(id: ID!): Report', 'stats(', 'lintDraft(input: LintDraftInput!): LintResult!']) {
    expect(sdl).toContain(field);
  }
  expect(sdl).toContain('ingestReport(input: IngestReportInput!): IngestReportPayload!');
  await expect(sdl).toMatchFileSnapshot('../schema.graphql');
});
