import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultAnalyzer } from '@xxgk/store';
import { generateRegion, renderSync } from '@xxgk/synth';
import type { ExpectedPublication } from '@xxgk/synth';
import type { Harness } from './helpers/harness.js';
import { testDrivers } from './helpers/harness.js';

const YEARS = [2019, 2020, 2021, 2022];
const region = generateRegion({ seed: 19, regionCode: '4405', years: YEARS, agencies: 12, missing: 5, late: 4, workSummary: 3, undated: 1, outside: 3 });

interface PublicationJson {
  year: number;
  status: string;
  deadline: string;
  publishedOn: string | null;
  daysLate: number | null;
  workSummary: boolean;
  report: { title: string; year: number } | null;
}
interface AgencyJson {
  name: string;
  kind: string | null;
  publications: PublicationJson[];
}
interface AgenciesJson {
  agencies: { totalCount: number; edges: { node: AgencyJson }[] };
}

const titles = new Map(region.reports.map((m) => [m.truth.id, m.truth.title]));

function expectedOf(p: ExpectedPublication): PublicationJson {
  return {
    year: p.year,
    status: p.status,
    deadline: p.deadline,
    publishedOn: p.publishedOn,
    daysLate: p.daysLate,
    workSummary: p.workSummary,
    report: p.reportId === null ? null : { title: titles.get(p.reportId) ?? '?', year: p.year },
  };
}

const PUBLICATIONS = 'publications(from: $from, to: $to) { year status deadline publishedOn daysLate workSummary report { title year } }';

describe.each(testDrivers())('Agency.publications and the coverage filters ($name)', (driver) => {
  let h: Harness;

  beforeAll(async () => {
    h = await driver.open();
    const result = await h.store.importReports(region.reports.map((m) => ({ report: m.truth })));
    expect(result.inserted).toBe(region.reports.length);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('gives every agency of the region its publication record, exactly as generated', async () => {
    const res = await h.query<AgenciesJson>(
      `query($region: String, $from: Int, $to: Int) { agencies(filter: { regionCode: $region }, first: 100) { totalCount edges { node { name kind ${PUBLICATIONS} } } } }`,
      { region: region.regionCode, from: 2019, to: 2022 },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.agencies.edges.map((e) => e.node) ?? [];
    expect(res.data?.agencies.totalCount).toBe(region.agencies.length);
    expect(nodes.map((n) => n.name).sort()).toEqual(region.agencies.map((a) => a.name).sort());
    for (const node of nodes) {
      const want = region.coverage.filter((p) => p.agency.name === node.name).map(expectedOf);
      expect(node.publications, node.name).toEqual(want);
    }
    const all = nodes.flatMap((n) => n.publications);
    const count = (s: string) => all.filter((p) => p.status === s).length;
    expect([count('MISSING'), count('LATE'), count('UNDATED'), all.filter((p) => p.workSummary).length]).toEqual([5, 4, 1, 3]);
    // Late by the deadline of the agency's kind: 部门 1月31日, 本级政府 3月31日.
    for (const node of nodes) {
      for (const p of node.publications) {
        if (p.year < 2019) continue;
        const government = node.kind === 'GOVERNMENT' && !/(镇|乡)人民政府$/.test(node.name);
        const zone = node.name.endsWith('管理委员会');
        expect(p.deadline).toBe(`${p.year + 1}-${government || zone ? '03' : '01'}-31`);
      }
    }
  });

  it('finds who missed, who was late and who filed a 工作总结, year by year', async () => {
    for (const year of YEARS) {
      for (const [field, pick] of [
        ['missingReportFor', (p: ExpectedPublication) => p.status === 'MISSING'],
        ['lateFor', (p: ExpectedPublication) => p.status === 'LATE'],
        ['workSummaryFor', (p: ExpectedPublication) => p.workSummary],
      ] as const) {
        const res = await h.query<AgenciesJson>(
          `query($region: String, $year: Int) { agencies(filter: { regionCode: $region, ${field}: $year }, first: 100) { totalCount edges { node { name publications(from: $year, to: $year) { status daysLate workSummary } } } } }`,
          { region: region.regionCode, year },
        );
        expect(res.errors).toBeUndefined();
        const want = region.coverage.filter((p) => p.year === year && pick(p));
        const nodes = res.data?.agencies.edges.map((e) => e.node) ?? [];
        expect(nodes.map((n) => n.name).sort(), `${field}: ${year}`).toEqual(want.map((p) => p.agency.name).sort());
        expect(res.data?.agencies.totalCount).toBe(want.length);
        for (const n of nodes) {
          const p = want.find((w) => w.agency.name === n.name);
          expect(n.publications).toEqual([{ status: p?.status, daysLate: p?.daysLate, workSummary: p?.workSummary }]);
        }
      }
    }
    // Without a region the neighbours count too (they are never missing).
    const everywhere = await h.query<AgenciesJson>(`{ agencies(filter: { missingReportFor: 2020 }, first: 100) { totalCount } }`);
    expect(everywhere.data?.agencies.totalCount).toBe(region.coverage.filter((p) => p.year === 2020 && p.status === 'MISSING').length);
  });

  it('batches: publications of a page of agencies take a fixed number of statements', async () => {
    const run = async (first: number) => {
      h.statements.length = 0;
      const res = await h.query(
        `query($from: Int, $to: Int) { agencies(first: ${first}) { edges { node { name ${PUBLICATIONS} all: publications { year status } } } } }`,
        { from: 2019, to: 2022 },
      );
      expect(res.errors).toBeUndefined();
      return h.statements.length;
    };
    const small = await run(2);
    const large = await run(15);
    expect(large).toBe(small);
    // agencies page, publications for each of the two ranges, reports by id
    expect(large).toBeLessThanOrEqual(4);
  });

  it('defaults to the first report of the agency up to the latest year stored', async () => {
    const res = await h.query<AgenciesJson>(`query($region: String) { agencies(filter: { regionCode: $region }, first: 100) { edges { node { name publications { year status } } } } }`, {
      region: region.regionCode,
    });
    for (const { node } of res.data?.agencies.edges ?? []) {
      const mine = region.coverage.filter((p) => p.agency.name === node.name);
      const first = Math.min(...mine.filter((p) => p.status !== 'MISSING').map((p) => p.year));
      expect(node.publications).toEqual(mine.filter((p) => p.year >= first).map((p) => ({ year: p.year, status: p.status })));
    }
  });

  it('agrees with the linter: LATE exactly where publication-deadline fires, 工作总结 where document-kind does', async () => {
    const linted = await driver.open({ analyzer: createDefaultAnalyzer() });
    try {
      await linted.store.importReports(region.reports.map((m) => ({ report: m.truth, text: renderSync(m, 'text').text ?? '' })));
      const res = await linted.query<{ agencies: { edges: { node: { name: string; publications: { status: string; workSummary: boolean; report: { findings: { ruleId: string | null; messageId: string | null }[] } | null }[] } }[] } }>(
        `query($region: String) { agencies(filter: { regionCode: $region }, first: 100) { edges { node { name publications(from: 2019, to: 2022) { status workSummary report { findings { ruleId messageId } } } } } } }`,
        { region: region.regionCode },
      );
      expect(res.errors).toBeUndefined();
      const records = res.data?.agencies.edges.flatMap((e) => e.node.publications) ?? [];
      expect(records).toHaveLength(region.coverage.length);
      for (const p of records) {
        const rules = p.report?.findings.map((f) => `${f.ruleId ?? ''}/${f.messageId ?? ''}`) ?? [];
        expect(rules.includes('publication-deadline/late')).toBe(p.status === 'LATE');
        expect(rules.includes('document-kind/workSummary')).toBe(p.workSummary);
      }
      expect(records.filter((p) => p.status === 'LATE')).toHaveLength(4);
    } finally {
      await linted.close();
    }
  });

  it('refuses absurd years', async () => {
    const wide = await h.query(`{ agencies(first: 1) { edges { node { publications(from: 1950, to: 2020) { year } } } } }`);
    expect(wide.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const far = await h.query(`{ agencies(filter: { missingReportFor: 99999 }) { totalCount } }`);
    expect(far.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
