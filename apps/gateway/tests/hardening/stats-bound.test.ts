import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '@xxgk/schema';
import type { Report } from '@xxgk/schema';
import { buildReport } from '@xxgk/store/testing';
import { MAX_STATS_BUCKETS } from '../../src/schema/stats.js';
import type { Harness } from '../helpers/harness.js';
import { testDrivers } from '../helpers/harness.js';

/**
 * `stats` returns at most MAX_STATS_BUCKETS buckets and never reads more from the database: a grouping
 * with more is refused with TOO_MANY_BUCKETS; `first` without orderBy is a LIMIT in SQL.
 * MAX_STATS_BUCKETS + 1 agencies, one report each; only the first ten carry tables (fast to import).
 */
const AGENCIES = MAX_STATS_BUCKETS + 1;

function reportOf(i: number): Report {
  const full = buildReport({
    seed: i + 1,
    agency: { name: `界限测试第${String(i).padStart(5, '0')}号县人民政府`, level: 'county', kind: 'government', region: { code: String(110101 + i) } },
    year: 2023,
  });
  return i < 10 ? full : { ...full, proactive: null, applications: null, reviewLitigation: null };
}

describe.each(testDrivers())('stats bucket bound ($name)', (driver) => {
  let h: Harness;
  const reports = Array.from({ length: AGENCIES }, (_, i) => reportOf(i));
  beforeAll(async () => {
    h = await driver.open();
    const result = await h.store.importReports(reports.map((report) => ({ report })));
    expect(result.inserted).toBe(AGENCIES);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  const statsSql = (): string[] => h.statements.filter((s) => /GROUP BY/i.test(s) && /FROM reports r/i.test(s));

  it(`refuses a grouping of more than ${MAX_STATS_BUCKETS} buckets with TOO_MANY_BUCKETS, reading at most one more`, async () => {
    for (const query of [
      '{ stats(groupBy: [AGENCY]) { reports } }',
      '{ stats(groupBy: [REGION, YEAR]) { regionCode applicationsReceived } }',
      '{ stats(groupBy: [AGENCY], orderBy: { path: "applications.newReceived.total" }, first: 3) { reports } }',
    ]) {
      h.statements.length = 0;
      const res = await h.query(query);
      expect(res.data?.stats ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_BUCKETS', limit: MAX_STATS_BUCKETS });
      expect(res.errors?.[0]?.message).not.toMatch(/select|stack|at .*\.js/i);
      const sql = statsSql();
      expect(sql.length).toBeGreaterThan(0);
      for (const s of sql) expect(s).toMatch(/\blimit\b/i);
    }
  });

  it('takes the first buckets in SQL when first is given without orderBy, sums included', async () => {
    h.statements.length = 0;
    const res = await h.query<{ stats: { agency: { name: string }; reports: number; applicationsReceived: number | null }[] }>(
      '{ stats(groupBy: [AGENCY], first: 4) { agency { name } reports applicationsReceived } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.stats).toHaveLength(4);
    for (const bucket of res.data?.stats ?? []) {
      const report = reports.find((r) => r.agency.name === bucket.agency.name) as Report;
      expect(bucket.reports).toBe(1);
      expect(bucket.applicationsReceived).toBe(cellValue(report.applications?.newReceived.total));
    }
    expect(statsSql().every((s) => /\blimit\b/i.test(s))).toBe(true);
  });

  it(`refuses first above ${MAX_STATS_BUCKETS} or below 0 with BAD_USER_INPUT`, async () => {
    for (const first of [MAX_STATS_BUCKETS + 1, -1]) {
      const res = await h.query(`{ stats(groupBy: [YEAR], first: ${first}) { reports } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
  });

  it('answers groupings within the bound in full', async () => {
    const res = await h.query<{ stats: { year: number; reports: number; agencies: number }[] }>('{ stats(groupBy: [YEAR]) { year reports agencies } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.stats).toEqual([{ year: 2023, reports: AGENCIES, agencies: AGENCIES }]);
    const top = await h.query<{ stats: { applicationsReceived: number | null }[] }>(
      '{ stats(groupBy: [AGENCY], filter: { agencyName: "界限测试第0000" }, orderBy: { path: "applications.newReceived.total" }, first: 3) { applicationsReceived } }',
    );
    expect(top.errors).toBeUndefined();
    const expected = reports
      .slice(0, 10)
      .map((r) => cellValue(r.applications?.newReceived.total) ?? 0)
      .sort((a, b) => b - a)
      .slice(0, 3);
    expect(top.data?.stats.map((b) => b.applicationsReceived)).toEqual(expected);
  });
});
