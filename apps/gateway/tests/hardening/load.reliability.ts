import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openStore } from '@xxgk/store';
import type { Store } from '@xxgk/store';
import { buildReport, jsonAnalyzer, sampleReports } from '@xxgk/store/testing';
import { createGateway } from '../../src/yoga.js';

/**
 * A bounded loopback load test: mixed reads and ingests against the gateway over HTTP on 127.0.0.1
 * (PostgreSQL store, a schema of its own). 60 s in CI; XXGK_LOAD_LONG=1 runs 300 s. Every loop is
 * bounded in time and in count. The first 10 % warms up (not timed); asserts zero errors, p99 of the
 * reads under the 20 ms goal, and no heap growth from the end of the warm-up to the end (both after a
 * full GC, the only two forced GCs: a GC pause inside the timed part would be the test's own noise).
 */

const SECONDS = process.env.XXGK_LOAD_SECONDS ? Number(process.env.XXGK_LOAD_SECONDS) : process.env.XXGK_LOAD_LONG ? 300 : 60;
const WORKERS = 2;
const MAX_REQUESTS = 500_000;
/** The gateway goal (DESIGN.md); XXGK_LOAD_P99_MS overrides it on a slower machine. */
const P99_GOAL_MS = Number(process.env.XXGK_LOAD_P99_MS ?? 20);
const TOKEN = 'load-token-1';
const URL_PG = process.env.XXGK_TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const READS: readonly { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'reports page', query: `{ reports(first: 20, filter: { yearFrom: 2022 }) { totalCount edges { node { id title year agency { name } errorCount } } } }` },
  { name: 'reports filtered', query: `{ reports(first: 10, filter: { level: [COUNTY], hasFindings: { severity: ERROR } }) { edges { node { title findings { ruleId } } } } }` },
  { name: 'stats', query: `{ stats(groupBy: [YEAR]) { year reports applicationsReceived denied } }` },
  { name: 'agencies', query: `{ agencies(first: 20) { totalCount edges { node { name reports { year } } } } }` },
];

describe('loopback load: mixed reads and ingests', () => {
  let store: Store;
  let server: Server;
  let url = '';
  const schema = `xxgk_load_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    store = await openStore({ databaseUrl: URL_PG, schema, analyzer: jsonAnalyzer });
    for (const report of sampleReports([2021, 2022, 2023, 2024])) await store.ingest(report);
    const gateway = createGateway({ store, analyzer: jsonAnalyzer, apiTokens: [TOKEN], graphiql: false });
    server = createServer((req, res) => void gateway.requestListener(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }, 300_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    await dropPostgresSchema(URL_PG, schema);
  });

  it(`holds for ${SECONDS} s: zero errors, read p99 < ${P99_GOAL_MS} ms, no memory growth`, async () => {
    const reads: number[] = [];
    const ingests: number[] = [];
    const errors: string[] = [];
    let requests = 0;
    let ingested = 0;
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    const warmUntil = started + SECONDS * 100;
    let warmHeapMb = 0;

    const post = async (body: string, auth: boolean): Promise<void> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}) },
        body,
      });
      const json = (await res.json()) as { errors?: unknown[] };
      if (res.status !== 200 || json.errors) errors.push(`${res.status} ${JSON.stringify(json.errors).slice(0, 300)}`);
    };

    const worker = async (w: number): Promise<void> => {
      let i = 0;
      while (Date.now() < deadline && requests < MAX_REQUESTS && errors.length < 20) {
        requests += 1;
        i += 1;
        const t0 = performance.now();
        if (i % 10 === 0) {
          // one in ten: an ingest — a new report, or one already stored (unchanged)
          const n = (w * 1_000_000 + i) % 400;
          const report = buildReport({
            seed: 5000 + n,
            agency: { name: `负载测试第${n}号街道办事处`, level: 'township', kind: 'other', region: { code: String(500101 + (n % 50)) } },
            year: 2020 + (n % 5),
          });
          await post(JSON.stringify({ query: `mutation ($t: String!) { ingestReport(input: { text: $t }) { status version } }`, variables: { t: JSON.stringify(report) } }), true);
          if (Date.now() >= warmUntil) ingests.push(performance.now() - t0);
          ingested += 1;
        } else {
          const read = READS[(i + w) % READS.length] as (typeof READS)[number];
          await post(JSON.stringify({ query: read.query, variables: read.variables }), false);
          if (Date.now() >= warmUntil) reads.push(performance.now() - t0);
        }
      }
    };

    const warm = setTimeout(() => {
      gc();
      warmHeapMb = process.memoryUsage().heapUsed / 1e6;
    }, SECONDS * 100);
    try {
      await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    } finally {
      clearTimeout(warm);
    }
    gc();
    const endHeapMb = process.memoryUsage().heapUsed / 1e6;

    const sortedReads = [...reads].sort((a, b) => a - b);
    const sortedIngests = [...ingests].sort((a, b) => a - b);
    process.stdout.write(
      `[load] ${SECONDS} s, ${WORKERS} workers: ${requests} requests (${reads.length} reads, ${ingested} ingests), ` +
        `${Math.round(requests / SECONDS)} req/s, ${errors.length} errors; reads p50 ${percentile(sortedReads, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(sortedReads, 99).toFixed(1)} ms, max ${percentile(sortedReads, 100).toFixed(1)} ms; ingests p50 ${percentile(sortedIngests, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(sortedIngests, 99).toFixed(1)} ms; heap after GC: end of warm-up ${warmHeapMb.toFixed(1)} MB → end ${endHeapMb.toFixed(1)} MB\n`,
    );
    expect(errors).toEqual([]);
    expect(reads.length).toBeGreaterThan(100);
    expect(percentile(sortedReads, 99)).toBeLessThan(P99_GOAL_MS);
    expect(warmHeapMb).toBeGreaterThan(0);
    expect(endHeapMb - warmHeapMb).toBeLessThan(32);
  }, (SECONDS + 120) * 1000);
});
