import type { ApplicantCounts, Applications, ApplicationResults, Denied, NotProcessed, OtherHandling, UnableToProvide } from '@xxgk/schema';
import {
  APPLICANT_COLUMNS,
  ApplicantCountsSchema,
  ApplicationsSchema,
  ApplicationResultsSchema,
  DeniedSchema,
  NotProcessedSchema,
  OtherHandling2021Schema,
  UnableToProvideSchema,
  isOtherHandling2021,
} from '@xxgk/schema';
import { builder } from '../builder.js';
import { cellFields, describedFields } from './cell.js';
import { SpanRef } from './span.js';

export const ApplicantCountsRef = builder.objectRef<ApplicantCounts>('ApplicantCounts').implement({
  description: 'One row of 表三: a count per applicant column, 总计 last.',
  fields: (t) => ({
    ...cellFields(t, APPLICANT_COLUMNS, describedFields(ApplicantCountsSchema)),
    span: t.field({ type: SpanRef, nullable: true, resolve: (row) => row.span ?? null }),
  }),
});

function rows<T extends object>(name: string, description: string | undefined, schema: { shape: Record<string, { description?: string | undefined }> }) {
  const keys = Object.keys(schema.shape) as (keyof T & string)[];
  const descriptions = describedFields(schema);
  return builder.objectRef<T>(name).implement({
    ...(description !== undefined ? { description } : {}),
    fields: (t) =>
      Object.fromEntries(
        keys.map((key) => [
          key,
          t.field({
            type: ApplicantCountsRef,
            nullable: true,
            ...(descriptions[key] !== undefined ? { description: descriptions[key] } : {}),
            resolve: (parent) => (parent[key] as ApplicantCounts | undefined) ?? null,
          }),
        ]),
      ),
  });
}

export const DeniedRef = rows<Denied>('Denied', DeniedSchema.description, DeniedSchema);
export const UnableToProvideRef = rows<UnableToProvide>('UnableToProvide', UnableToProvideSchema.description, UnableToProvideSchema);
export const NotProcessedRef = rows<NotProcessed>('NotProcessed', NotProcessedSchema.description, NotProcessedSchema);

export const OtherHandlingRef = builder.objectRef<OtherHandling>('OtherHandling').implement({
  description: '（六）其他处理: three sub-rows in the 2021 template, one row (`combined`) in the 2019 template.',
  fields: (t) => ({
    ...Object.fromEntries(
      (['overdueCorrection', 'overdueFee', 'other'] as const).map((key) => [
        key,
        t.field({
          type: ApplicantCountsRef,
          nullable: true,
          description: OtherHandling2021Schema.shape[key].description,
          resolve: (row) => (isOtherHandling2021(row) ? row[key] : null),
        }),
      ]),
    ),
    combined: t.field({
      type: ApplicantCountsRef,
      nullable: true,
      description: 'national-2019: the single （六）其他处理 row.',
      resolve: (row) => (isOtherHandling2021(row) ? null : row),
    }),
  }),
});

export const ApplicationResultsRef = builder.objectRef<ApplicationResults>('ApplicationResults').implement({
  description: ApplicationResultsSchema.description,
  fields: (t) => ({
    granted: t.field({ type: ApplicantCountsRef, description: ApplicationResultsSchema.shape.granted.description, resolve: (r) => r.granted }),
    partiallyGranted: t.field({
      type: ApplicantCountsRef,
      description: ApplicationResultsSchema.shape.partiallyGranted.description,
      resolve: (r) => r.partiallyGranted,
    }),
    denied: t.field({ type: DeniedRef, resolve: (r) => r.denied }),
    unableToProvide: t.field({ type: UnableToProvideRef, resolve: (r) => r.unableToProvide }),
    notProcessed: t.field({ type: NotProcessedRef, resolve: (r) => r.notProcessed }),
    otherHandling: t.field({ type: OtherHandlingRef, resolve: (r) => r.otherHandling }),
    total: t.field({ type: ApplicantCountsRef, description: ApplicationResultsSchema.shape.total.description, resolve: (r) => r.total }),
  }),
});

export const ApplicationsRef = builder.objectRef<Applications>('Applications').implement({
  description: ApplicationsSchema.description,
  fields: (t) => ({
    newReceived: t.field({ type: ApplicantCountsRef, description: ApplicationsSchema.shape.newReceived.description, resolve: (a) => a.newReceived }),
    carriedOver: t.field({ type: ApplicantCountsRef, description: ApplicationsSchema.shape.carriedOver.description, resolve: (a) => a.carriedOver }),
    results: t.field({ type: ApplicationResultsRef, resolve: (a) => a.results }),
    carriedForward: t.field({
      type: ApplicantCountsRef,
      description: ApplicationsSchema.shape.carriedForward.description,
      resolve: (a) => a.carriedForward,
    }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (a) => a.span ?? null }),
  }),
});
