import { decodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import { cellAt } from '@xxgk/schema';
import type { Period, Report, Source } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import type { ReportFilter, ReportSummary, ReportVersion, StoredReport } from '@xxgk/store';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { GatewayError, MAX_PAGE_SIZE, checkFilterText, checkPageArgs } from '../errors.js';
import { selectedFields, selects } from '../selection.js';
import { AgencyLevelEnum, AgencyRef } from './agency.js';
import { ApplicationsRef } from './applications.js';
import { CellRef, toCell } from './cell.js';
import type { CellShape } from './cell.js';
import { FindingRef, SeverityEnum } from './finding.js';
import { ProactiveRef } from './proactive.js';
import { LegacyStatisticsRef, ReviewLitigationRef } from './review-litigation.js';
import { DiagnosticRef, FactRef, FeesRef, SectionRef } from './section.js';
import { SpanRef } from './span.js';

export const TemplateEnum = builder.enumType('Template', {
  description: 'legacy-2008: reports for 2008–2018; national-2019: 2019–2020; national-2021: 2021 on.',
  values: {
    LEGACY_2008: { value: 'legacy-2008' },
    NATIONAL_2019: { value: 'national-2019' },
    NATIONAL_2021: { value: 'national-2021' },
  } as const,
});

export const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

const ReportOrderFieldEnum = builder.enumType('ReportOrderField', {
  values: ['YEAR', 'PUBLISHED_ON', 'TITLE', 'AGENCY_NAME', 'ERROR_COUNT', 'INGESTED_AT'] as const,
});

export const ReportOrderInput = builder.inputType('ReportOrder', {
  fields: (t) => ({
    field: t.field({ type: ReportOrderFieldEnum, required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'DESC' }),
  }),
});

const FindingFilterInput = builder.inputType('FindingFilter', {
  description: 'Reports with at least one finding of this rule and/or severity.',
  fields: (t) => ({ ruleId: t.string(), severity: t.field({ type: SeverityEnum }) }),
});

export const ReportFilterInput = builder.inputType('ReportFilter', {
  fields: (t) => ({
    year: t.int({ description: 'One reporting year (same as yearFrom = yearTo = year).' }),
    yearFrom: t.int(),
    yearTo: t.int(),
    agency: t.globalID({ description: 'An Agency id.' }),
    agencyName: t.string({ description: 'Substring of the agency’s name.' }),
    regionCode: t.string({ description: 'Prefix of the agency’s region code: 44, 4403, 440305.' }),
    level: t.field({ type: [AgencyLevelEnum] }),
    template: t.field({ type: [TemplateEnum] }),
    hasFindings: t.field({ type: FindingFilterInput }),
    title: t.string({ description: 'Text in the title.' }),
    balanced: t.boolean({ description: 'true: every table identity holds; false: one fails.' }),
  }),
});

type ReportFilterArg = typeof ReportFilterInput.$inferInput;

/** The GraphQL filter as the store's. */
export function toStoreFilter(filter: ReportFilterArg | null | undefined): ReportFilter {
  if (!filter) return {};
  let agencyIds: number[] | null = null;
  if (filter.agency) {
    if (filter.agency.typename !== 'Agency') throw new GatewayError('INVALID_ID', 'ReportFilter.agency must be an Agency id.');
    // a non-numeric or out-of-range id would reach SQL as NaN: refuse it here
    if (!/^\d{1,9}$/.test(filter.agency.id)) throw new GatewayError('INVALID_ID', 'ReportFilter.agency is not an Agency id.');
    agencyIds = [Number(filter.agency.id)];
  }
  checkFilterText({ agencyName: filter.agencyName, title: filter.title, ruleId: filter.hasFindings?.ruleId });
  if (filter.regionCode != null && !/^\d{1,6}$/.test(filter.regionCode)) {
    throw new GatewayError('BAD_USER_INPUT', 'regionCode must be 1 to 6 digits (a prefix of a GB/T 2260 code).');
  }
  return {
    yearFrom: filter.year ?? filter.yearFrom ?? null,
    yearTo: filter.year ?? filter.yearTo ?? null,
    agencyIds,
    agencyName: filter.agencyName ?? null,
    regionCode: filter.regionCode ?? null,
    levels: filter.level ?? null,
    templates: filter.template ?? null,
    hasFindings: filter.hasFindings ? { ruleId: filter.hasFindings.ruleId ?? null, severity: filter.hasFindings.severity ?? null } : null,
    title: filter.title ?? null,
    balanced: filter.balanced ?? null,
  };
}

const PeriodRef = builder.objectRef<Period>('Period').implement({
  description: '统计期限',
  fields: (t) => ({
    from: t.string({ nullable: true, resolve: (p) => p.from }),
    to: t.string({ nullable: true, resolve: (p) => p.to }),
    raw: t.string({ nullable: true, resolve: (p) => p.raw ?? null }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (p) => p.span ?? null }),
  }),
});

const SourceRef = builder.objectRef<Source>('Source').implement({
  description: 'The document the report was read from.',
  fields: (t) => ({
    format: t.exposeString('format'),
    encoding: t.exposeString('encoding'),
    sha256: t.exposeString('sha256'),
    bytes: t.exposeInt('bytes'),
    name: t.string({ nullable: true, resolve: (s) => s.name ?? null }),
  }),
});

interface TableCell {
  readonly path: string;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly cell: CellShape;
}

const TableCellRef = builder.objectRef<TableCell>('TableCell').implement({
  description: 'A template table cell with its catalogue path and labels.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Catalogue path, e.g. applications.results.denied.stateSecret.total.' }),
    table: t.exposeString('table'),
    row: t.exposeString('row'),
    column: t.exposeString('column'),
    value: t.float({ nullable: true, resolve: (c) => c.cell.value }),
    raw: t.string({ resolve: (c) => c.cell.raw }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (c) => c.cell.span }),
  }),
});

const ReportVersionRef = builder.objectRef<ReportVersion>('ReportVersion').implement({
  description: 'An earlier version of a report, replaced by a corrected one.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    contentId: t.exposeString('contentId'),
    sourceSha256: t.exposeString('sourceSha256'),
    title: t.exposeString('title'),
    ingestedAt: t.field({ type: 'DateTime', resolve: (v) => v.ingestedAt }),
    replacedAt: t.field({ type: 'DateTime', resolve: (v) => v.replacedAt }),
    findings: t.field({ type: [FindingRef], resolve: (v) => v.findings }),
    model: t.field({ type: 'JSON', description: 'The Report as it was.', resolve: (v) => v.report }),
  }),
});

export const DocumentKindEnum = builder.enumType('DocumentKind', {
  values: { ANNUAL_REPORT: { value: 'annual-report' }, WORK_SUMMARY: { value: 'work-summary' }, WORK_PLAN: { value: 'work-plan' }, UNKNOWN: { value: 'unknown' } } as const,
});

/** A report as GraphQL resolves it: a summary row, with the model (and agency) when they were loaded along. */
export type ReportShape = ReportSummary & { readonly report?: Report };

export const ReportRef = builder.objectRef<ReportShape>('Report');

/** The report's model: at hand, or loaded (batched) for every report of the page that needs it. */
async function m(r: ReportShape, ctx: Context): Promise<Report> {
  if (r.report) return r.report;
  const full: StoredReport | null = await ctx.loaders.report.load(r.id);
  if (!full) throw new Error(`report ${r.id} vanished`);
  return full.report;
}

builder.node(ReportRef, {
  description: 'A 政府信息公开工作年度报告 as published, read into the xxgk model, with its lint findings.',
  id: { resolve: (r) => r.id, parse: (id) => Number(id) },
  loadMany: (ids, ctx: Context) => ids.map((id) => (Number.isSafeInteger(id) ? ctx.loaders.report.load(id) : null)),
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'contentId' in value && 'agencyId' in value,
  fields: (t) => ({
    contentId: t.exposeString('contentId', { description: 'Stable content id: sha256 of the normalised text.' }),
    title: t.exposeString('title'),
    year: t.int({ nullable: true, resolve: (r) => r.year }),
    agency: t.field({
      type: AgencyRef,
      resolve: async (r, _args, ctx) => {
        if (r.agency) return r.agency;
        const agency = await ctx.loaders.agency.load(r.agencyId);
        if (!agency) throw new Error(`agency ${r.agencyId} of report ${r.id} is missing`);
        return agency;
      },
    }),
    template: t.field({ type: TemplateEnum, resolve: (r) => r.template }),
    documentKind: t.field({ type: DocumentKindEnum, nullable: true, resolve: async (r, _a, ctx) => (await m(r, ctx)).documentKind ?? null }),
    publishedOn: t.string({ nullable: true, description: 'ISO date the document is signed / dated.', resolve: (r) => r.publishedOn }),
    period: t.field({ type: PeriodRef, nullable: true, resolve: async (r, _a, ctx) => (await m(r, ctx)).period }),
    language: t.string({ resolve: async (r, _a, ctx) => (await m(r, ctx)).language }),
    source: t.field({ type: SourceRef, resolve: async (r, _a, ctx) => (await m(r, ctx)).source }),
    sections: t.field({ type: [SectionRef], resolve: async (r, _a, ctx) => (await m(r, ctx)).sections }),
    facts: t.field({ type: [FactRef], resolve: async (r, _a, ctx) => (await m(r, ctx)).facts }),
    proactive: t.field({ type: ProactiveRef, nullable: true, description: '表二', resolve: async (r, _a, ctx) => (await m(r, ctx)).proactive }),
    applications: t.field({ type: ApplicationsRef, nullable: true, description: '表三', resolve: async (r, _a, ctx) => (await m(r, ctx)).applications }),
    reviewLitigation: t.field({ type: ReviewLitigationRef, nullable: true, description: '表四', resolve: async (r, _a, ctx) => (await m(r, ctx)).reviewLitigation }),
    legacyStatistics: t.field({ type: LegacyStatisticsRef, nullable: true, resolve: async (r, _a, ctx) => (await m(r, ctx)).legacyStatistics ?? null }),
    fees: t.field({ type: FeesRef, nullable: true, resolve: async (r, _a, ctx) => (await m(r, ctx)).fees }),
    diagnostics: t.field({ type: [DiagnosticRef], resolve: async (r, _a, ctx) => (await m(r, ctx)).diagnostics }),
    cell: t.field({
      type: CellRef,
      nullable: true,
      description: 'One table cell by catalogue path (applications.newReceived.total, proactive.licensing …).',
      args: { path: t.arg.string({ required: true }) },
      resolve: async (r, args, ctx) => toCell(cellAt(await m(r, ctx), args.path)),
    }),
    cells: t.field({
      type: [TableCellRef],
      description: 'Every filled cell of the template tables (or those of the given paths), in reading order.',
      args: { paths: t.arg.stringList() },
      complexity: { field: 5, multiplier: 20 },
      resolve: async (r, args, ctx) => {
        const report = await m(r, ctx);
        const wanted = args.paths ? new Set(args.paths) : null;
        const out: TableCell[] = [];
        for (const def of getTemplate(r.template).cells) {
          if (wanted && !wanted.has(def.path)) continue;
          const cell = toCell(cellAt(report, def.path));
          if (cell) out.push({ path: def.path, table: def.table, row: def.row, column: def.column, cell });
        }
        return out;
      },
    }),
    findings: t.field({
      type: [FindingRef],
      args: { ruleId: t.arg.string(), severity: t.arg({ type: SeverityEnum }) },
      resolve: async (r, args, ctx) => {
        const findings = await ctx.loaders.findings.load(r.id);
        return findings.filter((f) => (args.ruleId == null || f.ruleId === args.ruleId) && (args.severity == null || f.severity === args.severity));
      },
    }),
    errorCount: t.exposeInt('errorCount'),
    warningCount: t.exposeInt('warningCount'),
    balanced: t.boolean({ nullable: true, description: 'Whether the table identities hold (null: no figures to check).', resolve: (r) => r.balanced }),
    version: t.exposeInt('version'),
    history: t.field({ type: [ReportVersionRef], description: 'Earlier versions, oldest first.', resolve: (r, _a, ctx) => ctx.loaders.reportHistory.load(r.id) }),
    ingestedAt: t.field({ type: 'DateTime', resolve: (r) => r.ingestedAt }),
    model: t.field({ type: 'JSON', description: 'The whole Report model as JSON.', resolve: (r, _a, ctx) => m(r, ctx) }),
  }),
});

/** Decode a Report global id (also accepts the plain numeric id). */
export function reportIdOf(id: string): number {
  if (/^\d+$/.test(id)) return Number(id);
  try {
    const { typename, id: raw } = decodeGlobalID(id);
    if (typename === 'Report' && /^\d+$/.test(raw)) return Number(raw);
  } catch {
    // fall through
  }
  throw new GatewayError('INVALID_ID', `"${id}" is not a Report id.`);
}

builder.queryField('report', (t) =>
  t.field({
    type: ReportRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) => {
      const id = reportIdOf(String(args.id));
      // The findings need only the id: fetch them alongside the report rather than after it.
      if (selects(info, 'findings')) ctx.loaders.findings.load(id).catch(() => undefined);
      return ctx.loaders.report.load(id);
    },
  }),
);

builder.queryField('reports', (t) =>
  t.connection(
    {
      type: ReportRef,
      args: { filter: t.arg({ type: ReportFilterInput }), orderBy: t.arg({ type: ReportOrderInput }) },
      complexity: (args) => ({ field: 1, multiplier: Math.min(args.first ?? 20, 100) }),
      resolve: async (_root, args, ctx, info) => {
        checkPageArgs(args);
        const filter = toStoreFilter(args.filter);
        // totalCount, when asked, runs alongside the page (not after it); an error surfaces in its resolver.
        const counted = selects(info, 'totalCount') ? ctx.store.countReports(filter) : null;
        counted?.catch(() => undefined);
        // A page that shows findings reads them in its own statement (one round trip, not two).
        const withFindings = selectedFields(info)
          .filter((f) => f.name.value === 'edges')
          .some((edges) => selectedFields(info, [edges.selectionSet]).some((node) => node.name.value === 'node' && selectedFields(info, [node.selectionSet]).some((f) => f.name.value === 'findings')));
        const orderBy = args.orderBy ? { field: args.orderBy.field, direction: args.orderBy.direction ?? 'DESC' } : null;
        const connection = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: MAX_PAGE_SIZE }, async ({ limit, offset }) => {
          const page = await ctx.store.findReportSummaries({ filter, orderBy, limit, offset, findings: withFindings });
          for (const r of page) if (r.findings) ctx.loaders.findings.prime(r.id, r.findings);
          return page;
        });
        return { ...connection, count: () => counted ?? ctx.store.countReports(filter) };
      },
    },
    {
      name: 'ReportConnection',
      fields: (t) => ({
        totalCount: t.int({ resolve: (conn) => (conn as unknown as { count: () => Promise<number> }).count() }),
      }),
    },
    { name: 'ReportEdge' },
  ),
);
