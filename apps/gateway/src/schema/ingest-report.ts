import { StoreError } from '@xxgk/store';
import type { IngestResult } from '@xxgk/store';
import { builder } from '../builder.js';
import { GatewayError } from '../errors.js';
import { FindingRef } from './finding.js';
import { documentOf, parseFailure } from './lint-draft.js';
import { ReportRef } from './report.js';

const IngestStatusEnum = builder.enumType('IngestStatus', {
  description: 'INSERTED: a new report; UPDATED: a corrected version replaced the earlier one; UNCHANGED: already stored.',
  values: { INSERTED: { value: 'inserted' }, UPDATED: { value: 'updated' }, UNCHANGED: { value: 'unchanged' } } as const,
});

const IngestReportInput = builder.inputType('IngestReportInput', {
  description: 'A published report as text or as an uploaded file (exactly one of them).',
  fields: (t) => ({
    text: t.string(),
    file: t.field({ type: 'File' }),
    name: t.string({ description: 'File name, a hint for format detection.' }),
  }),
});

const IngestReportPayloadRef = builder.objectRef<IngestResult>('IngestReportPayload').implement({
  fields: (t) => ({
    status: t.field({ type: IngestStatusEnum, resolve: (r) => r.status }),
    version: t.exposeInt('version'),
    report: t.field({
      type: ReportRef,
      resolve: async (r, _a, ctx) => {
        const report = await ctx.loaders.report.load(r.reportId);
        if (!report) throw new Error(`report ${r.reportId} vanished after ingest`);
        return report;
      },
    }),
    findings: t.field({ type: [FindingRef], resolve: (r) => r.findings.map((f) => ({ ...f, reportId: r.reportId })) }),
  }),
});

builder.mutationField('ingestReport', (t) =>
  t.field({
    type: IngestReportPayloadRef,
    description: 'Parse, lint and store a report (needs a bearer token). The same document twice is one report.',
    authScopes: { apiToken: true },
    args: { input: t.arg({ type: IngestReportInput, required: true }) },
    complexity: 100,
    resolve: async (_root, { input }, ctx) => {
      const { bytes, name } = await documentOf(input);
      try {
        return await ctx.store.ingest(bytes, name !== undefined ? { name } : {});
      } catch (error) {
        if (error instanceof StoreError && error.code === 'PARSE_FAILED') {
          throw new GatewayError('PARSE_FAILED', error.message, error.parseCode !== undefined ? { parseCode: error.parseCode } : {});
        }
        if (error instanceof StoreError && error.code === 'INVALID_REPORT') throw new GatewayError('INVALID_REPORT', error.message);
        throw parseFailure(error) ?? error;
      }
    },
  }),
);
