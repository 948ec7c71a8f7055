import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.js';
import type { Connection } from './connection.js';
import { queryLog } from './connection.js';

export interface PgliteOptions {
  /** Folder of the database; in memory when absent. */
  readonly dataDir?: string;
  /** An existing instance (e.g. a `clone()` of a seeded template); the connection takes ownership of it. */
  readonly pglite?: PGlite;
  /** Called with the SQL of every statement. */
  readonly onQuery?: (sql: string) => void;
}

/** Embedded PostgreSQL (PGlite) behind node-postgres, so queries and types match the server driver. */
export async function openPglite(options: PgliteOptions = {}): Promise<Connection & { readonly pglite: PGlite }> {
  let lite = options.pglite;
  if (!lite) {
    if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
    lite = await PGlite.create(options.dataDir);
  }
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog(options.onQuery) });
  const owned = lite;
  return {
    driver: 'pglite',
    db,
    pglite: owned,
    async close() {
      await db.destroy();
      if (!owned.closed) await owned.close();
    },
  };
}
