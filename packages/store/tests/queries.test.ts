import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '@xxgk/schema';
import type { Report } from '@xxgk/schema';
import type { Store } from '../src/index.js';
import { jsonAnalyzer } from '../src/testing/index.js';
import { testDrivers } from './helpers/drivers.js';
import { sampleReports } from '../src/testing/index.js';

const DENIAL_REASONS = [
  'stateSecret',
  'lawForbidden',
  'threeSafetyOneStability',
  'thirdPartyRights',
  'internalAffairs',
  'processInfo',
  'enforcementFile',
  'administrativeQuery',
] as const;

/** Straight from the Reports, without the store: does any row, column or balance fail? */
function unbalanced(report: Report): boolean {
  const apps = report.applications;
  if (!apps) return false;
  const v = (c: Parameters<typeof cellValue>[0]) => cellValue(c) ?? 0;
  const r = apps.results;
  const rows = [
    apps.newReceived,
    apps.carriedOver,
    apps.carriedForward,
    r.granted,
    r.partiallyGranted,
    ...Object.values(r.denied),
    ...Object.values(r.unableToProvide),
    ...Object.values(r.notProcessed),
    ...('overdueCorrection' in r.otherHandling ? Object.values(r.otherHandling) : [r.otherHandling]),
  ];
  const columns = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'] as const;
  for (const row of [...rows, r.total]) {
    if (columns.reduce((s, c) => s + v(row[c]), 0) !== v(row.total)) return true;
  }
  const resultRows = rows.slice(3);
  for (const c of [...columns, 'total'] as const) {
    if (resultRows.reduce((s, row) => s + v(row[c]), 0) !== v(r.total[c])) return true;
    if (v(apps.newReceived[c]) + v(apps.carriedOver[c]) !== v(r.total[c]) + v(apps.carriedForward[c])) return true;
  }
  return false;
}

const reports = sampleReports();

describe.each(testDrivers())('queries ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open({ analyzer: jsonAnalyzer });
    for (const report of reports) await store.ingest(report, { validate: false });
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('finds the ten prefectures with most applications in 2024, with their denial reasons', async () => {
    const expected = reports
      .filter((r) => r.year === 2024 && r.agency.level === 'prefectural')
      .map((r) => ({
        region: r.agency.region?.code,
        received: cellValue(r.applications?.newReceived.total),
        denied: Object.fromEntries(DENIAL_REASONS.map((k) => [k, cellValue(r.applications?.results.denied[k].total)])),
      }))
      .sort((a, b) => (b.received ?? 0) - (a.received ?? 0) || String(a.region).localeCompare(String(b.region)))
      .slice(0, 10);

    const query = { filter: { yearFrom: 2024, yearTo: 2024, levels: ['prefectural' as const] }, groupBy: ['REGION' as const] };
    const buckets = await store.stats(query);
    const paths = ['applications.newReceived.total', ...DENIAL_REASONS.map((k) => `applications.results.denied.${k}.total`)];
    const sums = await store.statsSums({ ...query, paths });
    const actual = buckets
      .map((b) => {
        const s = sums.get(b.keyString);
        return {
          region: b.key.REGION,
          received: s?.get('applications.newReceived.total') ?? null,
          denied: Object.fromEntries(DENIAL_REASONS.map((k) => [k, s?.get(`applications.results.denied.${k}.total`) ?? 0])),
        };
      })
      .sort((a, b) => (b.received ?? 0) - (a.received ?? 0) || String(a.region).localeCompare(String(b.region)))
      .slice(0, 10);
    expect(actual).toEqual(expected);
    expect(buckets.every((b) => b.reportCount === 1)).toBe(true);
  });

  it('reads cell sums along with the buckets: the same figures as statsSums, the same counts as without', async () => {
    const paths = ['applications.newReceived.total', 'proactive.licensing', ...DENIAL_REASONS.map((k) => `applications.results.denied.${k}.total`)];
    for (const query of [
      { groupBy: ['YEAR' as const, 'LEVEL' as const] },
      { filter: { yearFrom: 2023 }, groupBy: ['PROVINCE' as const], limit: 2 },
      { groupBy: [] },
    ]) {
      const plain = await store.stats(query);
      const withSums = await store.stats({ ...query, sums: paths });
      const separate = await store.statsSums({ ...query, paths });
      expect(plain.length).toBeGreaterThan(0);
      expect(withSums.map(({ sums: _s, ...row }) => row)).toEqual(plain);
      for (const b of withSums) {
        expect(b.sums?.size).toBe(paths.length);
        for (const p of paths) expect(b.sums?.get(p)).toBe(separate.get(b.keyString)?.get(p) ?? null);
      }
      expect(withSums.some((b) => (b.sums?.get('applications.newReceived.total') ?? 0) > 0)).toBe(true);
    }
  });

  it('reads a page with its agencies and, when asked, its findings in one statement', async () => {
    const page = await store.findReportSummaries({ limit: 50, findings: true });
    expect(page.length).toBeGreaterThan(1);
    const agencies = await store.getAgencies(page.map((r) => r.agencyId));
    expect(page.map((r) => r.agency)).toEqual(agencies);
    const findings = await store.findingsByReport(page.map((r) => r.id));
    expect(page.map((r) => r.findings)).toEqual(findings);
    expect(findings.flat().length).toBeGreaterThan(0);
    const without = await store.findReportSummaries({ limit: 50 });
    expect(without.map(({ id, agency }) => ({ id, agency }))).toEqual(page.map(({ id, agency }) => ({ id, agency })));
    expect(without.every((r) => r.findings === undefined)).toBe(true);
  });

  it('lists every report whose tables don’t balance', async () => {
    const expected = reports.filter(unbalanced).map((r) => r.source.sha256).sort();
    expect(expected.length).toBeGreaterThan(0);
    const byFlag = await store.findReports({ filter: { balanced: false }, limit: 1000 });
    expect(byFlag.map((r) => r.sourceSha256).sort()).toEqual(expected);
    const byFinding = await store.findReports({ filter: { hasFindings: { ruleId: 'table-sum', severity: 2 } }, limit: 1000 });
    expect(byFinding.map((r) => r.sourceSha256).sort()).toEqual(expected);
  });

  it('filters by year range, region prefix, level, template, title and agency', async () => {
    const count = (pred: (r: Report) => boolean) => reports.filter(pred).length;
    expect(await store.countReports({ yearFrom: 2023 })).toBe(count((r) => (r.year ?? 0) >= 2023));
    expect(await store.countReports({ regionCode: '44' })).toBe(count((r) => r.agency.region?.code?.startsWith('44') === true));
    expect(await store.countReports({ regionCode: '4402', levels: ['county'] })).toBe(
      count((r) => r.agency.region?.code?.startsWith('4402') === true && r.agency.level === 'county'),
    );
    expect(await store.countReports({ templates: ['national-2021'], title: '自然资源局' })).toBe(
      count((r) => r.template === 'national-2021' && r.title.includes('自然资源局')),
    );
    expect(await store.countReports({ title: '100%' })).toBe(0);
    const [agency] = await store.findAgencies({ filter: { name: '南湖市人民政府' }, limit: 5 });
    expect(agency?.regionCode).toBe('320100');
    const [list] = await store.reportsByAgency([agency?.id ?? -1]);
    expect(list?.map((r) => r.year)).toEqual([2024, 2023, 2022]);
    const ids = [agency?.id ?? -1, -1, agency?.id ?? -1];
    const summaries = await store.reportSummariesByAgency(ids);
    const full = await store.reportsByAgency(ids);
    expect(summaries).toEqual(full.map((l) => l.map(({ report: _model, ...summary }) => summary)));
    expect(summaries.map((l) => l.length)).toEqual([3, 0, 3]);
  });

  it('pages in a stable order', async () => {
    const order = { field: 'TITLE' as const, direction: 'ASC' as const };
    const all = await store.findReports({ orderBy: order, limit: 1000 });
    const pages = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      pages.push(...(await store.findReports({ orderBy: order, limit: 7, offset })));
    }
    expect(pages.map((r) => r.id)).toEqual(all.map((r) => r.id));
    const summaries = await store.findReportSummaries({ orderBy: order, limit: 1000 });
    expect(summaries).toEqual(all.map(({ report: _model, ...summary }) => summary));
    const titles = all.map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('sums any figure by year and level, with report and finding counts', async () => {
    const query = { groupBy: ['YEAR' as const, 'LEVEL' as const] };
    const buckets = await store.stats(query);
    const sums = await store.statsSums({ ...query, paths: ['reviewLitigation.review.total'] });
    for (const b of buckets) {
      const group = reports.filter((r) => r.year === b.key.YEAR && r.agency.level === b.key.LEVEL);
      expect(b.reportCount).toBe(group.length);
      expect(b.unbalancedCount).toBe(group.filter(unbalanced).length);
      expect(sums.get(b.keyString)?.get('reviewLitigation.review.total')).toBe(
        group.reduce((s, r) => s + (cellValue(r.reviewLitigation?.review.total) ?? 0), 0),
      );
    }
    expect(buckets.reduce((s, b) => s + b.reportCount, 0)).toBe(reports.length);
  });
});
