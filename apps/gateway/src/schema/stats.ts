import DataLoader from 'dataloader';
import { valueFromASTUntyped } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DeniedSchema } from '@xxgk/schema';
import { TEMPLATES } from '@xxgk/schema/templates';
import type { StatsBucketRow, StatsQuery, Store } from '@xxgk/store';
import { builder } from '../builder.js';
import { GatewayError } from '../errors.js';
import { selectedFields, selects } from '../selection.js';
import { AgencyLevelEnum, AgencyRef } from './agency.js';
import { ReportFilterInput, SortDirectionEnum, TemplateEnum, toStoreFilter } from './report.js';

/** Every cell path of every template catalogue: what `sum(path)` accepts. */
export const CELL_PATHS: ReadonlySet<string> = new Set(Object.values(TEMPLATES).flatMap((t) => t.cells.map((c) => c.path)));

function checkPath(path: string): string {
  if (!CELL_PATHS.has(path)) {
    throw new GatewayError('UNKNOWN_CELL_PATH', `"${path}" is not a table cell of any template (e.g. applications.newReceived.total).`, { path });
  }
  return path;
}

/** Most buckets one `stats` call returns (and reads from the database); more is refused with TOO_MANY_BUCKETS. */
export const MAX_STATS_BUCKETS = 2000;

const DENIAL_REASONS = Object.keys(DeniedSchema.shape) as (keyof typeof DeniedSchema.shape)[];
const deniedPath = (reason: string) => `applications.results.denied.${reason}.total`;

interface Bucket {
  readonly row: StatsBucketRow;
  /** path → (bucket key → sum), batched over every bucket of one stats call. */
  readonly sums: DataLoader<string, ReadonlyMap<string, number | null>>;
}

/** The sum at hand (read along with the bucket: no promise), or loaded (batched over the buckets). */
function sum(bucket: Bucket, path: string): number | null | Promise<number | null> {
  const { sums } = bucket.row;
  if (sums?.has(path)) return sums.get(path) ?? null;
  return bucket.sums.load(path).then((byBucket) => byBucket.get(bucket.row.keyString) ?? null);
}

function total(bucket: Bucket, paths: readonly string[]): number | null | Promise<number | null> {
  const add = (values: readonly (number | null)[]) => (values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0));
  const values = paths.map((p) => sum(bucket, p));
  if (values.every((v) => !(v instanceof Promise))) return add(values as (number | null)[]);
  return Promise.all(values.map(async (v) => v)).then(add);
}

function sumsLoader(store: Store, query: StatsQuery): DataLoader<string, ReadonlyMap<string, number | null>> {
  return new DataLoader(async (paths) => {
    const byBucket = await store.statsSums({ ...query, paths });
    return paths.map((path) => new Map([...byBucket].map(([key, values]) => [key, values.get(path) ?? null])));
  });
}

/** The cell paths each sum field of StatsBucket reads (besides `sum(path)`). */
const FIELD_PATHS: Readonly<Record<string, readonly string[]>> = {
  applicationsReceived: ['applications.newReceived.total'],
  carriedOver: ['applications.carriedOver.total'],
  granted: ['applications.results.granted.total'],
  partiallyGranted: ['applications.results.partiallyGranted.total'],
  denied: DENIAL_REASONS.map(deniedPath),
  deniedByReason: DENIAL_REASONS.map(deniedPath),
  handled: ['applications.results.total.total'],
  carriedForward: ['applications.carriedForward.total'],
  reviews: ['reviewLitigation.review.total'],
  litigation: ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total'],
};

/** Most paths summed in the buckets' own statement (one join each); any further ones go through the loader. */
const MAX_INLINE_SUMS = 12;

/**
 * The cell paths the selection under `stats` will sum, so the bucket statement computes them along
 * (one round trip). Best effort: what this misses (or an invalid path) is loaded, or refused, by the resolvers.
 */
function requestedPaths(info: GraphQLResolveInfo): Set<string> {
  const paths = new Set<string>();
  for (const field of selectedFields(info)) {
    if (field.name.value === 'sum') {
      const arg = field.arguments?.find((a) => a.name.value === 'path');
      const value: unknown = arg ? valueFromASTUntyped(arg.value, info.variableValues) : undefined;
      if (typeof value === 'string' && CELL_PATHS.has(value)) paths.add(value);
    } else {
      for (const p of FIELD_PATHS[field.name.value] ?? []) paths.add(p);
    }
  }
  return paths;
}

/** Give the loader the sums the bucket statement brought, so the fields need no second statement. */
function primeSums(loader: DataLoader<string, ReadonlyMap<string, number | null>>, rows: readonly StatsBucketRow[], paths: readonly string[]): void {
  for (const path of paths) loader.prime(path, new Map(rows.map((row) => [row.keyString, row.sums?.get(path) ?? null])));
}

export const StatsDimensionEnum = builder.enumType('StatsDimension', {
  description: 'REGION: the agency’s region code; PROVINCE: its first two digits + 0000; AGENCY: one bucket per agency.',
  values: ['YEAR', 'REGION', 'PROVINCE', 'LEVEL', 'TEMPLATE', 'AGENCY'] as const,
});

const StatsOrderInput = builder.inputType('StatsOrder', {
  description: 'Order buckets by the sum of a table cell (nulls last).',
  fields: (t) => ({
    path: t.string({ required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'DESC' }),
  }),
});

interface ReasonCount {
  readonly reason: string;
  readonly label: string;
  readonly count: number | null;
}

const ReasonCountRef = builder.objectRef<ReasonCount>('ReasonCount').implement({
  fields: (t) => ({
    reason: t.exposeString('reason', { description: 'Model key of the 不予公开 row (stateSecret, thirdPartyRights …).' }),
    label: t.exposeString('label'),
    count: t.float({ nullable: true, resolve: (r) => r.count }),
  }),
});

const StatsBucketRef = builder.objectRef<Bucket>('StatsBucket').implement({
  description: 'Reports grouped by the requested dimensions, with counts and summed table figures.',
  fields: (t) => ({
    year: t.int({ nullable: true, resolve: (b) => (b.row.key.YEAR as number | null | undefined) ?? null }),
    regionCode: t.string({ nullable: true, resolve: (b) => (b.row.key.REGION as string | null | undefined) ?? null }),
    province: t.string({ nullable: true, description: 'Province code (xx0000).', resolve: (b) => (b.row.key.PROVINCE as string | null | undefined) ?? null }),
    level: t.field({ type: AgencyLevelEnum, nullable: true, resolve: (b) => (b.row.key.LEVEL as 'county' | null | undefined) ?? null }),
    template: t.field({ type: TemplateEnum, nullable: true, resolve: (b) => (b.row.key.TEMPLATE as 'national-2021' | null | undefined) ?? null }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      resolve: (b, _a, ctx) => (b.row.key.AGENCY == null ? null : ctx.loaders.agency.load(Number(b.row.key.AGENCY))),
    }),
    reports: t.int({ resolve: (b) => b.row.reportCount }),
    agencies: t.int({
      resolve: (b) => {
        // Counted whenever the selection has `agencies` (the stats resolver looks before it queries).
        if (b.row.agencyCount === null) throw new Error('agency count not computed');
        return b.row.agencyCount;
      },
    }),
    errors: t.int({ description: 'Error findings.', resolve: (b) => b.row.errorCount }),
    warnings: t.int({ description: 'Warning findings.', resolve: (b) => b.row.warningCount }),
    findings: t.int({ resolve: (b) => b.row.errorCount + b.row.warningCount }),
    unbalanced: t.int({ description: 'Reports whose tables don’t balance.', resolve: (b) => b.row.unbalancedCount }),
    sum: t.float({
      nullable: true,
      description: 'Sum of a table cell across the bucket’s reports (null when none fills it).',
      args: { path: t.arg.string({ required: true }) },
      resolve: (b, args) => sum(b, checkPath(args.path)),
    }),
    applicationsReceived: t.float({ nullable: true, description: '本年新收 总计', resolve: (b) => sum(b, 'applications.newReceived.total') }),
    carriedOver: t.float({ nullable: true, description: '上年结转 总计', resolve: (b) => sum(b, 'applications.carriedOver.total') }),
    granted: t.float({ nullable: true, description: '予以公开 总计', resolve: (b) => sum(b, 'applications.results.granted.total') }),
    partiallyGranted: t.float({ nullable: true, description: '部分公开 总计', resolve: (b) => sum(b, 'applications.results.partiallyGranted.total') }),
    denied: t.float({ nullable: true, description: '不予公开, all reasons', resolve: (b) => total(b, DENIAL_REASONS.map(deniedPath)) }),
    deniedByReason: t.field({
      type: [ReasonCountRef],
      resolve: (b) =>
        Promise.all(
          DENIAL_REASONS.map(async (reason) => ({
            reason,
            label: DeniedSchema.shape[reason].description ?? reason,
            count: await sum(b, deniedPath(reason)),
          })),
        ),
    }),
    handled: t.float({ nullable: true, description: '办理结果 总计', resolve: (b) => sum(b, 'applications.results.total.total') }),
    carriedForward: t.float({ nullable: true, description: '结转下年度 总计', resolve: (b) => sum(b, 'applications.carriedForward.total') }),
    reviews: t.float({ nullable: true, description: '行政复议 总计', resolve: (b) => sum(b, 'reviewLitigation.review.total') }),
    litigation: t.float({
      nullable: true,
      description: '行政诉讼 总计 (direct + after review)',
      resolve: (b) => total(b, ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total']),
    }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: [StatsBucketRef],
    description:
      `Table figures summed across agencies, grouped by the given dimensions, in dimension order (or orderBy). ` +
      `At most ${MAX_STATS_BUCKETS} buckets: a grouping with more is refused with TOO_MANY_BUCKETS — narrow the filter, ` +
      `or (without orderBy) take the first ones with \`first\`.`,
    args: {
      filter: t.arg({ type: ReportFilterInput }),
      groupBy: t.arg({ type: [StatsDimensionEnum], required: true }),
      orderBy: t.arg({ type: StatsOrderInput }),
      first: t.arg.int({ description: `At most this many buckets (after ordering), 0–${MAX_STATS_BUCKETS}.` }),
    },
    complexity: (args) => ({ field: 5, multiplier: Math.min(args.first ?? 50, 1000) }),
    resolve: async (_root, args, ctx, info) => {
      if (args.first != null && (args.first < 0 || args.first > MAX_STATS_BUCKETS)) {
        throw new GatewayError('BAD_USER_INPUT', `first must be between 0 and ${MAX_STATS_BUCKETS}.`, { argument: 'first' });
      }
      const orderPath = args.orderBy ? checkPath(args.orderBy.path) : null;
      // Without orderBy the database returns just the first buckets; ordering by a sum needs them all (bounded).
      const limit = args.first != null && orderPath === null ? args.first : MAX_STATS_BUCKETS + 1;
      // Agency counts only when asked for: without them the stats cube answers more groupings.
      const query: StatsQuery = { filter: toStoreFilter(args.filter), groupBy: args.groupBy, limit, agencyCount: selects(info, 'agencies') };
      const inline = [...new Set([...(orderPath === null ? [] : [orderPath]), ...requestedPaths(info)])].slice(0, MAX_INLINE_SUMS);
      const rows = await ctx.store.stats({ ...query, sums: inline });
      if (rows.length > MAX_STATS_BUCKETS) {
        throw new GatewayError(
          'TOO_MANY_BUCKETS',
          `The grouping yields more than ${MAX_STATS_BUCKETS} buckets: narrow the filter, group by fewer dimensions, or pass first without orderBy.`,
          { limit: MAX_STATS_BUCKETS },
        );
      }
      const sums = sumsLoader(ctx.store, query);
      primeSums(sums, rows, inline);
      let buckets: Bucket[] = rows.map((row) => ({ row, sums }));
      if (orderPath !== null) {
        const values = await sums.load(orderPath);
        const sign = args.orderBy?.direction === 'ASC' ? 1 : -1;
        buckets = buckets
          .map((b, i) => ({ b, i, v: values.get(b.row.keyString) ?? null }))
          .sort((x, y) => (x.v === null ? (y.v === null ? x.i - y.i : 1) : y.v === null ? -1 : sign * (x.v - y.v) || x.i - y.i))
          .map((x) => x.b);
      }
      return args.first != null ? buckets.slice(0, args.first) : buckets;
    },
  }),
);
