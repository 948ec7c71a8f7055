import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { dropPostgresSchema, migrate, openPglite, openStore } from '@xxgk/store';
import type { Analyzer, Store } from '@xxgk/store';
import { jsonAnalyzer } from '@xxgk/store/testing';
import { createGateway } from '../../src/yoga.js';
import type { Gateway } from '../../src/yoga.js';

export const TOKEN = 'test-token-7f3a';

export interface Harness {
  readonly store: Store;
  readonly gateway: Gateway;
  /** SQL statements run since the last reset. */
  readonly statements: string[];
  /** POST a GraphQL operation; returns the parsed JSON body and status. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[] }>;
  close(): Promise<void>;
}

export interface TestDriver {
  readonly name: 'pglite' | 'postgres';
  open(options?: { analyzer?: Analyzer }): Promise<Harness>;
}

let template: Promise<PGlite> | undefined;
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

function harness(store: Store, statements: string[], analyzer: Analyzer, cleanup: () => Promise<void>): Harness {
  const gateway = createGateway({ store, analyzer, apiTokens: [TOKEN], graphiql: true });
  return {
    store,
    gateway,
    statements,
    async query(query, variables, headers = {}) {
      const response = await gateway.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await store.close();
      await cleanup();
    },
  };
}

const pglite: TestDriver = {
  name: 'pglite',
  async open(options = {}) {
    const statements: string[] = [];
    const analyzer = options.analyzer ?? jsonAnalyzer;
    const lite = (await (await pgliteTemplate()).clone()) as PGlite;
    const store = await openStore({ pglite: lite, analyzer, onQuery: (sql) => statements.push(sql) });
    return harness(store, statements, analyzer, async () => {});
  },
};

function postgres(url: string): TestDriver {
  return {
    name: 'postgres',
    async open(options = {}) {
      const statements: string[] = [];
      const analyzer = options.analyzer ?? jsonAnalyzer;
      const schema = `xxgk_gw_${randomBytes(6).toString('hex')}`;
      const store = await openStore({ databaseUrl: url, schema, analyzer, onQuery: (sql) => statements.push(sql) });
      return harness(store, statements, analyzer, () => dropPostgresSchema(url, schema));
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
