import { cellRaw, cellSpan, cellValue } from '@xxgk/schema';
import type { Cell, Span } from '@xxgk/schema';
import type { FieldRef } from '@pothos/core';
import { builder } from '../builder.js';
import { SpanRef } from './span.js';

/** A table cell, normalised: the model allows a plain number, null or { value, raw, span }. */
export interface CellShape {
  readonly value: number | null;
  readonly raw: string;
  readonly span: Span | null;
  readonly candidates?: readonly number[] | undefined;
}

/** The GraphQL value of a model cell (null when the model has no such cell; blank cells keep raw ""). */
export function toCell(cell: Cell | undefined): CellShape | null {
  if (cell === undefined) return null;
  if (cell === null || typeof cell === 'number') return { value: cellValue(cell), raw: cellRaw(cell), span: null };
  return { value: cell.value, raw: cell.raw, span: cellSpan(cell) ?? null, candidates: cell.candidates };
}

export const CellRef = builder.objectRef<CellShape>('Cell').implement({
  description: 'A table cell: its number (null when blank, never 0), the text it was read from, and where.',
  fields: (t) => ({
    value: t.float({ nullable: true, resolve: (cell) => cell.value }),
    raw: t.exposeString('raw', { description: 'The cell text exactly as it stands in the source ("" for a blank cell).' }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (cell) => cell.span }),
    candidates: t.floatList({
      nullable: true,
      description: 'Every value that fits when the cell could not be read uniquely (glued digits); value is then null.',
      resolve: (cell) => (cell.candidates ? [...cell.candidates] : null),
    }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** Nullable Cell fields for the given keys of a model object, described by the model's zod descriptions. */
export function cellFields<T extends object>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
  keys: readonly (keyof T & string)[],
  descriptions: Readonly<Record<string, string | undefined>> = {},
): Record<string, FieldRef<Types, CellShape | null | undefined, 'Object'>> {
  return Object.fromEntries(
    keys.map((key) => [
      key,
      t.field({
        type: CellRef,
        nullable: true,
        ...(descriptions[key] !== undefined ? { description: descriptions[key] } : {}),
        resolve: (parent) => toCell(parent[key] as Cell | undefined),
      }),
    ]),
  );
}

/** The .describe() texts of a zod object's fields. */
export function describedFields(schema: { shape: Record<string, { description?: string | undefined }> }): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, v.description]));
}
