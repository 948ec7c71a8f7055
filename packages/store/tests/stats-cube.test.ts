import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Report } from '@xxgk/schema';
import type { Database, Store } from '../src/index.js';
import { reportFilterSql } from '../src/queries/report-filter.js';
import type { ReportFilter } from '../src/queries/report-filter.js';
import { countFromCube, cubeServes, liveStats } from '../src/queries/stats.js';
import type { StatsQuery } from '../src/queries/stats.js';
import { buildReport, jsonAnalyzer, sampleAgencies, sampleReports } from '../src/testing/index.js';
import { testDrivers } from './helpers/drivers.js';

/**
 * Rows where the stats cube and the base tables disagree (expected: none): counts per grain, and
 * per grain and cell path the sum and the number of values.
 */
async function cubeDrift(db: Kysely<Database>): Promise<unknown[]> {
  const { rows } = await sql<Record<string, unknown>>`
    WITH base_counts AS (
      SELECT r.year, substr(a.region_code, 1, 2) AS province, a.level, r.template, count(*)::int AS reports,
             sum(r.error_count)::bigint AS errors, sum(r.warning_count)::bigint AS warnings,
             (count(*) FILTER (WHERE r.balanced))::int AS balanced, (count(*) FILTER (WHERE NOT r.balanced))::int AS unbalanced
        FROM reports r JOIN agencies a ON a.id = r.agency_id GROUP BY 1, 2, 3, 4),
    cube_counts AS (
      SELECT year, province, level, template, reports, errors, warnings, balanced, unbalanced FROM stats_cube WHERE reports <> 0),
    base_cells AS (
      SELECT r.year, substr(a.region_code, 1, 2) AS province, a.level, r.template, v.path_id,
             sum(v.value::numeric) AS total, count(v.value)::numeric AS filled
        FROM cell_values v JOIN reports r ON r.id = v.report_id JOIN agencies a ON a.id = r.agency_id
       GROUP BY 1, 2, 3, 4, 5 HAVING count(v.value) > 0),
    cube_cells AS (
      SELECT c.year, c.province, c.level, c.template, t.i::int AS path_id, t.total, t.filled
        FROM stats_cube c, unnest(c.totals, c.filled) WITH ORDINALITY AS t(total, filled, i)
       WHERE t.total <> 0 OR t.filled <> 0)
    SELECT 'missing counts' AS what, to_jsonb(x) AS row FROM (SELECT * FROM base_counts EXCEPT SELECT * FROM cube_counts) x
    UNION ALL SELECT 'extra counts', to_jsonb(x) FROM (SELECT * FROM cube_counts EXCEPT SELECT * FROM base_counts) x
    UNION ALL SELECT 'missing cells', to_jsonb(x) FROM (SELECT * FROM base_cells EXCEPT SELECT * FROM cube_cells) x
    UNION ALL SELECT 'extra cells', to_jsonb(x) FROM (SELECT * FROM cube_cells EXCEPT SELECT * FROM base_cells) x
    LIMIT 10`.execute(db);
  return rows;
}

const PATHS = [
  'applications.newReceived.total',
  'applications.results.granted.total',
  'applications.results.denied.stateSecret.total',
  'reviewLitigation.review.total',
  'proactive.licensing',
];

/** Queries the cube answers (asserted), with and without agency counts. */
const QUERIES: StatsQuery[] = [
  { groupBy: [], agencyCount: false },
  { groupBy: ['YEAR'] },
  { groupBy: ['YEAR', 'PROVINCE'] },
  { groupBy: ['YEAR', 'LEVEL', 'TEMPLATE'] },
  { groupBy: ['PROVINCE', 'LEVEL'], agencyCount: false },
  { groupBy: ['LEVEL'], filter: { yearFrom: 2023, yearTo: 2023 } },
  { groupBy: ['YEAR'], filter: { regionCode: '44', levels: ['county'] } },
  {
    groupBy: ['TEMPLATE'],
    filter: { yearFrom: 2022, regionCode: '3', templates: ['national-2021'] },
    agencyCount: false,
  },
  { groupBy: ['YEAR', 'PROVINCE'], limit: 3 },
];

/** Report filters the cube counts (reportsConnection.totalCount). */
const COUNTED: ReportFilter[] = [
  {},
  { yearFrom: 2022, levels: ['county'], balanced: true },
  { balanced: false },
  { regionCode: '44', templates: ['national-2021'] },
  { yearFrom: 2023, yearTo: 2023, regionCode: '3', balanced: true },
];

async function expectCubeEqualsLive(store: Store): Promise<void> {
  expect(await cubeDrift(store.db)).toEqual([]);
  for (const filter of COUNTED) {
    const live = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE ${reportFilterSql(filter)}`.execute(
      store.db,
    );
    expect(await countFromCube(store.db, filter), JSON.stringify(filter)).toBe(live.rows[0]?.n);
  }
  for (const query of QUERIES) {
    expect(cubeServes(query)).toBe(true);
    const fromCube = await store.stats({ ...query, sums: PATHS });
    const live = await liveStats(store.db, { ...query, sums: PATHS });
    const expected = query.agencyCount === false ? live.map((row) => ({ ...row, agencyCount: null })) : live;
    expect(fromCube, JSON.stringify(query)).toEqual(expected);
  }
}

describe.each(testDrivers())('stats cube ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open({ analyzer: jsonAnalyzer });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('equals the live aggregate after bulk import and single ingests', async () => {
    const reports = sampleReports([2021, 2022, 2023, 2024]);
    const [early, late] = [reports.filter((r) => (r.year as number) <= 2022), reports.filter((r) => (r.year as number) > 2022)];
    await store.importReports(
      early.map((report) => ({ report })),
      { batchSize: 7, concurrency: 2 },
    );
    for (const report of late.slice(0, 20)) await store.ingest(report, { validate: false });
    await store.importReports(
      late.map((report) => ({ report })),
      { batchSize: 16 },
    );
    expect(await store.countReports()).toBe(reports.length);
    await expectCubeEqualsLive(store);
    // not vacuous: sums and unbalanced reports are there
    const [all] = await store.stats({ groupBy: [], sums: PATHS });
    expect(all?.reportCount).toBe(reports.length);
    expect(all?.unbalancedCount).toBeGreaterThan(0);
    expect(all?.sums?.get('applications.newReceived.total')).toBeGreaterThan(0);
  });

  it('follows corrections, a template change, a moved agency, re-lints, deletes and truncation', async () => {
    const agencies = sampleAgencies();
    const county = agencies.find((a) => a.level === 'county') as Report['agency'];
    // corrected figures, then a correction that also changes the template (cells move between grains)
    await store.ingest(buildReport({ seed: 901, agency: county, year: 2023, scale: 500 }), { validate: false });
    const retemplated = {
      ...buildReport({ seed: 902, agency: county, year: 2022, scale: 300 }),
      template: 'national-2019' as const,
    };
    await store.ingest(retemplated, { validate: false });
    await expectCubeEqualsLive(store);
    // an earlier year arriving re-lints the next one (its finding counts change); the store re-lints 2022 here
    const prefecture = agencies.find((a) => a.level === 'prefectural') as Report['agency'];
    await store.ingest(
      buildReport({
        seed: 903,
        agency: prefecture,
        year: 2021,
        defect: 'unbalanced',
      }),
      { validate: false },
    );
    // the same agency, now known at another level: all its reports move
    const relevelled = buildReport({
      seed: 904,
      agency: { ...county, level: 'prefectural' },
      year: 2025,
    });
    await store.ingest(relevelled, { validate: false });
    await expectCubeEqualsLive(store);
    // undated reports: two of one agency (agency counts come from the reports, not the cube)
    for (const seed of [905, 906]) await store.ingest({ ...buildReport({ seed, agency: county, year: 2020 }), year: null }, { validate: false });
    const byYear = await store.stats({ groupBy: ['YEAR', 'TEMPLATE'] });
    expect(byYear).toEqual(await liveStats(store.db, { groupBy: ['YEAR', 'TEMPLATE'] }));
    expect(byYear.find((b) => b.key.YEAR === null)?.agencyCount).toBe(1);
    await expectCubeEqualsLive(store);

    await sql`DELETE FROM reports WHERE year = 2022 OR agency_id IN (SELECT id FROM agencies WHERE region_code LIKE '33%')`.execute(store.db);
    await expectCubeEqualsLive(store);
    expect(
      (
        await store.stats({
          groupBy: ['YEAR'],
          filter: { yearFrom: 2022, yearTo: 2022 },
        })
      ).length,
    ).toBe(0);
    await sql`TRUNCATE reports CASCADE`.execute(store.db);
    expect(await store.stats({ groupBy: ['YEAR'] })).toEqual([]);
    expect(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM stats_cube`.execute(store.db)
      ).rows[0]?.n,
    ).toBe(0);
  });

  it('stays exact under concurrent ingests of one grain', async () => {
    const agencies = sampleAgencies().filter((a) => a.level === 'county');
    await Promise.all(
      agencies.flatMap((agency, i) => [2019, 2020].map((year) => store.ingest(buildReport({ seed: 1000 + i * 10 + year, agency, year }), { validate: false }))),
    );
    await expectCubeEqualsLive(store);
    expect((await store.stats({ groupBy: ['YEAR'], filter: { levels: ['county'] } })).map((b) => b.reportCount)).toEqual([agencies.length, agencies.length]);
  });

  it('answers from the reports what the cube cannot', async () => {
    expect(cubeServes({ groupBy: ['REGION'] })).toBe(false);
    expect(cubeServes({ groupBy: ['AGENCY'], agencyCount: false })).toBe(false);
    expect(cubeServes({ groupBy: ['YEAR'], filter: { regionCode: '4403' } })).toBe(false);
    expect(cubeServes({ groupBy: ['YEAR'], filter: { balanced: false } })).toBe(false);
    expect(cubeServes({ groupBy: ['YEAR'], filter: { hasFindings: { severity: 2 } } })).toBe(false);
    expect(await countFromCube(store.db, { title: '年度报告' })).toBeNull();
    expect(await countFromCube(store.db, { regionCode: '440300' })).toBeNull();
    expect(await countFromCube(store.db, { regionCode: '44', balanced: true })).toEqual(expect.any(Number));
    expect(cubeServes({ groupBy: ['YEAR'], filter: { title: '', agencyName: null } })).toBe(true);
    // agency counts across years don't add up
    expect(cubeServes({ groupBy: ['LEVEL'] })).toBe(false);
    expect(cubeServes({ groupBy: ['LEVEL'], agencyCount: false })).toBe(true);
    expect(cubeServes({ groupBy: ['LEVEL'], filter: { yearFrom: 2024, yearTo: 2024 } })).toBe(true);
  });
});
