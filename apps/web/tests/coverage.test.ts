import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGateway } from '@xxgk/gateway';
import type { Gateway } from '@xxgk/gateway';
import { openStore } from '@xxgk/store';
import type { Store } from '@xxgk/store';
import { jsonAnalyzer } from '@xxgk/store/testing';
import { generateRegion } from '@xxgk/synth';
import { CSV_HEADER, coverageCsv, fetchCoverage, kindName } from '../src/client/coverage.js';

// More agencies than one page of the gateway's connection (100): the page must ask for the rest.
const region = generateRegion({ seed: 31, regionCode: '6201', years: [2022, 2023], agencies: 130, missing: 20, late: 15, workSummary: 6, undated: 2, outside: 4 });
const ENDPOINT = 'http://gateway.test/graphql';

describe('fetchCoverage over the real gateway', () => {
  let store: Store;
  let gateway: Gateway;
  let requests = 0;

  beforeAll(async () => {
    store = await openStore({ inMemory: true, analyzer: jsonAnalyzer });
    await store.importReports(region.reports.map((m) => ({ report: m.truth })));
    gateway = createGateway({ store, analyzer: jsonAnalyzer, graphiql: false });
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      requests += 1;
      return gateway.fetch(url, init);
    });
  });

  afterAll(async () => {
    vi.unstubAllGlobals();
    await store?.close();
  });

  it('pages through every agency of the region and gives each record of the year', async () => {
    requests = 0;
    const rows = await fetchCoverage(ENDPOINT, region.regionCode, 2023);
    expect(requests).toBe(2);
    const want = region.coverage.filter((p) => p.year === 2023);
    const key = (name: string) => name;
    expect(rows.map((r) => [r.agency, r.year, r.status, r.deadline, r.publishedOn, r.daysLate, r.workSummary]).sort((a, b) => (key(String(a[0])) < key(String(b[0])) ? -1 : 1))).toEqual(
      want.map((p) => [p.agency.name, p.year, p.status, p.deadline, p.publishedOn, p.daysLate, p.workSummary]).sort((a, b) => (key(String(a[0])) < key(String(b[0])) ? -1 : 1)),
    );
    const csv = coverageCsv(rows);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_HEADER.map((h) => `"${h}"`).join(',')}`);
  });

  it('asks the gateway for the missing ones only', async () => {
    const rows = await fetchCoverage(ENDPOINT, region.regionCode, 2022, 'missingReportFor');
    const want = region.coverage.filter((p) => p.year === 2022 && p.status === 'MISSING');
    expect(rows.map((r) => r.agency).sort()).toEqual(want.map((p) => p.agency.name).sort());
    expect(rows.every((r) => r.status === 'MISSING' && r.title === null)).toBe(true);
  });

  it('names kinds in Chinese', () => {
    expect(kindName({ kind: 'GOVERNMENT', level: 'COUNTY' })).toBe('县级人民政府');
    expect(kindName({ kind: 'DEPARTMENT', level: 'PREFECTURAL' })).toBe('市级部门');
    expect(kindName({ kind: null, level: null })).toBe('未知');
  });
});
