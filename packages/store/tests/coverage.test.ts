import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegion } from '@xxgk/synth';
import type { ExpectedPublication } from '@xxgk/synth';
import type { CoverageRow, Store } from '../src/index.js';
import { StoreError } from '../src/index.js';
import { identityLint, jsonAnalyzer } from '../src/testing/index.js';
import { testDrivers } from './helpers/drivers.js';

const YEARS = [2018, 2019, 2020, 2021];
const region = generateRegion({ seed: 7, regionCode: '3302', years: YEARS, agencies: 11, missing: 5, late: 4, workSummary: 2, undated: 2, outside: 3 });

interface Comparable {
  name: string;
  year: number;
  status: string;
  deadline: string;
  publishedOn: string | null;
  daysLate: number | null;
  workSummary: boolean;
  contentId: string | null;
}

const byKey = (a: Comparable, b: Comparable) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.year - b.year);

function expected(list: readonly ExpectedPublication[], asOf?: string): Comparable[] {
  return list
    .map((p) => ({
      name: p.agency.name,
      year: p.year,
      status: p.status === 'MISSING' && asOf !== undefined && p.deadline >= asOf ? 'NOT_DUE' : p.status,
      deadline: p.deadline,
      publishedOn: p.publishedOn,
      daysLate: p.daysLate,
      workSummary: p.workSummary,
      contentId: p.reportId,
    }))
    .sort(byKey);
}

async function contentIds(store: Store): Promise<Map<number, string>> {
  const rows = await store.db.selectFrom('reports').select(['id', 'content_id']).execute();
  return new Map(rows.map((r) => [r.id, r.content_id]));
}

function comparable(rows: readonly CoverageRow[], ids: Map<number, string>): Comparable[] {
  return rows
    .map((r) => ({
      name: r.agency.name,
      year: r.year,
      status: r.status,
      deadline: r.deadline,
      publishedOn: r.publishedOn,
      daysLate: r.daysLate,
      workSummary: r.workSummary,
      contentId: r.reportId === null ? null : (ids.get(r.reportId) ?? 'unknown'),
    }))
    .sort(byKey);
}

describe.each(testDrivers())('coverage ($name)', (driver) => {
  let store: Store;
  let ids: Map<number, string>;
  const statements: string[] = [];

  beforeAll(async () => {
    store = await driver.open({ analyzer: jsonAnalyzer, onQuery: (q) => statements.push(q) });
    const result = await store.importReports(region.reports.map((m) => ({ report: m.truth })));
    expect(result.inserted).toBe(region.reports.length);
    ids = await contentIds(store);
  });

  afterAll(async () => {
    await store?.close();
    await driver.cleanup();
  });

  it('reports the generated region exactly: missing, late by so many days, undated, 工作总结', async () => {
    statements.length = 0;
    const rows = await store.coverage({ filter: { regionCode: region.regionCode }, yearFrom: 2018, yearTo: 2021 });
    expect(statements).toHaveLength(1);
    expect(comparable(rows, ids)).toEqual(expected(region.coverage));
    // The figures the plan asked for, so the comparison above is not vacuous.
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect([count('MISSING'), count('LATE'), count('UNDATED'), rows.filter((r) => r.workSummary).length]).toEqual([5, 4, 2, 2]);
    // Ordered by region code, name, year.
    const order = rows.map((r) => [r.agency.regionCode ?? '', r.year] as const);
    for (let i = 1; i < order.length; i++) expect((order[i]?.[0] ?? '') >= (order[i - 1]?.[0] ?? '')).toBe(true);
  });

  it('keeps the neighbouring region out, and one year at a time gives the same records', async () => {
    const all = await store.coverage({ yearFrom: 2021, yearTo: 2021 });
    expect(new Set(all.map((r) => r.agency.name))).toEqual(new Set([...region.agencies, ...region.outside].map((a) => a.name)));
    const rows = await store.coverage({ filter: { regionCode: region.regionCode }, yearFrom: 2021, yearTo: 2021 });
    expect(comparable(rows, ids)).toEqual(expected(region.coverage.filter((p) => p.year === 2021)));
    expect(rows.every((r) => r.agency.regionCode?.startsWith(region.regionCode))).toBe(true);
  });

  it('a missing report whose deadline is still ahead is NOT_DUE', async () => {
    const first = region.coverage.find((p) => p.status === 'MISSING');
    expect(first).toBeDefined();
    const asOf = first?.deadline ?? '';
    const rows = await store.coverage({ filter: { regionCode: region.regionCode }, yearFrom: 2018, yearTo: 2021, asOf });
    expect(comparable(rows, ids)).toEqual(expected(region.coverage, asOf));
    expect(rows.some((r) => r.status === 'NOT_DUE')).toBe(true);
  });

  it('filters agencies by a missing, late or work-summary report for a year', async () => {
    for (const year of YEARS) {
      for (const [key, pick] of [
        ['missingReportFor', (p: ExpectedPublication) => p.status === 'MISSING'],
        ['lateFor', (p: ExpectedPublication) => p.status === 'LATE'],
        ['workSummaryFor', (p: ExpectedPublication) => p.workSummary],
      ] as const) {
        const filter = { regionCode: region.regionCode, [key]: year };
        const want = region.coverage.filter((p) => p.year === year && pick(p)).map((p) => p.agency.name).sort();
        const found = await store.findAgencies({ filter, limit: 100 });
        expect(found.map((a) => a.name).sort(), `${key} ${year}`).toEqual(want);
        expect(await store.countAgencies(filter)).toBe(want.length);
      }
    }
  });

  it('gives publication records per agency in one statement, from its first report to the latest year stored', async () => {
    const agencies = await store.findAgencies({ filter: { regionCode: region.regionCode }, limit: 100 });
    const asked = [...agencies.map((a) => a.id)].reverse();
    statements.length = 0;
    const lists = await store.publicationsByAgency([...asked, 999_999]);
    expect(statements).toHaveLength(1);
    expect(lists).toHaveLength(asked.length + 1);
    expect(lists[asked.length]).toEqual([]);
    asked.forEach((id, i) => {
      const name = agencies.find((a) => a.id === id)?.name;
      const mine = region.coverage.filter((p) => p.agency.name === name);
      const firstYear = Math.min(...mine.filter((p) => p.status !== 'MISSING').map((p) => p.year));
      const list = lists[i] ?? [];
      expect(list.every((p) => p.agencyId === id)).toBe(true);
      expect(list.map((p) => p.year)).toEqual(YEARS.filter((y) => y >= firstYear));
      expect(list.map((p) => [p.year, p.status, p.publishedOn, p.daysLate])).toEqual(
        mine.filter((p) => p.year >= firstYear).map((p) => [p.year, p.status, p.publishedOn, p.daysLate]),
      );
    });
    const ranged = await store.publicationsByAgency(asked.slice(0, 2), { yearFrom: 2020, yearTo: 2021 });
    expect(ranged.map((l) => l.map((p) => p.year))).toEqual([
      [2020, 2021],
      [2020, 2021],
    ]);
  });

  it('refuses absurd ranges', async () => {
    await expect(store.coverage({ yearFrom: 1900, yearTo: 2100 })).rejects.toThrow(StoreError);
    await expect(store.coverage({ yearFrom: 2020, yearTo: 2021, asOf: 'tomorrow' })).rejects.toThrow(/asOf/);
  });
});

describe.each(testDrivers())('coverage and the document-kind finding ($name)', (driver) => {
  it('counts a report the linter calls a 工作总结 as one, whatever its title', async () => {
    const model = region.reports.find((m) => m.truth.documentKind !== 'work-summary' && region.agencies.includes(m.agency));
    expect(model).toBeDefined();
    const report = { ...model!.truth, title: model!.truth.title.replace('年度报告', '情况') };
    const store = await driver.open({
      analyzer: {
        parse: (input, options) => jsonAnalyzer.parse(input, options),
        lint: (r, options) => [
          ...identityLint(r, options.previousReport ? { previousReport: options.previousReport } : {}),
          { ruleId: 'document-kind', severity: 1, messageId: 'workSummary', message: '工作总结', line: 1, column: 1 },
        ],
      },
    });
    try {
      await store.ingest(report);
      const rows = await store.coverage({ yearFrom: report.year, yearTo: report.year });
      expect(rows.map((r) => [r.agency.name, r.workSummary])).toEqual([[report.agency.name, true]]);
      expect((await store.findAgencies({ filter: { workSummaryFor: report.year }, limit: 5 })).map((a) => a.name)).toEqual([report.agency.name]);
    } finally {
      await store.close();
      await driver.cleanup();
    }
  });
});
