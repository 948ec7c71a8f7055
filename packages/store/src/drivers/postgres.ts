import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.js';
import type { Connection } from './connection.js';
import { queryLog } from './connection.js';

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  readonly url: string;
  /** Schema to create (if missing) and use as search_path: lets parallel test files share one database. */
  readonly schema?: string;
  /** Pool size (default 10). */
  readonly max?: number;
  /** Called with the SQL of every statement. */
  readonly onQuery?: (sql: string) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A PostgreSQL server (15 or later) through a pg.Pool. */
export async function openPostgres(options: PostgresOptions): Promise<Connection> {
  const { url, schema } = options;
  if (schema !== undefined) {
    if (!SCHEMA_NAME.test(schema)) throw new TypeError(`invalid schema name: ${schema}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog(options.onQuery) });
  return {
    driver: 'postgres',
    db,
    async close() {
      await db.destroy();
    },
  };
}

/** Drop a schema created for a test run (with everything in it). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`invalid schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
