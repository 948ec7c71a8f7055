import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { StoreError } from './errors.js';

/** The folder of the SQL migrations (shipped in the package beside dist/). */
export const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

const MIGRATION_FILE = /^\d{4}_[a-z0-9_-]+\.sql$/;

/**
 * Apply every migrations/NNNN_name.sql not applied yet, in order, each in its own transaction,
 * under an advisory lock so concurrent starters don't race. Returns the names applied.
 */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => MIGRATION_FILE.test(f)).sort();
  const applied: string[] = [];
  await sql`CREATE TABLE IF NOT EXISTS xxgk_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  for (const file of files) {
    const name = file.replace(/\.sql$/, '');
    const text = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
    try {
      await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(4242001)`.execute(trx);
        const done = await trx.selectFrom('xxgk_migrations').select('name').where('name', '=', name).executeTakeFirst();
        if (done) return;
        await sql.raw(text).execute(trx);
        await trx.insertInto('xxgk_migrations').values({ name }).execute();
        applied.push(name);
      });
    } catch (cause) {
      throw new StoreError('MIGRATION_FAILED', `migration ${name} failed: ${(cause as Error).message}`, { cause });
    }
  }
  return applied;
}
