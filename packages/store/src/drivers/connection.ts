import type { Kysely, LogEvent } from 'kysely';
import type { Database } from '../database.js';

export type DriverName = 'pglite' | 'postgres';

/** An open database: the Kysely handle over a pg.Pool, whichever engine is behind it. */
export interface Connection {
  readonly driver: DriverName;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/** Kysely's log option calling `onQuery` with each statement's SQL. */
export function queryLog(onQuery: ((sql: string) => void) | undefined): { log?: (event: LogEvent) => void } {
  if (!onQuery) return {};
  return { log: (event) => onQuery(event.query.sql) };
}
