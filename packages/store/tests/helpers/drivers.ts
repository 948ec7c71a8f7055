import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { dropPostgresSchema, migrate, openPglite, openStore } from '../../src/index.js';
import type { Store, StoreOptions } from '../../src/index.js';

export interface TestDriver {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty store. */
  open(options?: Omit<StoreOptions, 'databaseUrl' | 'dataDir' | 'pglite' | 'schema'>): Promise<Store>;
  /** Drop what open() created (call in afterAll). */
  cleanup(): Promise<void>;
}

let template: Promise<PGlite> | undefined;

/** A migrated PGlite, made once per test worker; stores are clones of it (0.6 s instead of 2–3 s). */
function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const lite = await PGlite.create();
    const conn = await openPglite({ pglite: lite });
    await migrate(conn.db);
    await conn.db.destroy();
    return lite;
  })();
  return template;
}

const pglite: TestDriver = {
  name: 'pglite',
  async open(options = {}) {
    const lite = (await (await pgliteTemplate()).clone()) as PGlite;
    return openStore({ ...options, pglite: lite });
  },
  async cleanup() {},
};

function postgres(url: string): TestDriver {
  const schemas: string[] = [];
  return {
    name: 'postgres',
    async open(options = {}) {
      const schema = `xxgk_test_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return openStore({ ...options, databaseUrl: url, schema });
    },
    async cleanup() {
      for (const schema of schemas.splice(0)) await dropPostgresSchema(url, schema);
    },
  };
}

/**
 * Both drivers, always: PGlite, and the PostgreSQL server at XXGK_TEST_DATABASE_URL, else DATABASE_URL,
 * else the local test server (postgres://postgres@127.0.0.1:5432/test, as in CI). Each test file works in
 * a schema of its own, dropped afterwards.
 */
export function testDrivers(): TestDriver[] {
  const url =
    process.env.XXGK_TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  return [pglite, postgres(url)];
}
