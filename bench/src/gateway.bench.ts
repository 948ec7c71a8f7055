/**
 * The gateway's core queries under a bounded loopback load, against the same queries as raw SQL
 * (pg, served over HTTP from the same process, so both pay the same HTTP and JSON cost).
 * Also against PostGraphile 4 over views of the same tables (src/postgraphile.ts), same process.
 * Usage: node dist/gateway.bench.js [--n 5000] [--duration 5] [--connections 10] [--pg postgres://…/xxgk_bench]
 * The database (default xxgk_bench on 127.0.0.1) is created and filled with --n generated reports
 * when it holds fewer. The load generator (autocannon) runs in a child process; all traffic is on
 * 127.0.0.1. Writes the table to bench/RESULTS.md (section "gateway").
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { createGateway } from '@xxgk/gateway';
import { openStore } from '@xxgk/store';
import type { ReportInput } from '@xxgk/store';
import { generateSample, renderSync } from '@xxgk/synth';
import { fmt, machine, table } from './harness.js';
import { loadDescription, option, stringOption } from './options.js';
import { POSTGRAPHILE_QUERIES, postgraphileServer } from './postgraphile.js';
import { writeSection } from './results.js';

const N = option('n', 5000);
const DURATION = option('duration', 5);
const CONNECTIONS = option('connections', 10);
const ADMIN_URL = stringOption('admin', 'postgres://postgres@127.0.0.1:5432/postgres');
const URL_ = stringOption('pg', 'postgres://postgres@127.0.0.1:5432/xxgk_bench');
const YEARS = [2021, 2022, 2023, 2024, 2025];
const run = promisify(execFile);

async function ensureDatabase(): Promise<void> {
  const name = new URL(URL_).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

function* inputs(n: number): Generator<ReportInput> {
  let count = 0;
  for (const model of generateSample({ seed: 2026, agencies: Math.ceil(n / YEARS.length), years: YEARS })) {
    if (count++ >= n) return;
    yield { report: model.truth, text: renderSync(model, 'text').text ?? '' };
  }
}

await ensureDatabase();
{
  // The PostGraphile views (recreated below) depend on the store's tables: drop them so that the
  // store's migrations can change those tables.
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS postgraphile_bench CASCADE');
  await client.end();
}
const store = await openStore({ databaseUrl: URL_ });
const have = await store.countReports();
if (have < N) {
  console.log(`filling ${URL_} with ${N} reports (has ${have}) …`);
  const start = Date.now();
  await store.importReports(inputs(N), { onProgress: (done) => done % 1000 === 0 && console.log(`  ${done}`) });
  console.log(`filled in ${((Date.now() - start) / 1000).toFixed(0)} s`);
}
{
  // After a fill or a migration that rewrote a table. Sets the visibility map too: without it the
  // covering index on cells is a bitmap heap scan (stats by year and province: 60 ms → 4 ms on 5,000 reports).
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
}
const reports = await store.countReports();

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

const gateway = createGateway({ store, graphiql: false });
const gatewayServer = createServer((req, res) => void gateway.requestListener(req, res));
const gatewayUrl = `${await listen(gatewayServer)}/graphql`;
// What `xxgk serve` runs: the same gateway with its response cache of public reads.
const cached = createGateway({ store, graphiql: false, responseCache: true });
const cachedServer = createServer((req, res) => void cached.requestListener(req, res));
const cachedUrl = `${await listen(cachedServer)}/graphql`;

// Raw SQL: the same data each query returns, straight from pg, as JSON.
const pool = new pg.Pool({ connectionString: URL_, max: 10 });
const RAW: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
  page: async () =>
    (
      await pool.query(`
        SELECT r.id, r.title, r.year, a.name, a.region_code,
               (SELECT coalesce(json_agg(json_build_object('ruleId', f.rule_id, 'severity', f.severity, 'message', f.message) ORDER BY f.ordinal), '[]')
                  FROM findings f WHERE f.report_id = r.id) AS findings
          FROM reports r JOIN agencies a ON a.id = r.agency_id
         ORDER BY r.year DESC NULLS LAST, r.id DESC LIMIT 20`)
    ).rows as unknown[],
  filtered: async () => {
    const where = `r.year >= 2022 AND a.level = 'county' AND r.balanced = true`;
    const [rows, count] = await Promise.all([
      pool.query(`SELECT r.id, r.title, r.year FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE ${where} ORDER BY r.year DESC NULLS LAST, r.id DESC LIMIT 20`),
      pool.query(`SELECT count(*)::int AS n FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE ${where}`),
    ]);
    return { totalCount: count.rows[0] as unknown, rows: rows.rows };
  },
  stats: async () =>
    (
      await pool.query(`
        SELECT r.year, substr(a.region_code, 1, 2) || '0000' AS province, count(*)::int AS reports,
               sum(c.value) AS applications_received
          FROM reports r JOIN agencies a ON a.id = r.agency_id
          LEFT JOIN cells c ON c.report_id = r.id AND c.path = 'applications.newReceived.total'
         GROUP BY 1, 2 ORDER BY 1, 2`)
    ).rows as unknown[],
  report: async (body) => {
    const id = Number((body.variables as { rawId?: number } | undefined)?.rawId);
    const [report, cells, findings] = await Promise.all([
      pool.query('SELECT r.id, r.title, r.year, r.report, a.name FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.id = $1', [id]),
      pool.query('SELECT path, value, raw FROM cells WHERE report_id = $1', [id]),
      pool.query('SELECT rule_id, severity, message FROM findings WHERE report_id = $1 ORDER BY ordinal', [id]),
    ]);
    return { ...(report.rows[0] as object), cells: cells.rows, findings: findings.rows };
  },
};
const rawServer = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const handler = RAW[String(body.name)];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(body).then(
      (data) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data })),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
const rawUrl = await listen(rawServer);
const postgraphile = await postgraphileServer(pool, URL_);
const postgraphileUrl = `${await listen(postgraphile)}/graphql`;

async function graphql(query: string, variables: Record<string, unknown> = {}, url = gatewayUrl): Promise<{ data?: unknown; errors?: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: unknown; errors?: unknown };
}

const first = await graphql('{ reports(first: 1) { edges { node { id } } } }');
const reportId = (first.data as { reports: { edges: { node: { id: string } }[] } }).reports.edges[0]?.node.id ?? '';
const rawId = (await pool.query<{ id: number }>('SELECT id FROM reports ORDER BY year DESC NULLS LAST, id DESC LIMIT 1')).rows[0]?.id ?? 0;

const QUERIES: { name: string; label: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'page',
    label: 'a page of 20 reports with agency and findings',
    query: '{ reports(first: 20) { edges { node { id title year agency { name regionCode } findings { ruleId severity message } } } } }',
  },
  {
    name: 'filtered',
    label: 'filtered list (year ≥ 2022, county, balanced) + totalCount',
    query: '{ reports(first: 20, filter: { yearFrom: 2022, level: [COUNTY], balanced: true }) { totalCount edges { node { id title year } } } }',
  },
  {
    name: 'stats',
    label: 'stats grouped by year and province',
    query: '{ stats(groupBy: [YEAR, PROVINCE]) { year province reports applicationsReceived } }',
  },
  {
    name: 'report',
    label: 'one report with all its table cells and findings',
    query: 'query ($id: ID!) { report(id: $id) { id title year agency { name } cells { path value raw } findings { ruleId severity message } } }',
    variables: { id: reportId, rawId },
  },
];

interface Load {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  readonly errors: number;
}

const AUTOCANNON = fileURLToPath(new URL('../node_modules/.bin/autocannon', import.meta.url));
async function load(url: string, body: string): Promise<Load> {
  const { stdout } = await run(
    AUTOCANNON,
    ['-j', '-d', String(DURATION), '-c', String(CONNECTIONS), '-m', 'POST', '-H', 'content-type=application/json', '-b', body, url],
    { maxBuffer: 16 * 2 ** 20, timeout: (DURATION + 30) * 1000 },
  );
  const r = JSON.parse(stdout) as { latency: { p50: number; p99: number }; requests: { average: number }; errors: number; non2xx: number };
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

const rows: (string | number)[][] = [];
for (const q of QUERIES) {
  const check = await graphql(q.query, q.variables);
  if (check.errors) throw new Error(`${q.name}: ${JSON.stringify(check.errors)}`);
  const pgl = POSTGRAPHILE_QUERIES[q.name];
  if (!pgl) throw new Error(`no PostGraphile query for ${q.name}`);
  const pglBody = { query: pgl.query, variables: pgl.variables?.(rawId) ?? {} };
  const pglCheck = await graphql(pglBody.query, pglBody.variables, postgraphileUrl);
  if (pglCheck.errors) throw new Error(`PostGraphile ${q.name}: ${JSON.stringify(pglCheck.errors)}`);
  const gql = await load(gatewayUrl, JSON.stringify({ query: q.query, variables: q.variables ?? {} }));
  const raw = await load(rawUrl, JSON.stringify({ name: q.name, variables: q.variables ?? {} }));
  const other = await load(postgraphileUrl, JSON.stringify(pglBody));
  const hit = await load(cachedUrl, JSON.stringify({ query: q.query, variables: q.variables ?? {} }));
  rows.push([
    q.label,
    gql.p50,
    gql.p99,
    fmt(gql.rps),
    gql.errors,
    raw.p50,
    raw.p99,
    fmt(raw.rps),
    other.p50,
    other.p99,
    fmt(other.rps),
    hit.p50,
    hit.p99,
    fmt(hit.rps),
    fmt(gql.rps / Math.max(raw.rps, 1e-9), 2),
    fmt(gql.rps / Math.max(other.rps, 1e-9), 2),
    fmt(hit.rps / Math.max(other.rps, 1e-9), 2),
  ]);
  console.log(
    `${q.name}: gateway p50 ${gql.p50} ms p99 ${gql.p99} ms ${fmt(gql.rps)} req/s; raw SQL p50 ${raw.p50} ms p99 ${raw.p99} ms ${fmt(raw.rps)} req/s; ` +
      `PostGraphile p50 ${other.p50} ms p99 ${other.p99} ms ${fmt(other.rps)} req/s; cached gateway p50 ${hit.p50} ms p99 ${hit.p99} ms ${fmt(hit.rps)} req/s`,
  );
}

gatewayServer.close();
cachedServer.close();
rawServer.close();
postgraphile.close();
await pool.end();
await store.close();

const body = [
  `Measured ${new Date().toISOString()} on ${machine()}; ${loadDescription()}.`,
  `PostgreSQL 127.0.0.1 database with ${reports} generated reports; gateway and raw-SQL servers in one process, autocannon in a child process: ${CONNECTIONS} connections, ${DURATION} s per query and server, loopback only.`,
  'Raw SQL = the same data through pg (pool of 10) and JSON.stringify, served over HTTP by the same process: the floor for the gateway.',
  '',
  'cached = the gateway as `xxgk serve` runs it, with its response cache of public reads (5 s TTL, dropped on every mutation): under a load that repeats one query, every answer after the first is a hit, so these columns measure the hit path; the gateway columns measure every query executed.',
  'PostGraphile = PostGraphile 4.14 with postgraphile-plugin-connection-filter and @graphile/pg-aggregates over views of the same tables (schema postgraphile_bench), served by the same process.',
  '',
  table(
    [
      'query',
      'gateway p50 ms',
      'gateway p99 ms',
      'gateway req/s',
      'errors',
      'raw p50 ms',
      'raw p99 ms',
      'raw req/s',
      'PostGraphile p50 ms',
      'PostGraphile p99 ms',
      'PostGraphile req/s',
      'cached p50 ms',
      'cached p99 ms',
      'cached req/s',
      'gateway ÷ raw',
      'gateway ÷ PostGraphile',
      'cached ÷ PostGraphile',
    ],
    rows,
  ),
  '',
  'Goals (issue): p99 < 20 ms and throughput ≥ PostGraphile on every query (gateway ÷ PostGraphile ≥ 1).',
  `Reproduce: \`pnpm --filter @xxgk/bench build && pnpm --filter @xxgk/bench bench:gateway -- --n ${N} --duration ${DURATION} --connections ${CONNECTIONS}\`.`,
].join('\n');
writeSection('gateway', body);
console.log(body);
