import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { StoredAgency } from '@xxgk/store';
import { builder } from '../builder.js';
import { GatewayError, MAX_PAGE_SIZE, checkFilterText, checkPageArgs } from '../errors.js';
import { ReportRef } from './report.js';

export const AgencyLevelEnum = builder.enumType('AgencyLevel', {
  values: {
    NATIONAL: { value: 'national' },
    PROVINCIAL: { value: 'provincial' },
    PREFECTURAL: { value: 'prefectural' },
    COUNTY: { value: 'county' },
    TOWNSHIP: { value: 'township' },
  } as const,
});

export const AgencyKindEnum = builder.enumType('AgencyKind', {
  description: 'A 人民政府, a 部门 of a government, or something else (派出机构, 街道办事处 …).',
  values: { GOVERNMENT: { value: 'government' }, DEPARTMENT: { value: 'department' }, OTHER: { value: 'other' } } as const,
});

export const AgencyRef = builder.objectRef<StoredAgency>('Agency');

builder.node(AgencyRef, {
  description: 'A government body, one across the years (matched on its normalised name and region).',
  id: { resolve: (agency) => agency.id, parse: (id) => Number(id) },
  loadMany: (ids, ctx) => ids.map((id) => (Number.isSafeInteger(id) ? ctx.loaders.agency.load(id) : null)),
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'regionCode' in value && 'name' in value,
  fields: (t) => ({
    name: t.exposeString('name'),
    level: t.field({ type: AgencyLevelEnum, nullable: true, resolve: (a) => a.level }),
    kind: t.field({ type: AgencyKindEnum, nullable: true, resolve: (a) => a.kind }),
    regionCode: t.string({ nullable: true, description: '6-digit administrative division code (GB/T 2260).', resolve: (a) => a.regionCode }),
    regionName: t.string({ nullable: true, resolve: (a) => a.regionName }),
    reports: t.field({
      type: [ReportRef],
      description: 'The agency’s current reports, newest year first.',
      args: { yearFrom: t.arg.int(), yearTo: t.arg.int() },
      complexity: { field: 1, multiplier: 10 },
      resolve: async (agency, args, ctx) => {
        const list = await ctx.loaders.agencyReports.load(agency.id);
        return list.filter(
          (r) => (args.yearFrom == null || (r.year ?? -Infinity) >= args.yearFrom) && (args.yearTo == null || (r.year ?? Infinity) <= args.yearTo),
        );
      },
    }),
  }),
});

export const AgencyFilterInput = builder.inputType('AgencyFilter', {
  fields: (t) => ({
    name: t.string({ description: 'Substring of the name.' }),
    regionCode: t.string({ description: 'Prefix of the region code: 44 (a province), 4403 (a prefecture)…' }),
    level: t.field({ type: [AgencyLevelEnum] }),
    missingReportFor: t.int({ description: 'Agencies with no report for this year whose deadline has passed (publication status MISSING).' }),
    lateFor: t.int({ description: 'Agencies whose report for this year is dated after its deadline (LATE).' }),
    workSummaryFor: t.int({ description: 'Agencies whose document for this year is a 工作总结 rather than a 年度报告.' }),
  }),
});

/** A reporting-year argument, or a clear error. */
export function checkYear(argument: string, year: number | null | undefined): number | null {
  if (year == null) return null;
  if (year < 1900 || year > 2999) throw new GatewayError('BAD_USER_INPUT', `${argument} must be a year between 1900 and 2999.`, { argument });
  return year;
}

builder.queryField('agencies', (t) =>
  t.connection(
    {
      type: AgencyRef,
      args: { filter: t.arg({ type: AgencyFilterInput }) },
      complexity: (args) => ({ field: 1, multiplier: Math.min(args.first ?? 20, 100) }),
      resolve: async (_root, args, ctx) => {
        checkPageArgs(args);
        checkFilterText({ name: args.filter?.name, regionCode: args.filter?.regionCode });
        const filter = {
          name: args.filter?.name ?? null,
          regionCode: args.filter?.regionCode ?? null,
          levels: args.filter?.level ?? null,
          missingReportFor: checkYear('missingReportFor', args.filter?.missingReportFor),
          lateFor: checkYear('lateFor', args.filter?.lateFor),
          workSummaryFor: checkYear('workSummaryFor', args.filter?.workSummaryFor),
        };
        const connection = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: MAX_PAGE_SIZE }, ({ limit, offset }) =>
          ctx.store.findAgencies({ filter, limit, offset }),
        );
        return { ...connection, count: () => ctx.store.countAgencies(filter) };
      },
    },
    {
      name: 'AgencyConnection',
      fields: (t) => ({
        totalCount: t.int({ resolve: (conn) => (conn as unknown as { count: () => Promise<number> }).count() }),
      }),
    },
    { name: 'AgencyEdge' },
  ),
);
