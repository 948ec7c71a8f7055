import { z } from 'zod';
import { SpanSchema } from './span.js';

/** A table cell as the parser read it: value, the raw text it came from, and where. */
export const CellObjectSchema = z
  .object({
    value: z.number().nullable().describe('The number in the cell; null for a blank, —, / or 无 cell (never 0).'),
    raw: z.string().describe('The cell text exactly as it stands in the source.'),
    span: SpanSchema.nullable(),
    candidates: z
      .array(z.number())
      .optional()
      .describe('When the cell could not be read uniquely (glued digits): every value that fits; value is then null.'),
  })
  .meta({ id: 'CellObject' });

/**
 * A table cell. In the JSON a cell may be a plain number/null (ground truth, hand-built reports)
 * or an object with value, raw and span (parsed reports).
 */
export const CellSchema = z
  .union([z.number(), z.null(), CellObjectSchema])
  .meta({ id: 'Cell', description: 'A table cell: a number, null (blank), or { value, raw, span }.' });

export type CellObject = z.infer<typeof CellObjectSchema>;
export type Cell = z.infer<typeof CellSchema>;

/** The numeric value of a cell (null when blank or unreadable). */
export function cellValue(cell: Cell | undefined): number | null {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return cell;
  return cell.value;
}

/** The source span of a cell, when it has one. */
export function cellSpan(cell: Cell | undefined): CellObject['span'] {
  return cell !== undefined && cell !== null && typeof cell === 'object' ? cell.span : null;
}

/** The raw text of a cell (the number printed, or '' for a blank). */
export function cellRaw(cell: Cell | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return cell.raw;
}
