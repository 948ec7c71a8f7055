import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../database.js';

/**
 * The decoded texts of reports (what their spans point into), in the order asked; null where the
 * report is missing or was stored without its text. One statement for any number of ids.
 */
export async function reportTexts(db: Kysely<Database>, ids: readonly number[]): Promise<(string | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('reports')
    .select(['id', 'text'])
    .where('id', '=', sql<number>`ANY(${[...new Set(ids)]}::int[])`)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row.text]));
  return ids.map((id) => byId.get(id) ?? null);
}
