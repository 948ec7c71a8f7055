// Child process of crash-safety.test.ts: ingests generated reports into a store through the BUILT
// @xxgk/store (dist), printing one progress line per report so the parent can SIGKILL it anywhere.
//   XXGK_CHILD_DATA_DIR=…            embedded PGlite folder, or
//   XXGK_CHILD_DATABASE_URL=… XXGK_CHILD_SCHEMA=…   PostgreSQL
//   XXGK_CHILD_FROM / XXGK_CHILD_COUNT   which reports (deterministic: index → agency, year)
import { openStore } from '../../dist/index.js';
import { buildReport } from '../../dist/testing/index.js';
import { childReport } from './reports.mjs';

const env = process.env;
const from = Number(env.XXGK_CHILD_FROM ?? 0);
const count = Number(env.XXGK_CHILD_COUNT ?? 0);
const store = await openStore(
  env.XXGK_CHILD_DATABASE_URL
    ? { databaseUrl: env.XXGK_CHILD_DATABASE_URL, schema: env.XXGK_CHILD_SCHEMA }
    : { dataDir: env.XXGK_CHILD_DATA_DIR },
);
process.stdout.write('open\n');
for (let i = from; i < from + count; i += 1) {
  const result = await store.ingest(childReport(buildReport, i));
  process.stdout.write(`ingested ${i} ${result.status} ${result.reportId}\n`);
}
await store.close();
process.stdout.write('done\n');
