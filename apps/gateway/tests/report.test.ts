import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '@xxgk/schema';
import type { Report } from '@xxgk/schema';
import { sampleReports } from '@xxgk/store/testing';
import type { Harness } from './helpers/harness.js';
import { testDrivers } from './helpers/harness.js';

const reports = sampleReports();
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

/** Computed from the Reports alone: does any row, column or balance of 表三 or total of 表四 fail? */
function unbalanced(report: Report): boolean {
  const apps = report.applications;
  const v = (c: Parameters<typeof cellValue>[0]) => cellValue(c) ?? 0;
  if (apps) {
    const r = apps.results;
    const results = [
      r.granted,
      r.partiallyGranted,
      ...Object.values(r.denied),
      ...Object.values(r.unableToProvide),
      ...Object.values(r.notProcessed),
      ...('overdueCorrection' in r.otherHandling ? Object.values(r.otherHandling) : [r.otherHandling]),
    ];
    const cols = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'] as const;
    for (const row of [apps.newReceived, apps.carriedOver, apps.carriedForward, r.total, ...results]) {
      if (cols.reduce((s, c) => s + v(row[c]), 0) !== v(row.total)) return true;
    }
    for (const c of [...cols, 'total'] as const) {
      if (results.reduce((s, row) => s + v(row[c]), 0) !== v(r.total[c])) return true;
      if (v(apps.newReceived[c]) + v(apps.carriedOver[c]) !== v(r.total[c]) + v(apps.carriedForward[c])) return true;
    }
  }
  const rl = report.reviewLitigation;
  if (rl) {
    for (const g of [rl.review, rl.litigationDirect, rl.litigationAfterReview]) {
      if (v(g.upheld) + v(g.corrected) + v(g.other) + v(g.pending) !== v(g.total)) return true;
    }
  }
  return false;
}

describe.each(testDrivers())('read queries ($name)', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await driver.open();
    await h.store.importReports(reports.map((report) => ({ report })));
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers “the ten prefectures with most applications in 2024, with their denial reasons”', async () => {
    const expected = reports
      .filter((r) => r.year === 2024 && r.agency.level === 'prefectural')
      .map((r) => ({
        regionCode: r.agency.region?.code,
        applicationsReceived: cellValue(r.applications?.newReceived.total),
        deniedByReason: DENIAL_REASONS.map((k) => ({ reason: k, count: cellValue(r.applications?.results.denied[k].total) })),
      }))
      .sort((a, b) => (b.applicationsReceived ?? 0) - (a.applicationsReceived ?? 0))
      .slice(0, 10);
    const res = await h.query<{ stats: unknown[] }>(`{
      stats(filter: { year: 2024, level: [PREFECTURAL] }, groupBy: [REGION],
            orderBy: { path: "applications.newReceived.total" }, first: 10) {
        regionCode applicationsReceived deniedByReason { reason count }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.stats).toEqual(expected);
  });

  it('lists every report whose tables don’t balance, page by page', async () => {
    const expected = reports.filter(unbalanced).map((r) => r.title + r.agency.region?.code).sort();
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: Awaited<ReturnType<Harness['query']>> = await h.query(
        `query ($after: String) {
          reports(filter: { balanced: false }, first: 3, after: $after, orderBy: { field: TITLE, direction: ASC }) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { title agency { regionCode } balanced findings(ruleId: "table-sum") { ruleId severity path } } }
          }
        }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const page = (res.data as { reports: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { title: string; agency: { regionCode: string }; balanced: boolean; findings: unknown[] } }[] } }).reports;
      expect(page.totalCount).toBe(expected.length);
      for (const { node } of page.edges) {
        expect(node.balanced).toBe(false);
        expect(node.findings.length).toBeGreaterThan(0);
        seen.push(node.title + node.agency.regionCode);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(expected);
  });

  it('exposes the model: tables with every cell and its raw text, sections, fees, and node()', async () => {
    const target = reports.find((r) => r.year === 2023 && r.agency.region?.code === '320100') as Report;
    const list = await h.query<{ reports: { edges: { node: { id: string } }[] } }>(
      `{ reports(filter: { agencyName: "南湖市人民政府", regionCode: "320100", year: 2023 }) { edges { node { id } } } }`,
    );
    const id = list.data?.reports.edges[0]?.node.id as string;
    const res = await h.query<Record<string, Record<string, unknown>>>(
      `query ($id: ID!) {
        report(id: $id) {
          title year template publishedOn
          agency { name level regionCode reports { year } }
          applications { newReceived { total { value raw } naturalPerson { value } }
                         results { denied { thirdPartyRights { total { value } } } otherHandling { overdueFee { total { value } } combined { total { value } } } } }
          proactive { __typename ... on Proactive2021 { licensing { value raw } regulations { inForce { value } } } }
          reviewLitigation { review { total { value } } }
          sections { kind heading level }
          fees { mentioned charged }
          cells(paths: ["applications.newReceived.total", "reviewLitigation.review.total"]) { path table row column value raw }
          cell(path: "proactive.penalty") { value }
        }
        node(id: $id) { __typename ... on Report { title } }
      }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const report = res.data?.report as Record<string, unknown>;
    const apps = target.applications;
    const proactive = target.proactive?.template === 'national-2021' ? target.proactive : null;
    expect(report).toMatchObject({
      title: target.title,
      year: 2023,
      template: 'NATIONAL_2021',
      publishedOn: target.publishedOn,
      agency: { name: '南湖市人民政府', level: 'PREFECTURAL', regionCode: '320100', reports: [{ year: 2024 }, { year: 2023 }, { year: 2022 }] },
      applications: {
        newReceived: {
          total: { value: cellValue(apps?.newReceived.total), raw: String(cellValue(apps?.newReceived.total)) },
          naturalPerson: { value: cellValue(apps?.newReceived.naturalPerson) },
        },
        results: {
          denied: { thirdPartyRights: { total: { value: cellValue(apps?.results.denied.thirdPartyRights.total) } } },
          otherHandling: { combined: null },
        },
      },
      proactive: { __typename: 'Proactive2021', licensing: { value: cellValue(proactive?.licensing) } },
      reviewLitigation: { review: { total: { value: cellValue(target.reviewLitigation?.review.total) } } },
      fees: { mentioned: true, charged: false },
      cell: { value: cellValue(proactive?.penalty) },
    });
    expect((report.sections as unknown[]).length).toBe(6);
    expect(report.cells).toEqual([
      { path: 'applications.newReceived.total', table: 'applications', row: '一、本年新收政府信息公开申请数量', column: '总计', value: cellValue(apps?.newReceived.total), raw: String(cellValue(apps?.newReceived.total)) },
      { path: 'reviewLitigation.review.total', table: 'reviewLitigation', row: expect.any(String) as string, column: '总计', value: cellValue(target.reviewLitigation?.review.total), raw: expect.any(String) as string },
    ]);
    expect(res.data?.node).toEqual({ __typename: 'Report', title: target.title });
  });

  it('filters reports by region prefix, level, template, findings and title; lists agencies', async () => {
    const count = async (filter: string) =>
      ((await h.query<{ reports: { totalCount: number } }>(`{ reports(filter: ${filter}) { totalCount } }`)).data?.reports.totalCount);
    expect(await count('{ regionCode: "44", level: [COUNTY] }')).toBe(
      reports.filter((r) => r.agency.region?.code?.startsWith('44') && r.agency.level === 'county').length,
    );
    expect(await count('{ yearFrom: 2023, template: [NATIONAL_2021], title: "自然资源局" }')).toBe(
      reports.filter((r) => (r.year ?? 0) >= 2023 && r.title.includes('自然资源局')).length,
    );
    expect(await count('{ hasFindings: { severity: ERROR } }')).toBe(reports.filter(unbalanced).length);
    const agencies = await h.query<{ agencies: { totalCount: number; edges: { node: { name: string; regionCode: string } }[] } }>(
      `{ agencies(filter: { regionCode: "33", level: [PREFECTURAL] }, first: 2) { totalCount edges { node { name regionCode } } } }`,
    );
    expect(agencies.data?.agencies.totalCount).toBe(6);
    expect(agencies.data?.agencies.edges.map((e) => e.node.regionCode)).toEqual(['330100', '330200']);
    const first = await h.query<{ agencies: { edges: { node: { id: string; name: string } }[] } }>(
      `{ agencies(filter: { regionCode: "330100" }) { edges { node { id name } } } }`,
    );
    const agency = first.data?.agencies.edges[0]?.node;
    const byAgency = await h.query<{ reports: { totalCount: number }; node: { name: string } }>(
      `query ($id: ID!) { reports(filter: { agency: $id }) { totalCount } node(id: $id) { ... on Agency { name } } }`,
      { id: agency?.id },
    );
    expect(byAgency.data).toEqual({ reports: { totalCount: 3 }, node: { name: agency?.name } });
  });

  it('sums figures by year and level with report and finding counts', async () => {
    const res = await h.query<{ stats: { year: number; level: string; reports: number; unbalanced: number; reviews: number; litigation: number; sum: number }[] }>(`{
      stats(groupBy: [YEAR, LEVEL]) { year level reports unbalanced reviews litigation sum(path: "proactive.licensing") }
    }`);
    expect(res.errors).toBeUndefined();
    const stats = res.data?.stats ?? [];
    expect(stats).toHaveLength(6);
    for (const b of stats) {
      const group = reports.filter((r) => r.year === b.year && r.agency.level?.toUpperCase() === b.level);
      const v = (c: Parameters<typeof cellValue>[0]) => cellValue(c) ?? 0;
      expect(b.reports).toBe(group.length);
      expect(b.unbalanced).toBe(group.filter(unbalanced).length);
      expect(b.reviews).toBe(group.reduce((s, r) => s + v(r.reviewLitigation?.review.total), 0));
      expect(b.litigation).toBe(
        group.reduce((s, r) => s + v(r.reviewLitigation?.litigationDirect.total) + v(r.reviewLitigation?.litigationAfterReview.total), 0),
      );
      expect(b.sum).toBeCloseTo(group.reduce((s, r) => s + (r.proactive?.template === 'national-2021' ? v(r.proactive.licensing) : 0), 0));
    }
  });

  it('batches: a page of reports with agencies, findings and history takes a fixed number of statements', async () => {
    const run = async (first: number) => {
      h.statements.length = 0;
      const res = await h.query(`{
        reports(first: ${first}) { edges { node { title applications { newReceived { total { value } } } agency { name reports { year } } findings { ruleId } history { version } } } }
        stats(groupBy: [YEAR]) { year applicationsReceived denied reviews deniedByReason { count } }
      }`);
      expect(res.errors).toBeUndefined();
      return h.statements.length;
    };
    const small = await run(2);
    const large = await run(40);
    expect(large).toBe(small);
    // reports page (with agencies and findings), models, agencies' reports, history, stats (with its sums)
    expect(large).toBeLessThanOrEqual(6);
  });

  it('answers the core queries in few statements: stats with its sums in one, a page or a report with agency and findings in two', async () => {
    const count = async (query: string, variables?: Record<string, unknown>) => {
      h.statements.length = 0;
      const res = await h.query(query, variables);
      expect(res.errors).toBeUndefined();
      return { data: res.data, statements: h.statements.length };
    };
    // sums named by fields, by sum(path:) through a variable and a fragment: read with the buckets
    const inline = await count(
      `query ($p: String!) { stats(groupBy: [YEAR, LEVEL], orderBy: { path: "applications.carriedOver.total" }) { year level ...S applicationsReceived granted litigation } }
       fragment S on StatsBucket { reports agencies licensing: sum(path: $p) }`,
      { p: 'proactive.licensing' },
    );
    expect(inline.statements).toBe(1);
    // more paths than the bucket statement takes: the rest through the sums loader, same figures
    const many = DENIAL_REASONS.map((k, i) => `d${i}: sum(path: "applications.results.denied.${k}.total")`).join(' ');
    const loaded = await count(
      `query ($p: String!) { stats(groupBy: [YEAR, LEVEL], orderBy: { path: "applications.carriedOver.total" }) {
         year level reports agencies licensing: sum(path: $p) applicationsReceived denied litigation handled granted ${many} } }`,
      { p: 'proactive.licensing' },
    );
    expect(loaded.statements).toBe(2);
    const pick = (data: unknown) =>
      (data as { stats: Record<string, unknown>[] }).stats.map(({ year, level, reports: n, agencies, licensing, applicationsReceived, granted, litigation }) => ({
        year, level, n, agencies, licensing, applicationsReceived, granted, litigation,
      }));
    expect(pick(inline.data)).toEqual(pick(loaded.data));
    const v = (c: Parameters<typeof cellValue>[0]) => cellValue(c) ?? 0;
    const buckets = (loaded.data as { stats: Record<string, number | string | null>[] }).stats;
    expect(buckets.length).toBeGreaterThan(1);
    for (const b of buckets) {
      const group = reports.filter((r) => r.year === b.year && r.agency.level?.toUpperCase() === b.level);
      expect(b.denied).toBe(group.reduce((s, r) => s + DENIAL_REASONS.reduce((t, k) => t + v(r.applications?.results.denied[k].total), 0), 0));
      expect(b.d0).toBe(group.reduce((s, r) => s + v(r.applications?.results.denied.stateSecret.total), 0));
    }

    const page = await count(`{ reports(first: 20) { totalCount edges { node { id title agency { name regionCode } findings { ruleId } } } } }`);
    expect(page.statements).toBe(2); // page with agencies and findings, count alongside
    const edges = (page.data as { reports: { edges: { node: { id: string; agency: { name: string } } }[] } }).reports.edges;
    expect(edges.length).toBeGreaterThan(1);
    const first = edges[0]?.node;
    const report = await count(`query ($id: ID!) { report(id: $id) { title agency { name } findings { ruleId } cells { path value } } }`, { id: first?.id });
    expect(report.statements).toBe(2); // report with its agency, findings (alongside)
    expect((report.data as { report: { agency: { name: string } } }).report.agency.name).toBe(first?.agency.name);
  });

  it('answers bad input with typed error codes', async () => {
    const bad = await h.query(`{ stats(groupBy: [YEAR]) { sum(path: "applications.nonsense") } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNKNOWN_CELL_PATH');
    const badId = await h.query(`{ report(id: "not-an-id") { title } }`);
    expect(badId.errors?.[0]?.extensions?.code).toBe('INVALID_ID');
    const badRegion = await h.query(`{ reports(filter: { regionCode: "44%" }) { totalCount } }`);
    expect(badRegion.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await h.query(`{ report(id: "999999") { title } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ report: null });
  });
});
