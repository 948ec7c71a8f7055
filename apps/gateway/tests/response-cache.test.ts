import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '@xxgk/store';
import { buildReport, jsonAnalyzer } from '@xxgk/store/testing';
import { createGateway } from '../src/yoga.js';
import type { Gateway } from '../src/yoga.js';
import type { Harness } from './helpers/harness.js';
import { TOKEN, testDrivers } from './helpers/harness.js';

const agency = { name: '白沙县教育局', level: 'county' as const, kind: 'department' as const, region: { code: '460103' } };
const REPORTS = '{ reports(first: 10) { totalCount edges { node { id title year findings { ruleId } } } } }';
const STATS = 'query ($year: Int) { stats(filter: { year: $year }, groupBy: [YEAR]) { year reports applicationsReceived } }';
const INGEST = 'mutation ($input: IngestReportInput!) { ingestReport(input: $input) { status report { year } } }';
const LINT = 'query ($input: LintDraftInput!) { lintDraft(input: $input) { errorCount } }';

describe.each(testDrivers())('response cache of public reads ($name)', (driver) => {
  let h: Harness;
  let gateway: Gateway;
  let parses = 0;
  const counting: Analyzer = {
    ...jsonAnalyzer,
    parse(input, options) {
      parses++;
      return jsonAnalyzer.parse(input, options);
    },
  };
  const post = async (g: Gateway, query: string, variables: Record<string, unknown> = {}, auth = false) => {
    const response = await g.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
  beforeAll(async () => {
    h = await driver.open({ analyzer: counting });
    for (const year of [2022, 2023]) await h.store.ingest({ report: buildReport({ seed: year, agency, year }), text: '' });
    gateway = createGateway({ store: h.store, analyzer: counting, apiTokens: [TOKEN], responseCache: { ttl: 60_000 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers a repeated read from memory: no SQL the second time, the same body', async () => {
    const first = await post(gateway, REPORTS);
    expect(first.errors).toBeUndefined();
    h.statements.length = 0;
    const second = await post(gateway, REPORTS);
    expect(h.statements).toEqual([]);
    expect(second).toEqual(first);
  });

  it('keys on the variables', async () => {
    await post(gateway, STATS, { year: 2022 });
    h.statements.length = 0;
    const other = await post(gateway, STATS, { year: 2023 });
    expect(h.statements.length).toBeGreaterThan(0);
    expect(other.data?.stats).toEqual([expect.objectContaining({ year: 2023, reports: 1 })]);
  });

  it('a mutation through the gateway invalidates every cached read at once', async () => {
    const before = (await post(gateway, REPORTS)).data?.reports as { totalCount: number };
    const ingested = await post(gateway, INGEST, { input: { text: JSON.stringify(buildReport({ seed: 7, agency, year: 2024 })), name: 'r.json' } }, true);
    expect(ingested.errors).toBeUndefined();
    const after = (await post(gateway, REPORTS)).data?.reports as { totalCount: number; edges: { node: { year: number } }[] };
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.edges.map((e) => e.node.year)).toContain(2024);
  });

  it('never caches lintDraft: every draft is parsed', async () => {
    const draft = JSON.stringify(buildReport({ seed: 9, agency, year: 2024 }));
    parses = 0;
    await post(gateway, LINT, { input: { text: draft, name: 'draft.json' } });
    await post(gateway, LINT, { input: { text: draft, name: 'draft.json' } });
    expect(parses).toBe(2);
  });

  it('expires after its TTL (a write it did not see is read within the TTL)', async () => {
    const short = createGateway({ store: h.store, analyzer: counting, responseCache: { ttl: 30 } });
    const before = (await post(short, REPORTS)).data?.reports as { totalCount: number };
    await h.store.ingest({ report: buildReport({ seed: 11, agency, year: 2025 }), text: '' });
    expect(((await post(short, REPORTS)).data?.reports as { totalCount: number }).totalCount).toBe(before.totalCount);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(((await post(short, REPORTS)).data?.reports as { totalCount: number }).totalCount).toBe(before.totalCount + 1);
  });

  it('is off unless asked for (createGateway default)', async () => {
    const plain = createGateway({ store: h.store, analyzer: counting });
    await post(plain, REPORTS);
    h.statements.length = 0;
    await post(plain, REPORTS);
    expect(h.statements.length).toBeGreaterThan(0);
  });
});
