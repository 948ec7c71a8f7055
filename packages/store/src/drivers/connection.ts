import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export type DriverName = 'pglite' | 'postgres';

/** An open database: the Kysely handle over a pg.Pool, whichever engine is behind it. */
export interface Connection {
  readonly driver: DriverName;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}
