import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface CellInsert {
  readonly report_id: number;
  readonly path: string;
  readonly value: number | null;
  readonly raw: string | null;
}

/**
 * Insert cell rows into cell_values as arrays (unnest): far cheaper to send and plan than a wide
 * VALUES list. Every report repeats the same ≈ 200 catalogue paths, so each distinct path is sent
 * once, registered in cell_paths when new, and the rows refer to it by number. Two statements.
 */
export async function insertCells(db: Kysely<Database>, rows: readonly CellInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const index = new Map<string, number>();
  for (const r of rows) if (!index.has(r.path)) index.set(r.path, 0);
  // Sorted: concurrent writers adding the same new paths take their locks in one order (no deadlock).
  const paths = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  paths.forEach((p, i) => index.set(p, i + 1));
  // Only the missing ones: ON CONFLICT alone would use up an identity value per path and statement.
  await sql`
    INSERT INTO cell_paths (path)
    SELECT g.path FROM unnest(${paths}::text[]) WITH ORDINALITY AS g(path, ord)
     WHERE NOT EXISTS (SELECT 1 FROM cell_paths c WHERE c.path = g.path)
     ORDER BY g.ord
    ON CONFLICT (path) DO NOTHING`.execute(db);
  // The ids in the order of `paths` (a path missing from cell_paths would give NULL: a NOT NULL error).
  await sql`
    INSERT INTO cell_values (report_id, path_id, value, raw)
    SELECT u.report_id, ids.a[u.ref], u.value, u.raw
      FROM unnest(${rows.map((r) => r.report_id)}::int[], ${rows.map((r) => index.get(r.path) as number)}::int[],
                  ${rows.map((r) => r.value)}::float8[], ${rows.map((r) => r.raw)}::text[]) AS u(report_id, ref, value, raw),
           (SELECT array_agg(c.id ORDER BY g.ord) AS a
              FROM unnest(${paths}::text[]) WITH ORDINALITY AS g(path, ord)
              LEFT JOIN cell_paths c ON c.path = g.path) AS ids`.execute(db);
}
