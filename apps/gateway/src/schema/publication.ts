import type { Publication } from '@xxgk/store';
import { MAX_COVERAGE_YEARS } from '@xxgk/store';
import { builder } from '../builder.js';
import { GatewayError } from '../errors.js';
import { AgencyRef, checkYear } from './agency.js';
import { ReportRef } from './report.js';

export const PublicationStatusEnum = builder.enumType('PublicationStatus', {
  description:
    'ON_TIME / LATE: dated on or before / after the deadline; UNDATED: a report with no date; MISSING: no report and the deadline has passed; NOT_DUE: no report yet, the deadline is still ahead.',
  values: ['ON_TIME', 'LATE', 'MISSING', 'UNDATED', 'NOT_DUE'] as const,
});

export const PublicationRef = builder.objectRef<Publication>('Publication').implement({
  description: 'An agency’s publication record for one reporting year (what a supervising office checks each spring).',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The reporting year.' }),
    status: t.field({ type: PublicationStatusEnum, resolve: (p) => p.status }),
    deadline: t.string({
      description: 'ISO date: 1月31日 of the next year for a 部门 (and 乡镇, 街道), 3月31日 for a 本级政府 and for every report before 2019.',
      resolve: (p) => p.deadline,
    }),
    publishedOn: t.string({ nullable: true, description: 'ISO date the report is dated.', resolve: (p) => p.publishedOn }),
    daysLate: t.int({ nullable: true, description: 'Days after the deadline (LATE only).', resolve: (p) => p.daysLate }),
    workSummary: t.boolean({ description: 'The document is a 工作总结, not the 年度报告 the regulation requires.', resolve: (p) => p.workSummary }),
    report: t.field({
      type: ReportRef,
      nullable: true,
      resolve: (p, _args, ctx) => (p.reportId === null ? null : ctx.loaders.report.load(p.reportId)),
    }),
  }),
});

builder.objectField(AgencyRef, 'publications', (t) =>
  t.field({
    type: [PublicationRef],
    description: `Publication record by year, from \`from\` (default: the agency’s first report) to \`to\` (default: the latest year stored); at most ${MAX_COVERAGE_YEARS} years.`,
    args: { from: t.arg.int(), to: t.arg.int() },
    complexity: { field: 1, multiplier: 10 },
    resolve: (agency, args, ctx) => {
      const from = checkYear('from', args.from);
      const to = checkYear('to', args.to);
      if (from !== null && to !== null && to - from >= MAX_COVERAGE_YEARS) {
        throw new GatewayError('BAD_USER_INPUT', `publications covers at most ${MAX_COVERAGE_YEARS} years.`, { argument: 'to' });
      }
      return ctx.loaders.publications.load({ agencyId: agency.id, from, to });
    },
  }),
);
